"""The data set the benchmark runs on: a holding of plants running one programme.

Sizes (``SIZES``): the full holding — 5,000 participants across 5 plants, 300 tools,
2,000 content pages, 1,500 pairs, 200,000 mastery events, 30,000 meetings — a tenth of it,
and a quick one for tests. Records are built with ``bulk_create`` (seconds, not minutes);
pages go through Wagtail's tree (``add_child``) because their paths must be right.
"""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from mentoring.models import Cycle, Department, Feedback, Meeting, Pair, Participant, Plant, User
from mentoring.roles import GROUP_NAMES, Role

PASSWORD = "demo12345"  # noqa: S105 - throwaway benchmark database

SIZES = {
    "full": {
        "participants": 5000,
        "plants": 5,
        "tools": 300,
        "pages": 2000,
        "pairs": 1500,
        "events": 200_000,
        "meetings": 30_000,
    },
    "tenth": {
        "participants": 500,
        "plants": 5,
        "tools": 30,
        "pages": 200,
        "pairs": 150,
        "events": 20_000,
        "meetings": 3000,
    },
    "quick": {
        "participants": 60,
        "plants": 5,
        "tools": 8,
        "pages": 24,
        "pairs": 20,
        "events": 800,
        "meetings": 120,
    },
}


def build(sizes, *, prefix="b", seed=7):
    """Build (add) one holding of ``sizes``; usernames start with ``prefix``.

    Needs the demo content (home, catalogue, library, tracks, the scale). Returns the people
    the pages are measured as: a mentee, a mentor, a curator and an HR admin, all busy ones.
    """
    rnd = random.Random(seed)
    tools = build_tools(sizes["tools"], prefix, rnd)
    build_content(sizes["pages"], prefix, tools, rnd)
    people = build_people(sizes, prefix, rnd)
    build_activity(sizes, people, tools, rnd)
    return people


def build_tools(count, prefix, rnd):
    """``count`` more tool pages in the catalogue, each in a category and with tags."""
    from skills.models import ToolCategory, ToolIndexPage, ToolPage

    index = ToolIndexPage.objects.first()
    categories = list(ToolCategory.objects.all()) or [
        ToolCategory.objects.create(name="Бенч", slug="bench")
    ]
    made = []
    for i in range(count):
        page = ToolPage(
            title=f"Бенч-инструмент {prefix}{i}",
            slug=f"bench-tool-{prefix}{i}",
            short_description="Инструмент для замеров.",
            category=rnd.choice(categories),
            vendor="Бенч",
            difficulty=1 + i % 3,
        )
        index.add_child(instance=page)
        page.tags.add(f"бенч-{i % 12}")
        page.save()
        made.append(page)
    return list(ToolPage.objects.live().values_list("pk", flat=True))


