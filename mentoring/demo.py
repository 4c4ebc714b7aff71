"""Demo people of the programme: two plants, departments, the demo accounts and pairs,
then months of activity: meetings, feedback, issues, nominations and ideas.

Idempotent: every object is found by a natural key before it is created.
"""

import datetime
import functools
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from mentoring import addenda, agreements, consents, hours, workdays
from mentoring.models import (
    ConsentKind,
    ConsentRecord,
    Cycle,
    Department,
    Feedback,
    Idea,
    IssueNote,
    Meeting,
    MentoringAddendum,
    Nomination,
    Pair,
    Participant,
    PlannedMeeting,
    Plant,
    SupportIssue,
    TopicRequest,
)
from mentoring.roles import GROUP_NAMES, Role

DEMO_PASSWORD = "demo12345"  # noqa: S105 - documented demo password

PLANT = ("Завод «Уралтрубмаш»", "Каменск-Уральский")
DEPARTMENTS = [
    "Трубопрокатный цех № 2",
    "Цех отделки труб",
    "Служба главного механика",
    "Отдел технического контроля",
    "Планово-экономический отдел",
    "Отдел информационных технологий",
]

PLANT2 = ("Завод «Уралтрубмаш», площадка Полевской", "Полевской")
DEPARTMENTS2 = ["Цех холодной прокатки", "Служба качества", "Энергослужба"]

# username, last, first, patronymic, position, plant (1|2), department index, roles, consent
MORE_PEOPLE = [
    (
        "curator2",
        "Гусева",
        "Ирина",
        "Павловна",
        "Специалист по обучению",
        2,
        1,
        [Role.CURATOR],
        False,
    ),
    (
        "mentor5",
        "Фролов",
        "Никита",
        "Андреевич",
        "Инженер-программист АСУ ТП",
        1,
        5,
        [Role.MENTOR],
        True,
    ),
    (
        "mentee5",
        "Белоусов",
        "Анатолий",
        "Фёдорович",
        "Начальник цеха отделки труб",
        1,
        1,
        [Role.MENTEE],
        True,
    ),
    (
        "mentor6",
        "Тихонова",
        "Алина",
        "Рустамовна",
        "Специалист по цифровизации",
        1,
        5,
        [Role.MENTOR],
        False,
    ),
    (
        "mentee6",
        "Кравченко",
        "Людмила",
        "Степановна",
        "Начальник планово-экономического отдела",
        1,
        4,
        [Role.MENTEE],
        True,
    ),
    (
        "mentor7",
        "Мухаметов",
        "Тимур",
        "Ринатович",
        "Инженер по качеству",
        2,
        1,
        [Role.MENTOR],
        True,
    ),
    (
        "mentee7",
        "Савельев",
        "Борис",
        "Григорьевич",
        "Начальник цеха холодной прокатки",
        2,
        0,
        [Role.MENTEE],
        False,
    ),
    ("mentor8", "Павлова", "Ксения", "Игоревна", "Инженер-энергетик", 2, 2, [Role.MENTOR], True),
    (
        "mentee8",
        "Лаптев",
        "Юрий",
        "Михайлович",
        "Главный энергетик площадки",
        2,
        2,
        [Role.MENTEE],
        True,
    ),
    ("mentor9", "Дмитриев", "Олег", "Вадимович", "Инженер-технолог", 1, 0, [Role.MENTOR], False),
    ("kim", "Ким", "Алина", "Сергеевна", "Инженер-технолог", 1, 0, [], False),
    ("shestakov", "Шестаков", "Денис", "Олегович", "Программист 1С", 1, 5, [], False),
    ("garipova", "Гарипова", "Лилия", "Маратовна", "Инженер по качеству", 2, 1, [], False),
]

