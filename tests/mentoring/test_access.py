"""The single access policy answers right for every role around a pair."""

import pytest

from django.http import Http404

from mentoring import access
from mentoring.models import Pair, User
from mentoring.roles import Role
from tests.mentoring.factories import PairFactory, ParticipantFactory, UserFactory


@pytest.fixture
def people(db):
    pair = PairFactory()
    other = PairFactory(cycle=pair.cycle)
    return {
        "pair": pair,
        "mentee": pair.mentee,
        "mentor": pair.mentor,
        "curator": pair.curator,
        "other_mentee": other.mentee,
        "other_mentor": other.mentor,
        "other_curator": other.curator,
        "hr": ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR]),
    }


@pytest.mark.parametrize(
    ("viewer", "allowed"),
    [
        ("mentee", True),
        ("mentor", True),
        ("curator", True),
        ("other_mentee", False),
        ("other_mentor", False),
        ("other_curator", False),
        ("hr", False),
    ],
)
def test_who_sees_the_mentees_records(people, viewer, allowed):
    user = people[viewer].user
    mentee = people["mentee"]
    assert access.can_view_person(user, mentee) is allowed
    assert access.mentees_visible_to(user).filter(pk=mentee.pk).exists() is allowed


def test_hr_sees_an_individual_only_with_consent(people):
    mentee, hr = people["mentee"], people["hr"].user
    mentee.consent_to_share = True
    mentee.save()
    assert access.can_view_person(hr, mentee)
    assert access.mentees_visible_to(hr).filter(pk=mentee.pk).exists()
    assert not access.mentees_visible_to(hr).filter(pk=people["other_mentee"].pk).exists()


def test_staff_and_superusers_get_no_special_access(people):
    boss = UserFactory(is_staff=True, is_superuser=True)
    assert not access.can_view_person(boss, people["mentee"])
    assert not access.mentees_visible_to(boss).exists()


@pytest.mark.parametrize("status", [Pair.Status.PROPOSED, Pair.Status.ENDED_EARLY])
def test_mentor_loses_access_when_the_pair_is_not_running(people, status):
    pair = people["pair"]
    pair.status = status
    pair.save()
    assert not access.can_view_person(people["mentor"].user, people["mentee"])
    assert not access.can_view_person(people["curator"].user, people["mentee"])
    assert access.can_view_person(people["mentee"].user, people["mentee"])


def test_private_notes_are_for_the_pair_only(people):
    pair = people["pair"]
    assert access.can_view_pair_private(people["mentor"].user, pair)
    assert access.can_view_pair_private(people["mentee"].user, pair)
    for outsider in ("curator", "hr", "other_mentor", "other_mentee"):
        assert not access.can_view_pair_private(people[outsider].user, pair)


def test_guessed_id_gives_404(people):
    user = people["other_mentor"].user
    with pytest.raises(Http404):
        access.get_visible_person_or_404(user, people["mentee"].pk)
    with pytest.raises(Http404):
        access.get_visible_person_or_404(user, 987654)
    found = access.get_visible_person_or_404(people["mentor"].user, people["mentee"].pk)
    assert found == people["mentee"]


def test_roles_are_read_once_per_request(people, django_assert_num_queries):
    user = people["hr"].user
    with django_assert_num_queries(1):
        assert access.is_hr(user)
        assert access.is_hr_admin(user)
        assert access.roles_of(user) == {Role.HR_ADMIN, Role.HR_EDITOR}


def test_anonymous_sees_nothing(people):
    from django.contrib.auth.models import AnonymousUser

    anon = AnonymousUser()
    assert not access.can_view_person(anon, people["mentee"])
    assert access.roles_of(anon) == frozenset()


def test_the_reader_s_profile_is_read_once_and_holds_the_same_user(db, django_assert_num_queries):
    person = ParticipantFactory(roles=[Role.MENTOR])
    user = User.objects.get(pk=person.user_id)
    with django_assert_num_queries(1):
        me = access.participant_of(user)
        assert access.participant_of(user) is me
    assert me == person
    assert me.user is user  # its name and roles need no second read of the account
    with django_assert_num_queries(1):
        assert access.roles_of(user) == me.roles == {Role.MENTOR}
    assert access.participant_of(UserFactory()) is None


def test_the_profile_of_the_request_s_user_holds_the_account_itself(client, db):
    from django.test import RequestFactory
    from django.utils.functional import SimpleLazyObject

    person = ParticipantFactory(roles=[Role.MENTEE])
    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(lambda: User.objects.get(pk=person.user_id))
    me = access.participant_of(request.user)
    assert type(me.user) is User
    assert me.user.pk == person.user_id
