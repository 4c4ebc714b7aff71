"""Login throttling: a lock per account and per address, a Russian wait message, HR lifts it."""

import datetime

import pytest
from axes.models import AccessAttempt

from django.utils import timezone

from wagtail.models import ModelLogEntry

from mentoring.roles import Role
from tests.mentoring.factories import ParticipantFactory, UserFactory

PASSWORD = "demo12345"


def attempt(client, username, password, address="10.0.0.1", **extra):
    return client.post(
        "/login/", {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def person(db):
    return UserFactory(username="ivanov")


def test_two_hundred_wrong_passwords_then_the_right_one_does_not_log_in(client, person):
    for _ in range(200):
        attempt(client, "ivanov", "wrong")
    response = attempt(client, "ivanov", PASSWORD)

    assert not logged_in(client)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Слишком много неудачных попыток входа" in html
    assert "15 минут" in html
    assert 'value="ivanov"' in html, "the login form is shown again with the name typed"
    assert 'name="password"' in html
    assert int(response["Retry-After"]) == 15 * 60
    assert AccessAttempt.objects.get(username="ivanov").failures_since_start == 5


def test_the_fifth_failure_locks_and_the_message_counts_down(client, person):
    for _ in range(4):
        assert attempt(client, "ivanov", "wrong").status_code == 200
    response = attempt(client, "ivanov", "wrong")
    assert response.status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=13))
    response = attempt(client, "ivanov", PASSWORD)
    assert response.status_code == 429
    assert "ещё на 2 минуты" in response.content.decode()
    assert not logged_in(client)


def test_the_lock_ends_after_the_cool_off(client, person):
    for _ in range(5):
        attempt(client, "ivanov", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    response = attempt(client, "ivanov", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_an_account_is_locked_whatever_address_the_attempts_come_from(client, person):
    for number in range(5):
        attempt(client, "ivanov", "wrong", address=f"10.0.1.{number}")
    attempt(client, "ivanov", PASSWORD, address="10.9.9.9")
    assert not logged_in(client)


def test_an_address_is_locked_after_many_failures_on_different_accounts(client, person):
    for number in range(50):
        attempt(client, f"guess{number}", "wrong", address="10.0.0.7")

    attempt(client, "ivanov", PASSWORD, address="10.0.0.7")
    assert not logged_in(client), "the address is locked for every account"

    attempt(client, "ivanov", PASSWORD, address="10.0.0.8")
    assert logged_in(client), "the account itself is not locked"


def test_a_few_typos_on_a_shared_address_lock_nobody_else(client, person):
    for number in range(20):
        attempt(client, f"colleague{number}", "typo", address="10.0.0.7")
    attempt(client, "ivanov", PASSWORD, address="10.0.0.7")
    assert logged_in(client)


def test_a_successful_login_forgets_the_account_failures_only(client, person):
    for _ in range(4):
        attempt(client, "ivanov", "wrong")
    attempt(client, "other", "wrong")
    attempt(client, "ivanov", PASSWORD)
    assert logged_in(client)

    assert not AccessAttempt.objects.filter(username="ivanov").exists()
    assert AccessAttempt.objects.filter(username="other").exists()


def test_the_address_behind_trusted_proxies_is_the_one_counted(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        attempt(
            client,
            "someone",
            "wrong",
            address="192.168.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 10.20.30.40",
        )
    attempt(client, "someone", "wrong", address="192.168.0.1", HTTP_X_FORWARDED_FOR="not-an-ip")
    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert addresses == {"10.20.30.40", "192.168.0.1"}


@pytest.mark.parametrize("username", ["x" * 10_000, "ivanov\x00", "' OR 1=1 --", "иванов" * 40, ""])
def test_hostile_usernames_get_the_login_form_not_an_error(client, person, username):
    for _ in range(6):
        response = attempt(client, username, "wrong")
        assert response.status_code in (200, 429)
    assert not logged_in(client)
    if len(username) > 150:
        (stored,) = AccessAttempt.objects.values_list("username", flat=True)
        assert stored == username[:150]


def locked_out_person():
    person = UserFactory(username="petrov")
    AccessAttempt.objects.create(
        username="petrov",
        ip_address="10.1.1.1",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/login/",
        failures_since_start=7,
        get_data="",
        post_data="",
    )
    return person


def test_hr_admin_sees_the_lock_and_lifts_it(client, hr_admin):
    locked_out_person()
    client.force_login(hr_admin.user)

    page = client.get("/admin/login-locks/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "petrov" in html
    assert "Учётная запись заблокирована до" in html
    attempt_pk = AccessAttempt.objects.get().pk
    assert f"/admin/login-locks/delete/{attempt_pk}/" in html
    assert "Снять блокировку" in html

    confirm = client.get(f"/admin/login-locks/delete/{attempt_pk}/")
    assert "petrov" in confirm.content.decode()
    response = client.post(f"/admin/login-locks/delete/{attempt_pk}/")
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    entry = ModelLogEntry.objects.get(action="cms.login_lock_lifted")
    assert entry.user == hr_admin.user
    assert entry.data["username"] == "petrov"

    client.logout()
    attempt(client, "petrov", PASSWORD, address="10.1.1.1")
    assert logged_in(client)


def test_lifting_an_address_lock_forgets_the_address(client, hr_admin, person):
    for number in range(50):
        attempt(client, f"guess{number}", "wrong", address="10.0.0.7")
    row = AccessAttempt.objects.filter(username="guess3").get()
    client.force_login(hr_admin.user)
    assert "Адрес заблокирован до" in client.get("/admin/login-locks/").content.decode()

    client.post(f"/admin/login-locks/delete/{row.pk}/")
    assert not AccessAttempt.objects.filter(ip_address="10.0.0.7").exists()


@pytest.mark.parametrize("role", [Role.HR_EDITOR, Role.CURATOR, Role.MENTOR])
def test_only_hr_admins_see_login_locks(db, client, role):
    locked_out_person()
    client.force_login(ParticipantFactory(roles=[role]).user)
    response = client.get("/admin/login-locks/")
    assert response.status_code in (302, 403)
    row = AccessAttempt.objects.get()
    client.post(f"/admin/login-locks/delete/{row.pk}/")
    assert AccessAttempt.objects.exists()


def test_the_admin_menu_leads_hr_admins_to_login_locks(client, hr_admin, hr_editor):
    client.force_login(hr_admin.user)
    assert "/admin/login-locks/" in client.get("/admin/").content.decode()
    client.force_login(hr_editor.user)
    assert "/admin/login-locks/" not in client.get("/admin/").content.decode()
