"""Demo people of the programme: a plant, its departments, the demo accounts and pairs.

Idempotent: every object is found by a natural key before it is created.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mentoring.models import Cycle, Department, Pair, Participant, Plant
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
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


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
    if stdout:
        stdout.write(f"  people: {len(people)}, pairs: {cycle.pairs.count()}")
    return people


def load_activity(stdout=None):
    """Meetings, feedback, nominations and ideas of the running cycle (after content)."""