# username, last, first, patronymic, position, department index, roles, consent
PEOPLE = [
    (
        "hr",
        "Кузнецова",
        "Ольга",
        "Андреевна",
        "Руководитель направления по развитию персонала",
        None,
        [Role.HR_ADMIN, Role.HR_EDITOR],
        False,
    ),
    (
        "hreditor",
        "Белова",
        "Марина",
        "Игоревна",
        "Методист учебного центра",
        None,
        [Role.HR_EDITOR],
        False,
    ),
    (
        "curator",
        "Воронцова",
        "Елена",
        "Сергеевна",
        "Ведущий специалист по обучению",
        None,
        [Role.CURATOR],
        False,
    ),
    (
        "mentor",
        "Лебедев",
        "Артём",
        "Игоревич",
        "Инженер-технолог, лидер молодёжного совета",
        0,
        [Role.MENTOR],
        True,
    ),
    (
        "mentee",
        "Соколов",
        "Виктор",
        "Петрович",
        "Начальник трубопрокатного цеха № 2",
        0,
        [Role.MENTEE],
        False,
    ),
    ("mentor2", "Захарова", "Дарья", "Алексеевна", "Аналитик данных", 5, [Role.MENTOR], True),
    ("mentee2", "Морозов", "Геннадий", "Иванович", "Главный механик", 2, [Role.MENTEE], True),
    (
        "mentor3",
        "Ковалёв",
        "Илья",
        "Сергеевич",
        "Инженер по автоматизации",
        5,
        [Role.MENTOR],
        False,
    ),
    ("mentee3", "Никитина", "Галина", "Викторовна", "Начальник ОТК", 3, [Role.MENTEE], False),
    (
        "mentor4",
        "Орлова",
        "Анастасия",
        "Дмитриевна",
        "Экономист по планированию",
        4,
        [Role.MENTOR],
        True,
    ),
    (
        "mentee4",
        "Волков",
        "Сергей",
        "Николаевич",
        "Мастер участка отделки труб",
        1,
        [Role.MENTEE],
        True,
    ),
]


def _user(username, last, first, patronymic):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "last_name": last,
            "first_name": first,
            "patronymic": patronymic,
            "email": f"{username}@uraltrubmash.example",
        },
    )
    if created:
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    return user


def _demo_password_hash():
    """One hash for every demo account: hashing is slow on purpose (0.1–0.3 s each), and
    two dozen accounts with the same known password gain nothing from salts of their own."""
    return _hash_with(settings.PASSWORD_HASHERS[0])


@functools.cache
def _hash_with(hasher_path):
    # keyed by the first hasher of the settings, which decides what make_password uses
    return make_password(DEMO_PASSWORD)


def _consent_records(people):
    """Each demo consent to HR is a record against the published text, as on the site."""
    recorded = set(
        ConsentRecord.objects.filter(kind=ConsentKind.SHARE_WITH_HR).values_list(
            "participant_id", flat=True
        )
    )
    for person in people:
        if person.consent_to_share and person.pk not in recorded:
            consents.record(person, ConsentKind.SHARE_WITH_HR, True)


# People who agreed to be listed for colleagues as someone to ask («к кому обратиться»).
LISTED_FOR_COLLEAGUES = ("mentor", "mentor2", "mentor5", "mentee2")


def _listing_consents(people):
    """A few demo people agreed to be listed; everybody else stays off the lists."""
    listed = set(
        ConsentRecord.objects.filter(kind=ConsentKind.LISTED_AS_EXPERT).values_list(
            "participant_id", flat=True
        )
    )
    for username in LISTED_FOR_COLLEAGUES:
        person = people.get(username)
        if person is not None and person.pk not in listed:
            consents.record(person, ConsentKind.LISTED_AS_EXPERT, True)


# Consents given on paper and recorded by HR (the rest gave theirs on the platform).
PAPER_CONSENTS = ("mentee2", "mentee7")
# who reports to whom: (person, manager); none of them mentors their own manager
MANAGERS = [("mentor4", "mentee6"), ("mentee4", "mentee5")]


def _document_consents(people, cycle):
    """Everyone consented to the processing of personal data; mentors, to mentor this cycle."""
    hr_user = people["hr"].user
    given = set(
        ConsentRecord.objects.filter(kind=ConsentKind.PERSONAL_DATA).values_list(
            "participant_id", flat=True
        )
    )
    for username, person in people.items():
        if person.pk in given:
            continue
        paper = username in PAPER_CONSENTS
        entry = consents.record(
            person,
            ConsentKind.PERSONAL_DATA,
            True,
            way=ConsentRecord.Way.PAPER if paper else ConsentRecord.Way.ONLINE,
            by=hr_user if paper else person.user,
            effect="Согласие дано.",
        )
        if paper:
            entry.signed_on = cycle.starts_on - datetime.timedelta(days=3)
            entry.save(update_fields=["signed_on"])
    mentoring_given = set(
        ConsentRecord.objects.filter(kind=ConsentKind.MENTORING).values_list(
            "participant_id", flat=True
        )
    )
    for username, person in people.items():
        if (
            username.startswith("mentor")
            and username != "mentor9"
            and (person.pk not in mentoring_given)
        ):
            consents.record(
                person,
                ConsentKind.MENTORING,
                True,
                cycle=cycle,
                by=person.user,
                effect="Согласие дано.",
            )