def build_content(count, prefix, tools, rnd):
    """``count`` content pages: half library materials, half modules of new tracks."""
    from curricula.models import (
        LibraryIndexPage,
        MaterialPage,
        ModulePage,
        TrackIndexPage,
        TrackPage,
    )

    library = LibraryIndexPage.objects.first()
    kinds = [k for k, _label in MaterialPage.Kind.choices]
    for i in range(count // 2):
        material = MaterialPage(
            title=f"Бенч-материал {prefix}{i}",
            slug=f"bench-material-{prefix}{i}",
            kind=kinds[i % len(kinds)],
            format="pair",
            audience="mentor",
            duration_minutes=10 + i % 50,
            summary="Материал для замеров.",
        )
        library.add_child(instance=material)
        material.tools.set(rnd.sample(tools, min(2, len(tools))))
        material.save()
    tracks_index = TrackIndexPage.objects.first()
    modules = count - count // 2
    per_track = 10
    for t in range((modules + per_track - 1) // per_track):
        track = TrackPage(title=f"Бенч-трек {prefix}{t}", slug=f"bench-track-{prefix}{t}")
        tracks_index.add_child(instance=track)
        for m in range(min(per_track, modules - t * per_track)):
            track.add_child(
                instance=ModulePage(
                    title=f"Модуль {m + 1} трека {prefix}{t}", slug=f"module-{m + 1}"
                )
            )


def build_people(sizes, prefix, rnd):
    """Plants, departments, participants by role and the pairs of one running cycle."""
    n_plants = sizes["plants"]
    plants = Plant.objects.bulk_create(
        [Plant(name=f"Бенч-завод {prefix}{i}", city="Екатеринбург") for i in range(n_plants)]
    )
    departments = Department.objects.bulk_create(
        [Department(plant=p, name=f"Цех {j}") for p in plants for j in range(1, 9)]
    )
    password = make_password(PASSWORD)
    n_pairs = sizes["pairs"]
    n_mentors = max(1, n_pairs // 3)
    n_curators = max(1, n_pairs // 50)
    n_mentees = max(n_pairs, sizes["participants"] - n_mentors - n_curators - 1)

    def people(kind, count, role):
        users = User.objects.bulk_create(
            [
                User(
                    username=f"{prefix}{kind}{i}",
                    last_name=f"Фамилия{i}",
                    first_name="Имя",
                    password=password,
                )
                for i in range(count)
            ],
            batch_size=2000,
        )
        group = Group.objects.get(name=GROUP_NAMES[role])
        through = group.user_set.through
        through.objects.bulk_create(
            [through(user_id=u.pk, group_id=group.pk) for u in users], batch_size=2000
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
        return Participant.objects.bulk_create(participants, batch_size=2000)

    mentees = people("mentee", n_mentees, Role.MENTEE)
    mentors = people("mentor", n_mentors, Role.MENTOR)
    curators = people("curator", n_curators, Role.CURATOR)
    hr = people("hr", 1, Role.HR_ADMIN)[0]
    Group.objects.get(name=GROUP_NAMES[Role.HR_EDITOR]).user_set.add(hr.user)
    today = datetime.date.today()
    cycle = Cycle.objects.create(
        name=f"Бенч-цикл {prefix}",
        starts_on=today - datetime.timedelta(days=300),
        ends_on=today + datetime.timedelta(days=60),
        status=Cycle.Status.RUNNING,
    )
    cycle.plants.set(plants)
    pairs = Pair.objects.bulk_create(
        [
            Pair(
                cycle=cycle,
                mentor=mentors[i % n_mentors],
                mentee=mentees[i],
                curator=curators[i % n_curators],
                status=Pair.Status.ACTIVE,
                started_on=cycle.starts_on,
            )
            for i in range(n_pairs)
        ],
        batch_size=2000,
    )
    return {
        "cycle": cycle,
        "pairs": pairs,
        "mentee": mentees[0],
        "mentor": mentors[0],
        "curator": curators[0],
        "hr": hr,
    }


def build_activity(sizes, people, tools, rnd):
    """Levels and their history, goals, meetings and feedback of the pairs, in bulk."""
    from skills.models import Mastery, MasteryEvent, SkillGoal

    pairs = people["pairs"]
    now = timezone.now()
    per_mentee = min(8, len(tools))
    masteries, goals = [], []
    for pair in pairs:
        for tool_id in rnd.sample(tools, per_mentee):
            masteries.append(Mastery(participant_id=pair.mentee_id, tool_id=tool_id, self_level=0))
            if rnd.random() < 0.3:
                goals.append(
                    SkillGoal(
                        participant_id=pair.mentee_id,
                        tool_id=tool_id,
                        cycle=people["cycle"],
                        target_level=rnd.randint(2, 4),
                    )
                )
    masteries = Mastery.objects.bulk_create(masteries, batch_size=2000)
    SkillGoal.objects.bulk_create(goals, batch_size=2000)
    per_mastery = max(1, sizes["events"] // max(1, len(masteries)))
    events, levels = [], {}
    for mastery in masteries:
        for lens in ("self", "mentor"):
            levels[(mastery.pk, lens)] = 0
        for k in range(per_mastery):
            lens = "self" if k % 2 else "mentor"
            low = levels[(mastery.pk, lens)]
            high = max(0, min(4, low + rnd.choice((1, 1, 1, -1))))
            levels[(mastery.pk, lens)] = high
            events.append(
                MasteryEvent(
                    mastery=mastery,
                    lens=lens,
                    from_level=low,
                    to_level=high,
                    recorded_at=now - datetime.timedelta(days=per_mastery - k),
                    evidence_text="Бенч",
                )
            )
        mastery.self_level = levels[(mastery.pk, "self")]
        mastery.mentor_level = levels[(mastery.pk, "mentor")]
    MasteryEvent.objects.bulk_create(events[: sizes["events"]], batch_size=5000)
    Mastery.objects.bulk_update(masteries, ["self_level", "mentor_level"], batch_size=2000)
    per_pair = max(1, sizes["meetings"] // len(pairs))
    meetings = [
        Meeting(
            pair=pair,
            held_on=people["cycle"].starts_on + datetime.timedelta(days=7 + 14 * (w % 20)),
            duration_minutes=60,
            private_notes="Заметки пары",
        )
        for pair in pairs
        for w in range(per_pair)
    ]
    meetings = Meeting.objects.bulk_create(meetings, batch_size=5000)
    by_id = {p.pk: p for p in pairs}
    feedback = [
        Feedback(
            meeting=meeting,
            author_id=author,
            side=side,
            usefulness=rnd.randint(3, 5),
            equal_dialogue=rnd.randint(2, 5),
        )
        for meeting in meetings
        for side, author in (
            ("mentor", by_id[meeting.pair_id].mentor_id),
            ("mentee", by_id[meeting.pair_id].mentee_id),
        )
    ]
    Feedback.objects.bulk_create(feedback, batch_size=5000)
