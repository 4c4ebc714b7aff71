"""The large data set the benchmarks run on: a big plant network with many pairs.

Built with ``bulk_create`` so that a few thousand people take seconds, not minutes.
"""

import datetime
import itertools
import random

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from mentoring.models import Cycle, Department, Pair, Participant, Plant, User
from mentoring.roles import GROUP_NAMES, Role

PASSWORD = "demo12345"  # noqa: S105 - throwaway benchmark database


def build_people(scale=1, seed=7):
    """Plants, departments, ``1000 * scale`` mentees with mentors and curators, in pairs.

    Returns a dict of handy objects (the busiest curator, a mentor, a mentee, an HR user).
    """
    rnd = random.Random(seed)
    n_mentees = 1000 * scale
    n_mentors = max(50, n_mentees // 2)
    n_curators = max(5, n_mentees // 40)
    plants = Plant.objects.bulk_create(
        [Plant(name=f"Бенч-завод {i}", city="Екатеринбург") for i in range(1, 6)]
    )
    departments = Department.objects.bulk_create(
        [Department(plant=p, name=f"Цех {j}") for p in plants for j in range(1, 9)]
    )
    password = make_password(PASSWORD)

    def people(prefix, count, role):
        users = User.objects.bulk_create(
            [
                User(
                    username=f"{prefix}{i}",
                    last_name=f"Фамилия{i}",
                    first_name="Имя",
                    password=password,
                )
                for i in range(count)
            ]
        )
        group = Group.objects.get(name=GROUP_NAMES[role])
        group.user_set.through.objects.bulk_create(
            [group.user_set.through(user_id=u.pk, group_id=group.pk) for u in users]
        )
        participants = []
        for user in users:
            dept = rnd.choice(departments)
            participants.append(
                Participant(
                    user=user,
                    plant_id=dept.plant_id,
                    department=dept,
                    position="Инженер",
                    consent_to_share=rnd.random() < 0.3,
                )
            )
        return Participant.objects.bulk_create(participants)

    mentees = people("bmentee", n_mentees, Role.MENTEE)
    mentors = people("bmentor", n_mentors, Role.MENTOR)
    curators = people("bcurator", n_curators, Role.CURATOR)
    hr = people("bhr", 1, Role.HR_ADMIN)[0]
    today = datetime.date.today()
    cycle = Cycle.objects.create(
        name="Бенч-цикл",
        starts_on=today - datetime.timedelta(days=150),
        ends_on=today + datetime.timedelta(days=30),
        status=Cycle.Status.RUNNING,
    )
    cycle.plants.set(plants)
    pairs = Pair.objects.bulk_create(
        [
            Pair(
                cycle=cycle,
                mentor=mentors[i % n_mentors],
                mentee=mentee,
                curator=curators[i % n_curators],
                status=Pair.Status.ACTIVE,
                started_on=cycle.starts_on,
            )
            for i, mentee in enumerate(mentees)
        ]
    )
    return {
        "plants": plants,
        "cycle": cycle,
        "pairs": pairs,
        "mentees": mentees,
        "mentors": mentors,
        "curator": curators[0],
        "mentor": mentors[0],
        "mentee": mentees[0],
        "hr": hr,
    }


def build_activity(data, seed=11):
    """Skills history, goals, meetings and feedback for every generated pair, in bulk.

    Needs the demo content (tools) to exist; each mentee works on six tools with three
    events per tool, and each pair has six meetings with feedback from both sides.
    """
    from django.utils import timezone

    from mentoring.models import Feedback, Meeting
    from skills.models import Mastery, MasteryEvent, SkillGoal, ToolPage

    rnd = random.Random(seed)
    tools = list(ToolPage.objects.live().values_list("pk", flat=True))
    now = timezone.now()
    masteries, goals = [], []
    for pair in data["pairs"]:
        for tool_id in rnd.sample(tools, min(6, len(tools))):
            level = rnd.randint(1, 4)
            masteries.append(
                Mastery(
                    participant_id=pair.mentee_id,
                    tool_id=tool_id,
                    self_level=level,
                    mentor_level=max(0, level - rnd.randint(0, 1)),
                )
            )
            if len(goals) < len(data["pairs"]) * 3 and rnd.random() < 0.5:
                goals.append(
                    SkillGoal(
                        participant_id=pair.mentee_id,
                        tool_id=tool_id,
                        cycle=data["cycle"],
                        target_level=min(4, level + 1),
                    )
                )
    masteries = Mastery.objects.bulk_create(masteries, batch_size=2000)
    SkillGoal.objects.bulk_create(goals, batch_size=2000)
    events = []
    for mastery in masteries:
        steps = sorted({0, mastery.mentor_level or 0, rnd.randint(0, mastery.mentor_level or 0)})
        for i, (low, high) in enumerate(itertools.pairwise(steps)):
            events.append(
                MasteryEvent(
                    mastery=mastery,
                    lens="mentor",
                    from_level=low,
                    to_level=high,
                    recorded_at=now - datetime.timedelta(days=120 - 30 * i),
                    evidence_text="Бенч",
                )
            )
    MasteryEvent.objects.bulk_create(events, batch_size=5000)
    meetings = []
    for pair in data["pairs"]:
        for week in range(6):
            meetings.append(
                Meeting(
                    pair=pair,
                    held_on=data["cycle"].starts_on + datetime.timedelta(days=14 * week + 7),
                    duration_minutes=60,
                    private_notes="Заметки пары",
                )
            )
    meetings = Meeting.objects.bulk_create(meetings, batch_size=5000)
    pairs_by_id = {p.pk: p for p in data["pairs"]}
    feedback = []
    for meeting in meetings:
        pair = pairs_by_id[meeting.pair_id]
        for side, author in (("mentor", pair.mentor_id), ("mentee", pair.mentee_id)):
            feedback.append(
                Feedback(
                    meeting=meeting,
                    author_id=author,
                    side=side,
                    usefulness=rnd.randint(3, 5),
                    equal_dialogue=rnd.randint(2, 5),
                )
            )
    Feedback.objects.bulk_create(feedback, batch_size=5000)
    return {
        "masteries": len(masteries),
        "mastery_events": len(events),
        "meetings": len(meetings),
        "feedback": len(feedback),
    }


def build_library(count=200):
    """Top the demo library up to ``count`` materials (pages), for the library listing."""
    from curricula.models import LibraryIndexPage, MaterialPage

    index = LibraryIndexPage.objects.first()
    existing = MaterialPage.objects.count()
    kinds = [k for k, _label in MaterialPage.Kind.choices]
    for i in range(existing, count):
        index.add_child(
            instance=MaterialPage(
                title=f"Бенч-материал {i}",
                slug=f"bench-material-{i}",
                kind=kinds[i % len(kinds)],
                format="pair",
                audience="mentor",
                duration_minutes=10 + i % 50,
                summary="Материал для замеров.",
            )
        )
    return MaterialPage.objects.count()