def _managers(people):
    for person, manager in MANAGERS:
        if person in people and manager in people and people[person].manager_id is None:
            people[person].manager = people[manager]
            people[person].save(update_fields=["manager"])


def load(stdout=None):
    """Create the plant, departments, people with roles, one running cycle and its pairs."""
    plant, _ = Plant.objects.get_or_create(name=PLANT[0], defaults={"city": PLANT[1]})
    departments = [
        Department.objects.get_or_create(plant=plant, name=name)[0] for name in DEPARTMENTS
    ]
    groups = {role: Group.objects.get(name=GROUP_NAMES[role]) for role in Role}
    people = {}
    for index, row in enumerate(PEOPLE):
        username, last, first, patronymic, position, dept, roles, consent = row
        user = _user(username, last, first, patronymic)
        user.groups.add(*(groups[r] for r in roles))
        participant, _ = Participant.objects.get_or_create(
            user=user,
            defaults={
                "personnel_number": f"УТМ-{1001 + index}",
                "plant": plant,
                "department": departments[dept] if dept is not None else departments[5],
                "position": position,
                "consent_to_share": consent,
            },
        )
        people[username] = participant

    today = datetime.date.today()
    cycle, _ = Cycle.objects.get_or_create(
        name="Пилотный цикл «Цифровой цех»",
        defaults={
            "starts_on": today - datetime.timedelta(days=120),
            "ends_on": today + datetime.timedelta(days=60),
            "status": Cycle.Status.RUNNING,
            "preparation_minutes": 15,
        },
    )
    cycle.plants.add(plant)
    for mentor, mentee in [
        ("mentor", "mentee"),
        ("mentor2", "mentee2"),
        ("mentor3", "mentee3"),
        ("mentor4", "mentee4"),
    ]:
        Pair.objects.get_or_create(
            cycle=cycle,
            mentor=people[mentor],
            mentee=people[mentee],
            defaults={
                "curator": people["curator"],
                "status": Pair.Status.ACTIVE,
                "started_on": cycle.starts_on + datetime.timedelta(days=7),
            },
        )
    plant2, _ = Plant.objects.get_or_create(name=PLANT2[0], defaults={"city": PLANT2[1]})
    departments2 = [
        Department.objects.get_or_create(plant=plant2, name=name)[0] for name in DEPARTMENTS2
    ]
    cycle.plants.add(plant2)
    for index, row in enumerate(MORE_PEOPLE):
        username, last, first, patronymic, position, plant_no, dept, roles, consent = row
        user = _user(username, last, first, patronymic)
        user.groups.add(*(groups[r] for r in roles))
        participant, _ = Participant.objects.get_or_create(
            user=user,
            defaults={
                "personnel_number": f"УТМ-{2001 + index}",
                "plant": plant if plant_no == 1 else plant2,
                "department": (departments if plant_no == 1 else departments2)[dept],
                "position": position,
                "consent_to_share": consent,
            },
        )
        people[username] = participant
    _consent_records(people.values())
    _listing_consents(people)
    _document_consents(people, cycle)
    _managers(people)
    for mentor, mentee, curator in [
        ("mentor5", "mentee5", "curator"),
        ("mentor6", "mentee6", "curator"),
        ("mentor7", "mentee7", "curator2"),
        ("mentor8", "mentee8", "curator2"),
    ]:
        Pair.objects.get_or_create(
            cycle=cycle,
            mentor=people[mentor],
            mentee=people[mentee],
            defaults={
                "curator": people[curator],
                "status": Pair.Status.ACTIVE,
                "started_on": cycle.starts_on + datetime.timedelta(days=7),
            },
        )
    _previous_cycle(people, plant, today)
    if stdout:
        stdout.write(f"  people: {len(people)}, pairs: {cycle.pairs.count()}")
    return people


