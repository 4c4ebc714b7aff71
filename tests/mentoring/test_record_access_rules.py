"""The record-access rule written as tables: every pair status × every side of the pair, and
the reach of a consent to HR for every role.

The expected values are spelled out here, not taken from ``access.RECORD_ACCESS_STATUSES``,
so that narrowing the rule in the code (e.g. to «active» only) fails a test.
"""

import datetime

import pytest

from mentoring import access, consents
from mentoring.models import ConsentKind, Pair
from mentoring.roles import Role
from tests.mentoring.factories import PairFactory, ParticipantFactory, UserFactory

S = Pair.Status
# pair status -> may the mentor and the curator read the mentee's records?
SUPPORTERS_READ = {
    S.PROPOSED: False,  # not agreed yet
    S.ACTIVE: True,
    S.PAUSED: True,  # a pause does not end the relationship
    S.COMPLETED: True,  # the pair ran its course: its history stays readable to them
    S.ENDED_EARLY: False,  # ended early: access ends with it
}


def test_the_table_covers_every_status():
    assert set(SUPPORTERS_READ) == set(S)


@pytest.mark.parametrize("status", list(SUPPORTERS_READ))
@pytest.mark.parametrize("side", ["mentor", "curator", "mentee"])
def test_record_access_by_pair_status_and_side(db, status, side):
    pair = PairFactory(status=status)
    viewer = getattr(pair, side).user
    allowed = True if side == "mentee" else SUPPORTERS_READ[status]
    assert access.can_view_person(viewer, pair.mentee) is allowed
    assert access.mentees_visible_to(viewer).filter(pk=pair.mentee.pk).exists() is allowed
    if side != "mentee":
        assert access.supported_pairs(viewer).filter(pk=pair.pk).exists() is allowed
    # only the mentor records observations, under the same status rule
    assert access.is_mentor_of(viewer, pair.mentee) is (side == "mentor" and allowed)


# How a pair ended early (through its lifecycle, :meth:`Pair.transition_to`) -> may the
# mentor and the curator still read the mentee's records today? A started pair given notice
# keeps them until its last day (meetings may still be logged in the notice period); a
# proposed pair never started, so it is cancelled with no notice period at all.
TODAY = datetime.date.today()
EARLY_ENDINGS = {
    "notice_given_today": (S.ACTIVE, {"notice_on": TODAY}, True),
    "paused_pair_notice_given_today": (S.PAUSED, {"notice_on": TODAY}, True),
    "last_day_of_the_notice": (S.ACTIVE, {"notice_on": TODAY, "immediate": True}, True),
    "notice_period_over": (S.ACTIVE, {"notice_on": TODAY - datetime.timedelta(days=30)}, False),
    "proposed_pair_cancelled_today": (S.PROPOSED, {"notice_on": TODAY}, False),
}


@pytest.mark.parametrize("ending", list(EARLY_ENDINGS))
@pytest.mark.parametrize("side", ["mentor", "curator"])
def test_an_early_ending_keeps_access_for_the_notice_period_only(db, ending, side):
    status, how, allowed = EARLY_ENDINGS[ending]
    pair = PairFactory(status=status)
    pair.transition_to(S.ENDED_EARLY, "Не совпадают смены", **how)
    assert pair.is_in_notice is allowed  # the model's own reading of the same rule
    viewer = getattr(pair, side).user
    assert access.can_view_person(viewer, pair.mentee) is allowed
    assert access.mentees_visible_to(viewer).filter(pk=pair.mentee.pk).exists() is allowed
    assert access.supported_pairs(viewer).filter(pk=pair.pk).exists() is allowed
    assert access.is_mentor_of(viewer, pair.mentee) is (side == "mentor" and allowed)
    # the mentee keeps reading their own records whatever happened to the pair
    assert access.can_view_person(pair.mentee.user, pair.mentee)


@pytest.mark.parametrize("status", list(SUPPORTERS_READ))
def test_the_mentee_never_reads_the_supporters_records(db, status):
    pair = PairFactory(status=status)
    for supporter in (pair.mentor, pair.curator):
        assert not access.can_view_person(pair.mentee.user, supporter)
        assert not access.mentees_visible_to(pair.mentee.user).filter(pk=supporter.pk).exists()


# role of a viewer outside the pair -> does a consent to HR let them read the person?
CONSENT_REACH = {
    Role.HR_EDITOR: True,
    Role.HR_ADMIN: True,
    Role.MENTOR: False,
    Role.MENTEE: False,
    Role.CURATOR: False,
    None: False,  # an employee with no programme role
}


@pytest.fixture
def consenting_mentee(db):
    pair = PairFactory()
    consents.record(pair.mentee, ConsentKind.SHARE_WITH_HR, True)
    return pair.mentee


