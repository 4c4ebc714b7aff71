"""Pair lifecycle: sensible transitions pass, nonsense is refused with a clear message."""

import datetime

import pytest

from django.urls import reverse

from mentoring.models import Pair, PairTransitionError
from tests.mentoring.factories import PairFactory


def test_proposed_pair_becomes_active_and_gets_a_start_date(db):
    pair = PairFactory(status=Pair.Status.PROPOSED)
    pair.transition_to(Pair.Status.ACTIVE)
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    assert pair.started_on == datetime.date.today()


def test_pause_resume_and_complete(db):
    pair = PairFactory()
    pair.transition_to("paused")
    pair.transition_to("active")
    pair.transition_to("completed")
    pair.refresh_from_db()
    assert pair.status == Pair.Status.COMPLETED
    assert pair.ended_on == datetime.date.today()


@pytest.mark.parametrize(
    ("start", "target", "message"),
    [
        ("completed", "active", "жизненный цикл завершён"),
        ("ended_early", "paused", "жизненный цикл завершён"),
        ("proposed", "paused", "Пара не может перейти из статуса «предложена» в «на паузе»"),
        ("active", "active", "Пара уже в статусе «активна»"),
        ("proposed", "completed", "Возможно: «активна», «завершена досрочно»"),
    ],
)
def test_nonsense_transitions_are_refused_with_a_russian_message(db, start, target, message):
    pair = PairFactory(status=start)
    with pytest.raises(PairTransitionError) as error:
        pair.transition_to(target)
    assert message in error.value.messages[0]
    pair.refresh_from_db()
    assert pair.status == start


def test_ending_early_needs_a_reason(db):
    pair = PairFactory()
    with pytest.raises(PairTransitionError) as error:
        pair.transition_to(Pair.Status.ENDED_EARLY, "  ")
    assert "Укажите причину" in error.value.messages[0]
    pair.transition_to(Pair.Status.ENDED_EARLY, "Наставник перешёл на другую площадку")
    pair.refresh_from_db()
    assert pair.end_reason == "Наставник перешёл на другую площадку"


def test_rematch_ends_the_pair_and_proposes_a_new_one(db):
    pair = PairFactory()
    other = PairFactory(cycle=pair.cycle)
    new = pair.rematch(mentor=other.mentor, reason="Не сложился диалог")
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ENDED_EARLY
    assert new.rematch_of == pair
    assert new.status == Pair.Status.PROPOSED
    assert (new.mentor, new.mentee, new.curator) == (other.mentor, pair.mentee, pair.curator)


def _admin_post(pair, status, reason=""):
    return {
        "cycle": pair.cycle_id,
        "mentor": pair.mentor_id,
        "mentee": pair.mentee_id,
        "curator": pair.curator_id,
        "status": status,
        "end_reason": reason,
        "started_on": "",
        "ended_on": "",
        "rematch_of": "",
    }


def test_admin_refuses_a_nonsense_transition(client, hr_admin):
    pair = PairFactory(status=Pair.Status.COMPLETED)
    client.force_login(hr_admin.user)
    url = reverse("pairs:edit", args=[pair.pk])
    response = client.post(url, _admin_post(pair, "active"))
    assert response.status_code == 200
    assert "жизненный цикл завершён" in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.COMPLETED


def test_admin_pauses_an_active_pair(client, hr_admin):
    pair = PairFactory()
    client.force_login(hr_admin.user)
    url = reverse("pairs:edit", args=[pair.pk])
    response = client.post(url, _admin_post(pair, "paused"))
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == Pair.Status.PAUSED


def test_admin_pair_listing_exports_a_spreadsheet(client, hr_admin):
    PairFactory()
    client.force_login(hr_admin.user)
    response = client.get(reverse("pairs:index") + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_admin_transition_action(client, hr_admin):
    pair = PairFactory()
    client.force_login(hr_admin.user)
    listing = client.get(reverse("pairs:index")).content.decode()
    assert reverse("pair_transition", args=[pair.pk, "paused"]) in listing
    url = reverse("pair_transition", args=[pair.pk, "ended_early"])
    response = client.post(url, {"reason": ""})
    assert "Укажите причину" in response.content.decode()
    client.post(url, {"reason": "Наставник уволился"})
    pair.refresh_from_db()
    assert (pair.status, pair.end_reason) == (Pair.Status.ENDED_EARLY, "Наставник уволился")
    response = client.post(reverse("pair_transition", args=[pair.pk, "active"]), {"reason": ""})
    assert "жизненный цикл завершён" in response.content.decode()


def test_admin_transition_needs_the_permission(client, hr_editor):
    pair = PairFactory()
    client.force_login(hr_editor.user)
    client.post(reverse("pair_transition", args=[pair.pk, "paused"]), {"reason": ""})
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