def _previous_cycle(people, plant, today):
    """Last year's pilot: finished pairs, so that mentor retention has a history."""
    cycle, _ = Cycle.objects.get_or_create(
        name="Пилот 2025 «Первые шаги»",
        defaults={
            "starts_on": today - datetime.timedelta(days=420),
            "ends_on": today - datetime.timedelta(days=240),
            "status": Cycle.Status.FINISHED,
        },
    )
    cycle.plants.add(plant)
    left = people["mentor9"]
    if left.left_company_on is None:
        left.left_company_on = today - datetime.timedelta(days=200)
        left.save(update_fields=["left_company_on"])
    for mentor, mentee in [
        ("mentor", "mentee2"),
        ("mentor2", "mentee3"),
        ("mentor3", "mentee4"),
        ("mentor4", "mentee"),
        ("mentor5", "mentee6"),
        ("mentor9", "mentee5"),
    ]:
        pair, _created = Pair.objects.get_or_create(
            cycle=cycle,
            mentor=people[mentor],
            mentee=people[mentee],
            defaults={
                "curator": people["curator"],
                "status": Pair.Status.COMPLETED,
                "started_on": cycle.starts_on,
                "ended_on": cycle.ends_on,
            },
        )
        if not pair.meetings.exists():
            # the pilot met every two weeks: its meetings show in last year's results
            day = cycle.starts_on
            while day <= cycle.ends_on - datetime.timedelta(days=7):
                Meeting.objects.create(
                    pair=pair, held_on=day, duration_minutes=60, logged_by=pair.mentor.user
                )
                day += datetime.timedelta(days=14)


def load_activity(stdout=None):
    """Meetings, feedback, nominations and ideas of the running cycle (after content)."""
    cycle = Cycle.objects.filter(name="Пилотный цикл «Цифровой цех»").first()
    if cycle is None:
        return
    people = {
        p.user.username: p
        for p in Participant.objects.select_related("user").filter(
            user__username__in=[row[0] for row in PEOPLE + MORE_PEOPLE]
        )
    }
    tools = list(_tools())
    pairs = {
        p.mentor.user.username: p
        for p in cycle.pairs.select_related("mentor__user", "mentee__user", "cycle")
    }
    created = 0
    for mentor, pair in sorted(pairs.items()):
        if not pair.meetings.exists():
            created += _meetings(pair, tools, mentor)
        if not pair.topic_requests.filter(covered_in__isnull=True).exists():
            TopicRequest.objects.create(
                pair=pair,
                text=OPEN_TOPICS[pair.pk % len(OPEN_TOPICS)],
                requested_by=pair.mentee.user,
            )
    _issues(pairs, people)
    _nominations(people, tools)
    _ideas(pairs, people)
    _agreements(pairs)
    _addenda(pairs, people)
    _ended_early(people)
    _close_last_month(people)
    _planned_meetings(pairs)
    if stdout:
        stdout.write(
            f"  meetings: {Meeting.objects.filter(pair__cycle=cycle).count()} (+{created}), "
            f"feedback: {Feedback.objects.filter(meeting__pair__cycle=cycle).count()}, "
            f"issues: {SupportIssue.objects.count()}, ideas: {Idea.objects.count()}"
        )


TOPICS = [
    "Сводные таблицы в Excel по выпуску труб за смену",
    "Как читать дашборд простоев в Power BI",
    "Планирование ремонтов в общем календаре",
    "Видеосвязь с площадкой Полевской без помощи ИТ",
    "Электронная подпись служебных записок",
    "Чат-бот заявок на ремонт оборудования",
    "Фильтры и условное форматирование в журнале ОТК",
    "Облачные папки для документов цеха",
]
OPEN_TOPICS = [
    "Хочу сам собрать отчёт по браку за месяц",
    "Как поставить задачу мастерам в мессенджере так, чтобы её не потеряли",
    "Разобраться с графиками в презентации для директора",
    "Как найти нужную инструкцию на портале за минуту",
]
NOTES = [
    "Договорились, что в следующий раз Виктор Петрович строит таблицу сам, я только подсказываю.",
    "Было трудно признаться, что не знаю, где лежит файл, — обсудили, это нормально.",
    "Попробовали на реальных данных смены; домашнее задание — повторить на данных за неделю.",
    "Темп был слишком быстрым, в следующий раз начнём с повторения.",
    "Обсудили, как объяснить мастерам новый порядок заявок.",
]
CHANGES = [
    "",
    "Больше практики на данных цеха",
    "Начинать с короткого повторения",
    "Встречаться в переговорной, а не в цеху — там шумно",
    "Давать памятку после встречи",
]


