"""Real-browser journeys: Debian's Chromium driven by Playwright against a real server.

The server is `manage.py runserver` on its own SQLite file with the demo content — the
same thing `make run` gives a newcomer — so the journeys never share the test database.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.utils import running_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """A development server with the demo content; yields its base URL."""
    tmp = tmp_path_factory.mktemp("e2e")
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    with running_server(
        [*manage, "runserver", "--noreload", "127.0.0.1:{port}"], cwd=ROOT, env=env
    ) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module: Playwright's sync API keeps an event loop running while it
    is open, and Django refuses database access from a thread with a running loop, so the
    browser must be closed before the next module's database tests run in this worker."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    page = context.new_page()
    yield page
    context.close()


def log_in(page, base, username, password="demo12345"):  # noqa: S107 - demo password
    page.goto(base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click(".login-card button[type=submit]")
    page.wait_for_load_state()
