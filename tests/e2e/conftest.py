"""Real-browser journeys and page checks against a real server with the demo content.

The server is `manage.py runserver` on its own SQLite file with the demo content — the
same thing `make run` gives a newcomer, with DEBUG off so that error pages are the real
ones — so the journeys never share the test database.

The tools (Debian's Chromium, Java, the npm packages axe-core and vnu-jar) may be missing on
a newcomer's machine: the tests that need them are then skipped with the reason. CI sets
``NASTAVNIK_REQUIRE_TOOLS=1``, and there a missing tool fails the run instead (one helper
decides: ``tests/tools.py``).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import tools
from tests.tools import missing_tool
from tests.utils import running_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


__all__ = ["missing_tool", "require_file"]


def require_file(path, how):
    return tools.require_file(path, how, root=ROOT)


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory):
    """The environment of a demo site: its own SQLite file, migrated, with the demo content."""
    tmp = tmp_path_factory.mktemp("e2e")
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "--force"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    return env


@pytest.fixture(scope="session")
def demo_server(demo_env):
    """A development server with the demo content; yields its base URL."""
    command = [sys.executable, "manage.py", "runserver", "--noreload", "--insecure"]
    with running_server([*command, "127.0.0.1:{port}"], cwd=ROOT, env=demo_env) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module: Playwright's sync API keeps an event loop running while it
    is open, and Django refuses database access from a thread with a running loop, so the
    browser must be closed before the next module's database tests run in this worker."""
    executable = tools.require_command("chromium", "apt-get install chromium", path=CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable,
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
