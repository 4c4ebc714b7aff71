"""Every kind of page, for every role: no error, private when personal, valid HTML (the Nu
HTML checker), no serious accessibility violation (axe-core in Chromium) and nothing the
Content-Security-Policy blocks.

Nobody lists the pages: ``tests/e2e/inventory.py`` crawls the demo site as each role and
names each address by its URL pattern or Wagtail page type, and the first test fails when
the URL conf or the page models hold something no role reaches (link it, or say below why
it is not a page). The checks run once, against the demo server, in the SQLite pass of CI.
"""

import json
import subprocess
import sys

import pytest

from tests.e2e.conftest import AXE_JS, ROOT, VNU_JAR, log_in, require_file
from tests.e2e.inventory import ROLES
from tests.tools import require_command

# One worker runs every test that uses the demo server (it is built once per worker).
pytestmark = [pytest.mark.e2e, pytest.mark.standalone, pytest.mark.xdist_group("demo")]

# Routes of the URL conf that are not pages a person opens from a link, with the reason.
NOT_PAGES = {
    "((?:[\\w\\-]+/)*)$": "Wagtail's page serving: checked page type by page type",
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        "Wagtail's password form for a page with a password; the intranet restricts by login"
    ),
    "_util/login/": "Wagtail's redirect to the login page for a page restricted to users",
    "healthz/": "the load balancer's JSON probe",
    "calendar/<str:token>.ics": (
        "a calendar program's feed behind a secret token, not a page "
        "(tests/mentoring/test_calendar.py)"
    ),
    "skills/evidence/<id:event_id>/": (
        "a file a mentee attached; the demo has none (headers: tests/cms/test_security_headers)"
    ),
}
MISSING_PAGE = "page:home.homepage:no-such-page/"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="session")
def inventory(demo_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("inventory")
    subprocess.run(
        [sys.executable, "-m", "tests.e2e.inventory", str(out)],
        cwd=ROOT,
        env=demo_env,
        check=True,
        capture_output=True,
    )
    data = json.loads((out / "inventory.json").read_text())
    data["html_dir"] = out / "html"
    return data


def pages_of(inventory, role):
    """The HTML pages ``role`` opened: kind → entry."""
    return {
        kind: entry
        for kind, entry in inventory["roles"][role].items()
        if entry.get("html") and entry["content_type"] == "text/html"
    }


def test_every_route_and_page_type_is_reached_by_some_role(inventory):
    reached = {kind for found in inventory["roles"].values() for kind in found}
    routes = set(inventory["routes"])
    unreached = sorted(r for r in routes - set(NOT_PAGES) if f"view:{r}" not in reached)
    assert not unreached, f"no role reaches these routes (link them or explain): {unreached}"
    assert not set(NOT_PAGES) - routes, "NOT_PAGES names routes that no longer exist"

    opened = {
        kind.split(":")[1]
        for found in inventory["roles"].values()
        for kind, entry in found.items()
        if kind.startswith("page:") and entry["status"] == 200
    }
    missing = sorted(set(inventory["page_types"]) - opened)
    assert not missing, f"page types with no reachable live page in the demo: {missing}"


def test_no_link_shown_to_a_role_leads_to_an_error(inventory):
    wrong = []
    for role, found in inventory["roles"].items():
        for kind, entry in found.items():
            expected = {404} if kind == MISSING_PAGE else {200, 302, 405}
            if role == "anonymous" and kind == MISSING_PAGE:
                expected = {302}
            if entry["status"] not in expected:
                wrong.append(f"{role} {entry['url']} ({kind}): {entry['status']}")
    assert not wrong, "\n".join(wrong)


def test_every_answer_to_a_signed_in_role_is_private(inventory):
    cached = [
        f"{role} {entry['url']}: {entry['cache_control']!r}"
        for role, found in inventory["roles"].items()
        if role != "anonymous"
        for entry in found.values()
        if not {"private", "no-store"}
        <= {part.strip() for part in entry["cache_control"].split(",")}
    ]
    assert not cached, "\n".join(cached)


def test_the_nu_html_checker_finds_no_error(inventory):
    java = require_command("java", "apt-get install default-jre-headless")
    jar = require_file(VNU_JAR, "npm ci installs vnu-jar; make test does it")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout"]
        + [str(path) for path in sorted(inventory["html_dir"].glob("*.html"))],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert len(list(inventory["html_dir"].glob("*.html"))) > 40
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("role", list(ROLES))
def test_no_serious_accessibility_violation_nor_blocked_code(role, inventory, demo_server, browser):
    axe = require_file(AXE_JS, "npm ci installs axe-core; make test does it").read_text()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{page.url}: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: blocked.append(f"{page.url}: {error}"))
    findings = []
    try:
        if ROLES[role]:
            log_in(page, demo_server, ROLES[role])
            assert "/login/" not in page.url, f"{role} could not log in"
        for kind, entry in sorted(pages_of(inventory, role).items()):
            response = page.goto(demo_server + entry["url"])
            assert response.status == entry["status"], entry["url"]
            page.evaluate(axe)
            violations = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
            for violation in violations["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
                    findings.append(
                        f"{entry['url']} ({kind}): {violation['id']} — {violation['help']}"
                        f" {targets}"
                    )
    finally:
        context.close()
    assert not blocked, "\n".join(blocked)
    assert not findings, "\n".join(findings)
