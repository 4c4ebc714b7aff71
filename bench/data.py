"""The large data set the benchmarks run on: a big plant network with many pairs.

Built with ``bulk_create`` so that a few thousand people take seconds, not minutes.
"""

import datetime
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
