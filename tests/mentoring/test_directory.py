"""Directory sign-in against a real OpenLDAP server (slapd started by the fixture): a
directory user signs in, gets the roles of their groups, is matched to their imported
participant; a disabled directory user cannot sign in and is deactivated by the task."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

from mentoring import directory, invitations, role_changes
from mentoring.directory_settings import directory_settings
from mentoring.models import Participant, User
from mentoring.roles import Role
from tests.mentoring import slapd
from tests.mentoring.factories import DepartmentFactory, PairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def company_directory():
    yield from slapd.start()


@pytest.fixture
def directory_on(company_directory, settings):
    for name, value in directory_settings(company_directory.env()).items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "mentoring.directory.DirectoryBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    return company_directory


def _sign_in(client, username, password=slapd.PASSWORD):
    client.post(reverse("login"), {"username": username, "password": password})
    return client.session.get("_auth_user_id")


def test_a_directory_user_signs_in_and_gets_the_roles_of_their_groups(client, directory_on):
    user_id = _sign_in(client, "orlov")
    assert user_id is not None
    person = Participant.objects.select_related("user", "department").get(user_id=user_id)
    assert person.user.last_name == "Орлов"
    assert person.user.first_name == "Денис"
    assert person.user.email == "orlov@utm.example"
    assert person.personnel_number == "8004"
    assert person.position == "Аналитик"
    assert person.directory_dn == f"uid=orlov,ou=people,{slapd.SUFFIX}"
    assert person.roles == {Role.MENTOR}
    entry = ModelLogEntry.objects.for_instance(person).get(action=role_changes.GRANT_ACTION)
    assert entry.data["reason"] == "directory_group"
    # No invitation for a person who signs in with the directory.
    assert not person.user.has_usable_password()
    assert not invitations.needs_invitation(person)
    # The navigation follows: the new mentor sees the mentor's menu.
    assert reverse("my_mentees") in client.get(reverse("my_dashboard")).content.decode()


def test_first_sign_in_matches_the_imported_participant_and_later_ones_refresh(
    client, directory_on
):
    workshop = DepartmentFactory(name="Цех № 3")
    imported = ParticipantFactory(
        user__username="ivanova@utm.example",
        user__last_name="Иванова-Старая",
        personnel_number="8001",
        department=workshop,
    )
    imported.user.set_unusable_password()
    imported.user.save()
    boss = ParticipantFactory(personnel_number="8002", department=workshop)
    users = User.objects.count()
    assert _sign_in(client, "ivanova") == str(imported.user.pk)
    assert User.objects.count() == users
    imported.refresh_from_db()
    imported.user.refresh_from_db()
    assert imported.user.last_name == "Иванова"
    assert imported.department == workshop
    assert imported.manager == boss
    assert imported.position == "Технолог"
    assert Role.MENTOR in imported.roles
    # The directory changes her department: the next sign-in follows.
    import ldap

    directory_on.modify(
        imported.directory_dn,
        [(ldap.MOD_REPLACE, "departmentNumber", ["Отдел ИТ".encode()])],
    )
    client.logout()
    _sign_in(client, "ivanova")
    imported.refresh_from_db()
    assert imported.department.name == "Отдел ИТ"
    assert imported.department.plant == workshop.plant


def test_an_imported_person_with_a_directory_entry_is_not_invited(directory_on):
    person = ParticipantFactory(personnel_number="8002", user__email="sokolov@utm.example")
    person.user.set_unusable_password()
    person.user.save()
    assert directory.has_account(person)
    assert invitations.send(person) == 0
    assert mail.outbox == []
    stranger = ParticipantFactory(personnel_number="99999")
    stranger.user.set_unusable_password()
    stranger.user.save()
    assert not directory.has_account(stranger)
    assert invitations.send(stranger) == 1


def test_a_disabled_directory_user_cannot_sign_in_and_is_deactivated(client, directory_on):
    assert _sign_in(client, "blocked") is None
    person = Participant.objects.get(personnel_number="8003")
    assert person.left_company_on == datetime.date.today()
    call_command("deactivate_leavers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    person.user.refresh_from_db()
    assert not person.user.is_active


def test_the_task_finds_accounts_the_directory_disabled(client, directory_on):
    import ldap

    assert _sign_in(client, "sokolov") is not None
    person = Participant.objects.get(personnel_number="8002")
    running = PairFactory(mentor=person)
    directory_on.modify(person.directory_dn, [(ldap.MOD_ADD, "employeeType", [b"disabled"])])
    try:
        call_command("deactivate_leavers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    finally:
        directory_on.modify(person.directory_dn, [(ldap.MOD_DELETE, "employeeType", None)])
    person.refresh_from_db()
    person.user.refresh_from_db()
    running.refresh_from_db()
    assert person.left_company_on == datetime.date.today()
    assert not person.user.is_active
    assert running.status == running.Status.ENDED_EARLY


def test_wrong_password_and_local_accounts_beside_the_directory(client, directory_on):
    assert _sign_in(client, "orlov", "wrong") is None
    local = ParticipantFactory(user__username="demo-local")
    assert _sign_in(client, "demo-local", "demo12345") == str(local.user.pk)


def test_axes_stays_first_and_directory_is_off_without_the_uri():
    from django.conf import settings as live

    assert live.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "mentoring.directory.DirectoryBackend" not in live.AUTHENTICATION_BACKENDS
    assert not directory.is_enabled()
