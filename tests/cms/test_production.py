"""The production configuration really serves: gunicorn, whitenoise, collected static files."""

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.utils import running_server

ROOT = Path(__file__).resolve().parents[2]


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
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", "127.0.0.1:{port}"]
    command += ["--workers", "1", "--log-level", "warning"]
    with running_server(command, cwd=ROOT, env=env) as base:
        yield base


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


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
