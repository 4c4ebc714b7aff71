"""Roles follow the programme: nomination, pair activation and curator assignment give them,
a withdrawn acceptance takes the mentor role back, every change is in the audit log that HR
reads, and the navigation follows at once."""

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry

from mentoring import pairing, role_changes
from mentoring.models import Nomination, Pair
from mentoring.roles import Role
from tests.mentoring.factories import CycleFactory, ParticipantFactory, give_consents

pytestmark = pytest.mark.django_db

SCORES = {
    "digital_literacy": 5,
    "systems_thinking": 4,
    "expertise": 4,
    "communication": 5,
    "motivation": 5,
}


def _nomination(person):
    return Nomination.objects.create(kind="self", nominator=person, nominee=person, **SCORES)


def _decide(client, hr_admin, nomination, status):
    client.force_login(hr_admin.user)
    url = reverse("nominations:edit", args=[nomination.pk])
    response = client.post(url, {"cycle": "", "status": status, "hr_comment": ""})
    assert response.status_code == 302


def _role_log(person):
    return list(
        ModelLogEntry.objects.for_instance(person)
        .filter(action__startswith="nastavnik.role.")
        .order_by("pk")
        .values_list("action", "data", "user_id")
    )


def test_accepting_a_nomination_makes_a_mentor_and_withdrawing_unmakes(client, hr_admin):
    person = ParticipantFactory()
    nomination = _nomination(person)
    _decide(client, hr_admin, nomination, "accepted")
    assert Role.MENTOR in person.roles
    _decide(client, hr_admin, nomination, "waiting_list")
    person.user.refresh_from_db()
    assert Role.MENTOR not in person.roles
    log = _role_log(person)
    assert [(a, d["role"], d["reason"], u) for a, d, u in log] == [
        (role_changes.GRANT_ACTION, "mentor", "nomination_accepted", hr_admin.user.pk),
        (role_changes.REVOKE_ACTION, "mentor", "nomination_withdrawn", hr_admin.user.pk),
    ]


def test_withdrawn_acceptance_keeps_the_role_of_a_mentor_in_a_running_pair(client, hr_admin):
    cycle = CycleFactory()
    mentor = ParticipantFactory()
    mentee = ParticipantFactory(roles=[Role.MENTEE])
    give_consents(mentor, mentee, mentoring_cycle=cycle)
    nomination = _nomination(mentor)
    _decide(client, hr_admin, nomination, "accepted")
    pairing.create_pair(cycle=cycle, mentor=mentor, mentee=mentee)
    _decide(client, hr_admin, nomination, "declined")
    assert Role.MENTOR in mentor.roles


def test_activating_a_pair_gives_mentor_and_mentee_and_curator_their_roles(hr_admin):
    cycle = CycleFactory()
    mentor = ParticipantFactory()
    mentee = ParticipantFactory(roles=[Role.MENTEE])
    curator = ParticipantFactory()
    give_consents(mentor, mentee, mentoring_cycle=cycle)
    _nomination(mentor)
    Nomination.objects.update(status=Nomination.Status.ACCEPTED)
    # Proposing needs an accepted nomination (or the role): the role itself comes with the
    # activation, the curator's with the assignment.
    pair = pairing.create_pair(cycle=cycle, mentor=mentor, mentee=mentee, curator=curator)
    assert Role.CURATOR in curator.roles
    assert Role.MENTOR not in mentor.roles
    pair.transition_to(Pair.Status.ACTIVE, by=hr_admin.user)
    mentor.user.refresh_from_db()
    assert Role.MENTOR in mentor.roles
    assert Role.MENTEE in mentee.roles
    (entry,) = _role_log(mentor)
    assert entry[0] == role_changes.GRANT_ACTION
    assert entry[1] == {"role": "mentor", "reason": "pair_active", "pair": pair.pk}
    assert entry[2] == hr_admin.user.pk
    # The mentee already held the role: nothing to log twice.
    assert _role_log(mentee) == []


def test_admin_pair_form_assigning_a_curator_makes_them_curator(client, pair, hr_admin):
    newcomer = ParticipantFactory()
    client.force_login(hr_admin.user)
    url = reverse("pairs:edit", args=[pair.pk])
    data = {
        "cycle": pair.cycle_id,
        "mentor": pair.mentor_id,
        "mentee": pair.mentee_id,
        "curator": newcomer.pk,
        "status": pair.status,
        "end_reason": "",
        "started_on": pair.started_on.isoformat() if pair.started_on else "",
        "ended_on": "",
        "rematch_of": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Role.CURATOR in newcomer.roles
    (entry,) = _role_log(newcomer)
    assert entry[2] == hr_admin.user.pk


def test_hr_reads_the_role_changes_in_the_participant_history(client, hr_admin):
    person = ParticipantFactory()
    role_changes.grant(person, Role.MENTOR, reason="nomination_accepted", by=hr_admin.user)
    client.force_login(hr_admin.user)
    response = client.get(reverse("participants:history", args=[person.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Роль «Наставник» выдана: номинация принята" in body
    listing = client.get(reverse("participants:index")).content.decode()
    assert "Наставник" in listing


def test_hr_roles_are_never_given_by_the_programme():
    person = ParticipantFactory()
    with pytest.raises(ValueError):
        role_changes.grant(person, Role.HR_ADMIN, reason="nomination_accepted")


def test_an_accepted_mentor_in_an_active_pair_gets_the_mentor_menu(client, hr_admin):
    cycle = CycleFactory()
    mentor = ParticipantFactory()
    mentee = ParticipantFactory(roles=[Role.MENTEE])
    give_consents(mentor, mentee, mentoring_cycle=cycle)
    nomination = _nomination(mentor)
    _decide(client, hr_admin, nomination, "accepted")
    pair = pairing.create_pair(cycle=cycle, mentor=mentor, mentee=mentee)
    pair.transition_to(Pair.Status.ACTIVE, by=hr_admin.user)
    client.force_login(mentor.user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert reverse("my_mentees") in body
    assert reverse("my_pairs") in body


def test_roles_given_by_the_import_are_logged_once():
    from mentoring import importing
    from mentoring.models import Participant
    from tests.mentoring.test_import import GOOD

    importing.apply(importing.parse("people.csv", GOOD.encode()))
    importing.apply(importing.parse("people.csv", GOOD.encode()))
    ershov = Participant.objects.get(personnel_number="7003")
    log = _role_log(ershov)
    assert sorted(d["role"] for _a, d, _u in log) == ["curator", "mentor"]
    assert {d["reason"] for _a, d, _u in log} == {"import"}