def _tools():
    model = Meeting.tools.field.related_model
    qs = model.objects.all()
    if hasattr(qs, "live"):
        qs = qs.live()
    return qs.order_by("pk")


def _meetings(pair, tools, mentor):
    """Meetings every ~2 weeks since the start; pair 3 went silent, pair 4 is struggling."""
    rng = random.Random(f"demo-{mentor}")
    today = datetime.date.today()
    stop = today - datetime.timedelta(days=40) if mentor == "mentor3" else today
    day = pair.started_on or pair.cycle.starts_on
    count = 0
    while day <= stop - datetime.timedelta(days=2):
        meeting = Meeting.objects.create(
            pair=pair,
            held_on=day,
            duration_minutes=rng.choice([45, 60, 60, 75, 90]),
            topics_requested=TOPICS[(count + pair.pk) % len(TOPICS)],
            private_notes=rng.choice(NOTES),
            logged_by=(pair.mentor if count % 2 == 0 else pair.mentee).user,
        )
        if tools:
            meeting.tools.set(rng.sample(tools, k=min(len(tools), rng.choice([1, 2]))))
        last = day + datetime.timedelta(days=16) > stop
        if not last or mentor != "mentor":
            for author, side in ((pair.mentor, "mentor"), (pair.mentee, "mentee")):
                if mentor == "mentor4":
                    # the struggling pair: feedback falls month after month
                    usefulness = max(1, 5 - count // 2)
                    dialogue = max(1, 4 - count // 2)
                else:
                    usefulness, dialogue = rng.choice([4, 5, 5]), rng.choice([3, 4, 5, 5])
                Feedback.objects.create(
                    meeting=meeting,
                    author=author,
                    side=side,
                    usefulness=usefulness,
                    equal_dialogue=dialogue,
                    what_to_change=rng.choice(CHANGES),
                )
        count += 1
        day += datetime.timedelta(days=pair.cycle.meeting_every_days + rng.choice([-2, 0, 0, 3]))
    return count


PLACES = [
    "Переговорная цеха № 3",
    "Учебный класс заводоуправления, каб. 214",
    "",
]


def _planned_meetings(pairs):
    """The next meeting of each running pair, planned a few days ahead (the calendar)."""
    from django.utils import timezone

    for index, (_mentor, pair) in enumerate(sorted(pairs.items())):
        if pair.status != Pair.Status.ACTIVE or pair.planned_meetings.exists():
            continue
        day = timezone.localdate() + datetime.timedelta(days=2 + index % 5)
        place = PLACES[index % len(PLACES)]
        PlannedMeeting.objects.create(
            pair=pair,
            starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0))),
            duration_minutes=60,
            place=place,
            link="" if place else "https://vks.intranet.example-zavod.ru/room/nastavnik",
            created_by=pair.mentor.user,
        )


def _agreements(pairs):
    """Agreements from the mentees' goals: most accepted by both; one awaits the mentee, and
    one change of the meeting slot awaits the demo mentee."""
    for mentor, pair in sorted(pairs.items()):
        if pair.status not in Pair.RUNNING_STATUSES or pair.agreements.exists():
            continue
        draft = agreements.initial(pair)
        agreement = agreements.new_version(
            pair,
            goals=draft["goals"] or "Освоить инструменты из целей наставляемого на задачах цеха.",
            tools=draft["tools"],
            meeting_format=draft["meeting_format"],
            meeting_every_days=draft["meeting_every_days"],
            meeting_slot="По четвергам в 15:00, переговорная цеха",
            by=pair.mentor.user,
        )
        if mentor != "mentor6":
            agreements.accept(agreement, pair.mentee.user)
        if mentor == "mentor":
            # The mentor moved the meetings: the change waits for the mentee to accept it.
            agreements.new_version(
                pair,
                goals=agreement.goals,
                tools=list(agreement.tools.all()),
                meeting_format=agreement.meeting_format,
                meeting_every_days=agreement.meeting_every_days,
                meeting_slot="По вторникам в 10:00, учебный класс заводоуправления",
                by=pair.mentor.user,
            )