@pytest.mark.parametrize("role", list(CONSENT_REACH), ids=lambda r: str(r or "no_role"))
def test_a_consent_to_hr_reaches_hr_only(consenting_mentee, role):
    viewer = ParticipantFactory(roles=[role] if role else []).user
    allowed = CONSENT_REACH[role]
    assert access.can_view_person(viewer, consenting_mentee) is allowed
    assert access.mentees_visible_to(viewer).filter(pk=consenting_mentee.pk).exists() is allowed


@pytest.mark.parametrize("role", list(CONSENT_REACH), ids=lambda r: str(r or "no_role"))
def test_without_consent_nobody_outside_the_pair_reads(db, role):
    mentee = PairFactory().mentee
    viewer = ParticipantFactory(roles=[role] if role else []).user
    assert not access.can_view_person(viewer, mentee)
    assert not access.mentees_visible_to(viewer).filter(pk=mentee.pk).exists()


def test_withdrawn_consent_closes_hr_access(consenting_mentee, hr_admin):
    assert access.can_view_person(hr_admin.user, consenting_mentee)
    consents.record(consenting_mentee, ConsentKind.SHARE_WITH_HR, False)
    assert not access.can_view_person(hr_admin.user, consenting_mentee)
    assert not access.mentees_visible_to(hr_admin.user).filter(pk=consenting_mentee.pk).exists()


@pytest.mark.parametrize("flags", [{"is_staff": True}, {"is_staff": True, "is_superuser": True}])
def test_staff_and_superusers_without_a_profile_read_nobody(consenting_mentee, flags):
    boss = UserFactory(**flags)
    assert not access.can_view_person(boss, consenting_mentee)
    assert not access.mentees_visible_to(boss).exists()


def test_nobody_and_nothing(db):
    mentee = PairFactory().mentee
    mentor = PairFactory().mentor
    assert access.can_view_person(None, mentee) is False
    assert access.can_view_person(mentor.user, None) is False
    assert access.is_mentor_of(mentor.user, None) is False
    from django.contrib.auth.models import AnonymousUser

    assert access.is_mentor_of(AnonymousUser(), mentee) is False


def test_a_mentor_is_the_mentor_of_their_own_mentee_only(db):
    mine, other = PairFactory(), PairFactory()
    assert access.is_mentor_of(mine.mentor.user, mine.mentee)
    assert not access.is_mentor_of(mine.mentor.user, other.mentee)


def test_hr_who_also_curates_keeps_the_pair_and_themselves(db):
    hr_curator = ParticipantFactory(roles=[Role.HR_EDITOR, Role.CURATOR])
    pair = PairFactory(curator=hr_curator)  # the mentee gave no consent to HR
    visible = access.mentees_visible_to(hr_curator.user)
    assert set(visible) == {hr_curator, pair.mentee}
    assert access.can_view_person(hr_curator.user, pair.mentee)


def test_the_person_is_read_with_what_the_pages_show(db, django_assert_num_queries):
    pair = PairFactory()
    person = access.get_visible_person_or_404(pair.mentor.user, pair.mentee.pk)
    with django_assert_num_queries(0):
        assert person.user.username
        assert person.plant.name
        assert person.department.name


def test_issues_reach_the_raiser_the_curator_and_hr_admins_after_the_handover(db, hr_admin):
    from tests.mentoring.factories import SupportIssueFactory

    issue = SupportIssueFactory()
    other = SupportIssueFactory()
    pair = issue.pair
    assert set(access.issues_visible_to(pair.mentee.user)) == {issue}
    assert set(access.issues_visible_to(pair.curator.user)) == {issue}
    assert set(access.issues_visible_to(pair.mentor.user)) == set()
    assert set(access.issues_visible_to(hr_admin.user)) == set()
    assert not access.can_manage_issue(hr_admin.user, issue)
    issue.hand_over_to_hr(pair.curator, "Нужно решение HR")
    assert set(access.issues_visible_to(hr_admin.user)) == {issue}
    assert access.can_manage_issue(hr_admin.user, issue)
    assert not access.can_manage_issue(hr_admin.user, other)
    assert not access.can_manage_issue(pair.mentee.user, issue)


def test_an_hr_admin_who_curates_reads_the_issues_of_their_pairs_before_any_handover(db):
    hr_curator = ParticipantFactory(roles=[Role.HR_ADMIN, Role.CURATOR])
    from tests.mentoring.factories import SupportIssueFactory

    mine = SupportIssueFactory(pair=PairFactory(curator=hr_curator))
    raised = SupportIssueFactory(pair=PairFactory(mentee=hr_curator), raised_by=hr_curator)
    SupportIssueFactory()  # another curator's, not handed over
    assert set(access.issues_visible_to(hr_curator.user)) == {mine, raised}
