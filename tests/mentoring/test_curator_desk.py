"""The curator's desk shows the health of curated pairs and what to do next."""

import datetime

import pytest

from django.urls import reverse

from wagtail import hooks

from mentoring import health
from mentoring.health import Signal
from tests.mentoring.factories import (
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    SupportIssueFactory,
)
from tests.utils import query_count

TODAY = datetime.date.today()


def _days_ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def desk(db):
    healthy = PairFactory()
    curator = healthy.curator
    MeetingFactory(pair=healthy, held_on=_days_ago(3))
    silent = PairFactory(curator=curator, cycle=healthy.cycle, started_on=_days_ago(60))
    MeetingFactory(pair=silent, held_on=_days_ago(45))
    troubled = PairFactory(curator=curator, cycle=healthy.cycle)
    old = MeetingFactory(pair=troubled, held_on=_days_ago(50))
    FeedbackFactory(meeting=old, usefulness=5, equal_dialogue=5)
    recent = MeetingFactory(pair=troubled, held_on=_days_ago(5))
    FeedbackFactory(meeting=recent, usefulness=2, equal_dialogue=2)
    SupportIssueFactory(pair=troubled, subject="Не сходимся по темам")
    return {"curator": curator, "healthy": healthy, "silent": silent, "troubled": troubled}


def test_signals_and_advice(client, desk):
    client.force_login(desk["curator"].user)
    response = client.get(reverse("curator_desk"))
    rows = {r["pair"].pk: {s.key for s in r["signals"]} for r in response.context["rows"]}
    assert rows[desk["healthy"].pk] == set()
    assert rows[desk["silent"].pk] == {"no_meeting"}
    assert rows[desk["troubled"].pk] == {"open_issue", "falling_feedback"}
    body = response.content.decode()
    assert "Нет встреч уже 45 дн." in body
    assert "Позвоните обоим участникам" in body
    assert "Не сходимся по темам" in body
    assert response.context["rows"][0]["pair"] == desk["troubled"]


def test_desk_shows_only_own_pairs(client, desk):
    stranger = PairFactory()
    client.force_login(stranger.curator.user)
    body = client.get(reverse("curator_desk")).content.decode()
    assert desk["troubled"].mentee.full_name not in body
    assert stranger.mentee.full_name in body


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_desk_is_for_curators(client, desk, role):
    client.force_login(getattr(desk["healthy"], role).user)
    assert client.get(reverse("curator_desk")).status_code == 403


def test_upper_apps_add_signals(client, desk):
    def goals(pairs):
        return {desk["healthy"].pk: [Signal("goals", "Цели без прогресса", "Обсудите цели")]}

    with hooks.register_temporarily(health.SIGNALS_HOOK, goals):
        client.force_login(desk["curator"].user)
        assert "Цели без прогресса" in client.get(reverse("curator_desk")).content.decode()


def test_desk_queries_do_not_grow(client, desk):
    client.force_login(desk["curator"].user)
    url = reverse("curator_desk")
    small = query_count(client.get, url)
    for _ in range(6):
        pair = PairFactory(curator=desk["curator"], cycle=desk["healthy"].cycle)
        FeedbackFactory(meeting=MeetingFactory(pair=pair))
        SupportIssueFactory(pair=pair)
    assert query_count(client.get, url) == small


def test_the_cached_desk_follows_a_new_meeting_and_is_the_reader_s_own(client, desk):
    client.force_login(desk["curator"].user)
    assert "Нет встреч уже 45 дн." in client.get(reverse("curator_desk")).content.decode()
    MeetingFactory(pair=desk["silent"], held_on=_days_ago(1))
    body = client.get(reverse("curator_desk")).content.decode()
    assert "Нет встреч уже 45 дн." not in body
    stranger = PairFactory()
    client.force_login(stranger.curator.user)
    other = client.get(reverse("curator_desk")).content.decode()
    assert desk["silent"].mentee.full_name not in other
    assert stranger.mentee.full_name in other