def _addenda(pairs, people):
    """Each mentor's addendum: signed, except one still being drafted."""
    hr_user = people["hr"].user if "hr" in people else None
    for mentor, pair in sorted(pairs.items()):
        if MentoringAddendum.objects.filter(pair=pair).exists():
            continue
        addendum = addenda.draft(
            pair,
            by=hr_user,
            pay_basis="ежемесячная доплата за работу наставника 5 000 руб. "
            "(ст. 351.8 ТК РФ) за каждый полный месяц срока наставничества",
        )
        if mentor != "mentor8":
            addendum.status = MentoringAddendum.Status.SIGNED
            addendum.signed_on = addendum.starts_on
            addendum.save(update_fields=["status", "signed_on"])


def _ended_early(people):
    """Last year's pilot: one pair ended early at the mentee's request, then rematched."""
    cycle = Cycle.objects.filter(name="Пилот 2025 «Первые шаги»").first()
    if cycle is None or "mentor6" not in people or "mentee3" not in people:
        return
    notice = cycle.starts_on + datetime.timedelta(days=40)
    pair, created = Pair.objects.get_or_create(
        cycle=cycle,
        mentor=people["mentor6"],
        mentee=people["mentee3"],
        defaults={
            "curator": people["curator"],
            "status": Pair.Status.ENDED_EARLY,
            "started_on": cycle.starts_on,
            "end_notice_on": notice,
            "ended_on": workdays.earliest_early_end(notice),
            "end_reason": "Не совпадают смены: встречи постоянно переносились.",
            "end_started_side": Pair.Side.MENTEE,
            "end_started_by": people["mentee3"].user,
        },
    )
    if created:
        addendum = addenda.draft(
            pair,
            pay_basis="ежемесячная доплата за работу наставника 4 000 руб.",
            starts_on=cycle.starts_on,
            ends_on=cycle.ends_on,
        )
        MentoringAddendum.objects.filter(pk=addendum.pk).update(
            status=MentoringAddendum.Status.ENDED,
            signed_on=cycle.starts_on,
            ended_on=pair.ended_on,
        )
        Pair.objects.filter(cycle=cycle, mentee=people["mentee3"], rematch_of__isnull=True).exclude(
            pk=pair.pk
        ).update(rematch_of=pair)


def _close_last_month(people):
    """Payroll has closed last month's mentoring hours."""
    if "hr" not in people:
        return
    last_month = hours.month_start(datetime.date.today()) - datetime.timedelta(days=1)
    if hours.closed_month(last_month) is None:
        hours.close(last_month, people["hr"].user)


def _issues(pairs, people):
    rows = [
        (
            "mentor4",
            "mentee",
            "Встречи превращаются в лекцию",
            "Наставник много рассказывает, а попробовать самому времени не остаётся. "
            "Неудобно говорить ему напрямую.",
            SupportIssue.Status.OPEN,
            None,
        ),
        (
            "mentor7",
            "mentor",
            "Наставляемый отвлекается на звонки",
            "На каждой встрече по 3–4 звонка из цеха, за час успеваем минут двадцать.",
            SupportIssue.Status.IN_PROGRESS,
            "Поговорила с Борисом Григорьевичем: договорились, что на время встречи "
            "телефон передаётся заместителю. Проверить через две недели.",
        ),
        (
            "mentor2",
            "mentee",
            "Не совпадают смены",
            "Наставник работает в дневную смену, я — в сменном графике.",
            SupportIssue.Status.RESOLVED,
            "Согласовали встречи по четвергам в 15:00 на стыке смен.",
        ),
    ]
    for mentor, side, subject, description, status, note in rows:
        pair = pairs.get(mentor)
        if pair is None or SupportIssue.objects.filter(pair=pair, subject=subject).exists():
            continue
        issue = SupportIssue.objects.create(
            pair=pair,
            raised_by=pair.mentor if side == "mentor" else pair.mentee,
            subject=subject,
            description=description,
        )
        if note:
            IssueNote.objects.create(issue=issue, author=pair.curator, text=note)
        if status != SupportIssue.Status.OPEN:
            issue.set_status(status)
        if status == SupportIssue.Status.IN_PROGRESS and pair.curator is not None:
            # the curator needs HR (a change of shift pattern): HR admins see it from now on
            issue.hand_over_to_hr(
                pair.curator,
                "Нужно согласовать с начальником цеха перенос встреч в обеденное окно.",
            )


