"""Content-Security-Policy, private caching and session expiry, in the test client.

The same rules are checked against gunicorn with production settings in test_production.py.
"""

import datetime

import pytest

from django.contrib.sessions.models import Session
from django.utils import timezone

from cms.sessions import SEEN
from tests.mentoring.factories import UserFactory


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def user(db):
    return UserFactory()


def test_site_pages_allow_no_inline_script_or_style(client, db):
    policy = directives(client.get("/login/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_wagtail_admin_has_its_own_policy(client, hr_admin):
    client.force_login(hr_admin.user)
    policy = directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-src"] == ["'self'"]


def test_a_media_host_is_allowed_for_images():
    from importlib import reload

    from cms.settings import base

    try:
        settings_env = {"MEDIA_URL": "https://files.example.ru/media/"}
        with pytest.MonkeyPatch.context() as patch:
            for key, value in settings_env.items():
                patch.setenv(key, value)
            reloaded = reload(base)
            img = reloaded.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
            assert "https://files.example.ru" in img
    finally:
        reload(base)


@pytest.mark.parametrize("path", ["/my/", "/skills/matrix.csv", "/no-such-page/", "/search/?q=x"])
def test_every_answer_to_a_signed_in_reader_is_private_and_not_stored(client, user, path):
    client.force_login(user)
    cache_control = client.get(path)["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_the_session_cookie_ends_with_the_browser(client, user):
    response = client.post("/login/", {"username": user.username, "password": "demo12345"})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert not cookie["expires"]
    assert not cookie["max-age"]
    assert cookie["httponly"]


def test_the_session_ends_after_idle_time_and_activity_moves_the_end(client, user, settings):
    settings.SESSION_REFRESH_SECONDS = 60
    client.force_login(user)
    session = Session.objects.get()
    assert session.expire_date > timezone.now() + datetime.timedelta(minutes=29)

    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    assert client.get("/my/").status_code == 200
    unchanged = Session.objects.get(pk=session.pk).expire_date
    assert unchanged < timezone.now() + datetime.timedelta(minutes=2), "written once a minute"

    store = client.session
    store[SEEN] -= 61
    store.save()
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    assert client.get("/my/").status_code == 200
    moved = Session.objects.get(pk=session.pk).expire_date
    assert moved > timezone.now() + datetime.timedelta(minutes=29)

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
