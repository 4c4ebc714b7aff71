"""Tampered addresses and query strings: a 404 or an ignored filter, never a 500.

Reproduced in issue 11: ``next=-1`` reached ``redirect()`` (tried as a URL name), 20-digit
ids overflowed SQLite's integer, a NUL byte was refused by PostgreSQL mid-download.
"""

import pytest

from django.urls import reverse

from cms.params import DB_INT_MAX, clean_text, db_id
from mentoring.roles import Role
from tests.curricula.factories import build_material
from tests.mentoring.factories import PairFactory, ParticipantFactory
from tests.skills.factories import catalogue, tool

HUGE = "99999999999999999999"
HOSTILE_IDS = [HUGE, str(DB_INT_MAX + 1), "-1", "0", "1e5", "%00", "\x00", "١٢"]


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def pair(db):
    return PairFactory()


def test_db_id_accepts_only_database_ids():
    assert db_id("42") == 42
    assert db_id(str(DB_INT_MAX)) == DB_INT_MAX
    for value in [*HOSTILE_IDS, None, "", "abc", True]:
        assert db_id(value) is None, value
    assert clean_text("a\x00b\x01 ", 10) == "ab"


@pytest.mark.parametrize("target", ["-1", "http://evil.example/", "//evil.example/x", "\x00"])
def test_tampered_next_after_a_goal_falls_back_to_the_tool(client, pair, target):
    instrument = tool("Power BI")
    client.force_login(pair.mentee.user)
    response = client.post(
        reverse("skills_set_goal", args=[instrument.pk]), {"target_level": 3, "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == instrument.url


def test_a_local_next_is_followed(client, pair):
    instrument = tool("Power BI")
    client.force_login(pair.mentee.user)
    response = client.post(
        reverse("skills_set_goal", args=[instrument.pk]),
        {"target_level": 3, "next": "/my/skills/"},
    )
    assert response["Location"] == "/my/skills/"


def test_tampered_next_after_adding_a_material_falls_back_to_the_plan(client, pair):
    from curricula.models import SessionPlan

    material = build_material()
    plan = SessionPlan.objects.create(mentor=pair.mentor, title="План")
    client.force_login(pair.mentor.user)
    response = client.post(
        reverse("plan_add_material"), {"material": material.pk, "plan": plan.pk, "next": "-1"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_detail", args=[plan.pk])


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_filters_with_hostile_ids_are_ignored(client, db, value):
    hr = ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR])
    client.force_login(hr.user)
    for name in ("skills_matrix", "skills_matrix_csv", "skills_matrix_xlsx"):
        for field in ("plant", "department", "cycle", "category"):
            response = client.get(reverse(name), {field: value})
            assert response.status_code == 200, (name, field)
            _body(response)
    for field in ("plant", "cycle"):
        for name in ("programme_results", "programme_results_xlsx"):
            response = client.get(reverse(name), {field: value})
            assert response.status_code == 200, (name, field)
            _body(response)


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_material_of_a_new_plan_with_a_hostile_id_is_ignored(client, pair, value):
    client.force_login(pair.mentor.user)
    response = client.get(reverse("plan_create"), {"material": value})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/my/skills/{}/assess/", "/my/pairs/{}/", "/my/plans/{}/"])
def test_huge_ids_in_paths_are_not_found(client, pair, path):
    client.force_login(pair.mentee.user)
    assert client.get(path.format(HUGE)).status_code == 404
    assert client.get(path.format(DB_INT_MAX + 1)).status_code == 404


def test_catalogue_filters_with_nul_bytes_are_ignored(client, pair):
    instrument = tool("Power BI")
    client.force_login(pair.mentee.user)
    response = client.get(catalogue().url, {"category": "\x00", "tag": "\x00 "})
    assert response.status_code == 200
    assert instrument.title in response.content.decode()
    for value in ("bi\x00", HUGE):
        assert client.get(catalogue().url, {"category": value, "tag": value}).status_code == 200
