"""A person who leaves the company is deactivated on their last day by the scheduled task:
account disabled, programme roles taken (logged), running pairs ended that day."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

from mentoring import role_changes
from mentoring.models import Pair
from mentoring.roles import Role
from tests.mentoring.factories import PairFactory

pytestmark = pytest.mark.django_db


def test_the_leaver_is_deactivated_that_day_and_their_pairs_end(
    pair, django_capture_on_commit_callbacks
):
    today = datetime.date.today()
    curated = PairFactory(curator=pair.mentor)
    pair.mentor.left_company_on = today
    pair.mentor.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("deactivate_leavers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pair.refresh_from_db()
    curated.refresh_from_db()
    pair.mentor.user.refresh_from_db()
    assert not pair.mentor.user.is_active
    assert pair.mentor.roles == frozenset()
    assert pair.status == Pair.Status.ENDED_EARLY
    assert pair.ended_on == today
    assert f"дата увольнения — {today:%d.%m.%Y}" in pair.end_reason
    # The pair the leaver curated keeps running, waiting for a new curator.
    assert curated.status == Pair.Status.ACTIVE
    assert curated.curator is None
    # The other side and the curator are told.
    told = {address for message in mail.outbox for address in message.to}
    assert {pair.mentee.user.email, pair.curator.user.email} <= told
    revoked = ModelLogEntry.objects.for_instance(pair.mentor).filter(
        action=role_changes.REVOKE_ACTION
    )
    assert {e.data["role"] for e in revoked} == {"mentor"}
    assert {e.data["reason"] for e in revoked} == {"left_company"}


def test_the_leaver_can_no_longer_sign_in(client, pair):
    pair.mentee.left_company_on = datetime.date.today() - datetime.timedelta(days=1)
    pair.mentee.save()
    call_command("deactivate_leavers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.post(
        reverse("login"), {"username": pair.mentee.user.username, "password": "demo12345"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_day_still_to_come_changes_nothing_and_a_second_run_nothing_more(pair):
    from mentoring import leaving

    pair.mentee.left_company_on = datetime.date.today() + datetime.timedelta(days=3)
    pair.mentee.save()
    assert leaving.deactivate_leavers().as_dict()["deactivated"] == 0
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    assert Role.MENTEE in pair.mentee.roles
    later = datetime.date.today() + datetime.timedelta(days=3)
    assert leaving.deactivate_leavers(later).as_dict() == {
        "deactivated": 1,
        "pairs_ended": 1,
        "curators_removed": 0,
    }
    assert leaving.deactivate_leavers(later).as_dict()["deactivated"] == 0
