"""Builders for the tool catalogue and for many mentees at once (bulk, for query tests)."""

import itertools

from django.contrib.auth.models import Group

from home.models import HomePage
from mentoring.models import Pair, Participant, User
from mentoring.roles import GROUP_NAMES, Role
from skills.models import Mastery, ToolCategory, ToolIndexPage, ToolPage

_counter = itertools.count(1)


def catalogue():
    """The tool index under the home page (created once per database)."""
    index = ToolIndexPage.objects.first()
    if index is None:
        index = ToolIndexPage(title="Инструменты", slug="tools")
        HomePage.objects.get().add_child(instance=index)
    return index


def category(slug="bi", name="Аналитика и BI"):
    return ToolCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def tool(title=None, *, tags=(), cat=None, difficulty=1, guide=None, **fields):
    number = next(_counter)
    page = ToolPage(
        title=title or f"Инструмент {number}",
        slug=f"tool-{number}",
        short_description="Для тестов",
        category=cat,
        difficulty=difficulty,
        guide=guide or [],
        **fields,
    )
    catalogue().add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    return page


def bulk_mentees(count, *, mentor, cycle, curator=None, department=None, consent=False, tools=()):
    """``count`` mentees in active pairs with ``mentor``, each with a level in ``tools``."""
    start = next(_counter) * 100_000
    users = User.objects.bulk_create(
        [
            User(username=f"bulk{start + i}", last_name=f"Иванов{i:04d}", first_name="Пётр")
            for i in range(count)
        ]
    )
    group = Group.objects.get(name=GROUP_NAMES[Role.MENTEE])
    group.user_set.add(*users)
    people = Participant.objects.bulk_create(
        [
            Participant(
                user=u,
                department=department,
                plant=department.plant if department else None,
                consent_to_share=consent,
            )
            for u in users
        ]
    )
    Pair.objects.bulk_create(
        [
            Pair(cycle=cycle, mentor=mentor, mentee=p, curator=curator, status=Pair.Status.ACTIVE)
            for p in people
        ]
    )
    Mastery.objects.bulk_create(
        [
            Mastery(participant=p, tool=t, self_level=(i + j) % 5, mentor_level=(i * j) % 5)
            for i, p in enumerate(people)
            for j, t in enumerate(tools)
        ]
    )
    return people