def _nominations(people, tools):
    rows = [
        ("kim", "kim", Nomination.Kind.SELF, Nomination.Status.SUBMITTED, (5, 4, 4, 4, 5), ""),
        (
            "mentor2",
            "shestakov",
            Nomination.Kind.RECOMMENDATION,
            Nomination.Status.ACCEPTED,
            (5, 5, 5, 3, 4),
            "Приглашён на обучение наставников в следующем цикле.",
        ),
        (
            "mentee",
            "garipova",
            Nomination.Kind.RECOMMENDATION,
            Nomination.Status.WAITING_LIST,
            (4, 4, 5, 5, 3),
            "Вернёмся при наборе пар на площадке Полевской.",
        ),
    ]
    for nominator, nominee, kind, status, scores, comment in rows:
        if nominator not in people or nominee not in people:
            continue
        nomination, created = Nomination.objects.get_or_create(
            nominator=people[nominator],
            nominee=people[nominee],
            defaults={
                "kind": kind,
                "status": status,
                "hr_comment": comment,
                "outcome_sent_for": "" if status == Nomination.Status.SUBMITTED else status,
                "statement": "Сама ведёт учёт в Excel и помогает коллегам с отчётами."
                if nominee == "kim"
                else "Объясняет спокойно и понятно, коллеги сами идут к нему с вопросами.",
                **dict(
                    zip(
                        (
                            "digital_literacy",
                            "systems_thinking",
                            "expertise",
                            "communication",
                            "motivation",
                        ),
                        scores,
                        strict=True,
                    )
                ),
            },
        )
        if created and tools:
            nomination.tools.set(tools[:2])


def _ideas(pairs, people):
    today = datetime.date.today()
    rows = [
        (
            "mentee",
            "Электронный журнал смены вместо бумажного",
            Idea.Status.IMPLEMENTED,
            "Мастера тратят на передачу смены 10 минут вместо 25.",
            70,
        ),
        (
            "mentee2",
            "QR-коды на станках со ссылкой на инструкцию по наладке",
            Idea.Status.IMPLEMENTED,
            "Наладчики находят инструкцию за минуту; 14 станков промаркированы.",
            50,
        ),
        (
            "mentor2",
            "Общий календарь ремонтов для цеха и службы главного механика",
            Idea.Status.IMPLEMENTED,
            "Пересечений ремонтов и плановых плавок стало меньше.",
            35,
        ),
        (
            "mentee6",
            "Шаблон Excel для еженедельного отчёта по затратам",
            Idea.Status.IMPLEMENTED,
            "Отчёт готовится за час вместо половины дня.",
            20,
        ),
        (
            "mentor7",
            "Видеосвязь на планёрке с площадкой Полевской",
            Idea.Status.IMPLEMENTED,
            "Начальники цехов Полевского участвуют в планёрке без поездок.",
            8,
        ),
        (
            "mentee3",
            "Фотофиксация брака с планшета прямо в журнал ОТК",
            Idea.Status.ACCEPTED,
            "",
            0,
        ),
        ("mentor5", "Чат-бот для заявок на ремонт", Idea.Status.IN_REVIEW, "", 0),
        ("mentee8", "Датчики учёта электроэнергии по участкам", Idea.Status.PROPOSED, "", 0),
        (
            "mentor6",
            "Печать всех отчётов в цветном виде",
            Idea.Status.DECLINED,
            "Отклонено: дорого и не даёт эффекта, достаточно электронного вида.",
            0,
        ),
    ]
    for author, title, status, effect, days_ago in rows:
        if author not in people or Idea.objects.filter(title=title).exists():
            continue
        pair = next(
            (
                p
                for p in pairs.values()
                if author in (p.mentor.user.username, p.mentee.user.username)
            ),
            None,
        )
        Idea.objects.create(
            author=people[author],
            pair=pair,
            title=title,
            description=title + ". Идея родилась на встрече пары.",
            status=status,
            effect=effect,
            implemented_on=today - datetime.timedelta(days=days_ago)
            if status == Idea.Status.IMPLEMENTED
            else None,
        )
