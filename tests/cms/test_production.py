"""The production configuration really serves: gunicorn, whitenoise, collected static files,
and the security rules (CSP, private caching, sessions, login throttling) as configured."""

import http.cookies
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.utils import running_server

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.standalone, pytest.mark.xdist_group("production")]


CREATE_USERS = """
from django.contrib.auth.models import Group
from mentoring.models import Participant, User
from mentoring.roles import GROUP_NAMES, Role
for name in ("worker", "throttled"):
    user = User.objects.create_user(name, password="a-strong-password-42")
hr = User.objects.create_user("hradmin", password="a-strong-password-42")
Participant.objects.create(user=hr)
hr.groups.add(Group.objects.get(name=GROUP_NAMES[Role.HR_ADMIN]))
"""
PASSWORD = "a-strong-password-42"


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prod")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-production-like-secret-key-used-only-by-this-test-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(tmp / "static"),
        "DATABASE_URL": f"sqlite:///{tmp / 'prod.sqlite3'}",
        "SESSION_IDLE_MINUTES": "20",
        "LOGIN_FAILURE_LIMIT": "3",
    }
    env.pop("REDIS_URL", None)
    for command in (
        ["collectstatic", "--noinput", "-v0"],
        ["migrate", "--noinput", "-v0"],
        ["shell", "-c", CREATE_USERS],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", "127.0.0.1:{port}"]
    command += ["--workers", "1", "--log-level", "warning"]
    with running_server(command, cwd=ROOT, env=env) as base:
        yield base


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def production_setting(name):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    env["SECRET_KEY"] = "x" * 60
    code = f"import json; from django.conf import settings; print(json.dumps(settings.{name}))"
    printed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(printed.splitlines()[-1])


def test_the_health_check_answers_over_plain_http_when_https_is_enforced(settings):
    from django.middleware.security import SecurityMiddleware
    from django.test import RequestFactory

    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production_setting("SECURE_REDIRECT_EXEMPT")
    middleware = SecurityMiddleware(lambda request: None)
    assert middleware.process_request(RequestFactory().get("/healthz/")) is None
    assert middleware.process_request(RequestFactory().get("/my/")).status_code == 301


def test_gunicorn_answers_health_check(production_server):
    status, _, body = fetch(production_server + "/healthz/")
    assert status == 200
    assert body == b'{"status": "ok"}'


def test_login_page_links_hashed_static_served_by_whitenoise(production_server):
    status, headers, body = fetch(production_server + "/login/")
    html = body.decode()
    assert status == 200
    assert '<html lang="ru">' in html
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    css = re.search(r'href="(/static/cms/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "stylesheet is not a hashed, collected file"
    status, headers, body = fetch(production_server + css.group(1))
    assert status == 200
    assert "max-age=315360000" in headers["Cache-Control"]
    assert b"--c-primary" in body


class Browser:
    """Just enough of a browser: keeps cookies (Secure ones too: the test talks plain HTTP
    to gunicorn, as nginx would behind TLS), never follows redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.set_cookies = []
        self.opener = urllib.request.build_opener(self._NoRedirect)

    def request(self, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Referer"] = self.base + path
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            self.set_cookies.append(header)
            jar = http.cookies.SimpleCookie(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, response.read()

    def log_in(self, username, password):
        _, _, body = self.request("/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        return self.request(
            "/login/",
            {"csrfmiddlewaretoken": token.decode(), "username": username, "password": password},
        )


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_site_policy_forbids_inline_scripts_and_the_admin_has_its_own(production_server):
    _, headers, _ = fetch(production_server + "/login/")
    site = directives(headers["Content-Security-Policy"])
    assert site["script-src"] == ["'self'"]
    assert site["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]

    _, headers, _ = fetch(production_server + "/admin/login/")
    admin = directives(headers["Content-Security-Policy"])
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["default-src"] == ["'self'"]


def test_signed_in_pages_and_files_are_private_and_static_files_are_cached(production_server):
    browser = Browser(production_server)
    status, headers, _ = browser.log_in("hradmin", PASSWORD)
    assert status == 302
    for path in ("/my/", "/skills/matrix.csv", "/programme/results.xlsx", "/search/?q=excel"):
        status, headers, _ = browser.request(path)
        assert status == 200, path
        assert "private" in headers["Cache-Control"], path
        assert "no-store" in headers["Cache-Control"], path

    _, _, body = browser.request("/my/")
    css = re.search(rb'href="(/static/cms/css/site\.[0-9a-f]{12}\.css)"', body).group(1)
    _, headers, _ = browser.request(css.decode())
    assert "no-store" not in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]


def test_the_session_cookie_is_secure_and_ends_with_the_browser(production_server):
    browser = Browser(production_server)
    browser.log_in("worker", PASSWORD)
    (session,) = [c for c in browser.set_cookies if c.startswith("sessionid=")]
    attributes = session.lower()
    assert "secure" in attributes
    assert "httponly" in attributes
    assert "expires=" not in attributes
    assert "max-age=" not in attributes


def test_idle_time_and_lock_out_come_from_the_environment(production_server):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60,
        "SESSION_IDLE_MINUTES": "20",
        "LOGIN_LOCKOUT_MINUTES": "45",
    }
    printed = (
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from django.conf import settings as s; "
                "print(s.SESSION_COOKIE_AGE, s.SESSION_REFRESH_SECONDS, "
                "s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.AXES_COOLOFF_TIME.seconds)",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.splitlines()[-1]
        .split()
    )
    assert printed == ["1200", "60", "True", "2700"]


def test_repeated_failures_lock_the_account_with_a_russian_login_page(production_server):
    browser = Browser(production_server)
    for _ in range(3):
        browser.log_in("throttled", "wrong")
    status, headers, body = browser.log_in("throttled", PASSWORD)
    assert status == 429
    html = body.decode()
    assert "Слишком много неудачных попыток входа" in html
    assert 'name="username"' in html
    assert "no-store" in headers["Cache-Control"]
    status, _, _ = browser.request("/my/")
    assert status == 302, "the right password after the lock did not log in"
