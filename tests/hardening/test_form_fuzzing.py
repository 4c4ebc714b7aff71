"""Every form of the site, found by walking the URL conf and the page tree, sent random and
hostile values by each role (hypothesis): never a 500, never a half-written record.

Nobody lists the forms: each route of the URL conf (ids filled from a small world) and
every live page is opened as each role, and every ``method="post"`` form found on the
answer is fuzzed field by field. A new form is covered as soon as some role can open it.
"""

import re
from html import unescape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.apps import apps
from django.test import Client

from wagtail.models import Page

from cms.params import DB_INT_MAX
from curricula.models import SessionPlan
from mentoring.models import Meeting, SupportIssue
from mentoring.roles import Role
from skills import services
from skills.models.mastery import Lens
from tests.curricula.factories import build_material
from tests.e2e.inventory import url_patterns
from tests.mentoring.factories import PairFactory, ParticipantFactory
from tests.skills.factories import catalogue, tool

# Examples per form: enough to meet every kind of hostile value, modest for CI time.
EXAMPLES_PER_FORM = 6
HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "-1",
    "0",
    "99999999999999999999",
    str(DB_INT_MAX + 1),
    "1e309",
    "NaN",
    '=HYPERLINK("http://evil.example")',
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "//evil.example/",
    "ы" * 20_001,
    "\ud7ff" * 3,
    "2026-02-30",
    "31.12.9999",
    "\r\n\t",
]
OUR_APPS = ("cms", "home", "curricula", "skills", "mentoring")
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)
ATTR = re.compile(r'([a-z-]+)\s*=\s*"([^"]*)"', re.IGNORECASE)
FIELD = re.compile(r"<(input|textarea|select)\b([^>]*)>", re.IGNORECASE)
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}
# Forms that end the session or switch the language: not records.
SKIPPED_ACTIONS = ("/logout/", "/i18n/", "/search/")


@pytest.fixture
def world(db):
    pair = PairFactory()
    instrument = tool("Power BI")
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 2, by=pair.mentor.user)
    material = build_material()
    plan = SessionPlan.objects.create(mentor=pair.mentor, title="План", pair=pair)
    meeting = Meeting.objects.create(
        pair=pair, held_on="2026-01-15", duration_minutes=60, logged_by=pair.mentor.user
    )
    issue = SupportIssue.objects.create(
        pair=pair, raised_by=pair.mentee, subject="Встречи", description="Не приходит"
    )
    hr = ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR])
    catalogue()
    return {
        "pair": pair,
        "tool": instrument,
        "material": material,
        "plan": plan,
        "meeting": meeting,
        "issue": issue,
        "roles": {
            "mentee": pair.mentee.user,
            "mentor": pair.mentor.user,
            "curator": pair.curator.user,
            "hr": hr.user,
        },
    }


def _id_for(route, name, world):
    if "tool" in name:
        return world["tool"].pk
    if "participant" in name:
        return world["pair"].mentee.pk
    if "plans" in route:
        return world["plan"].pk
    if "meetings" in route:
        return world["meeting"].pk
    if "issues" in route:
        return world["issue"].pk
    if "pairs" in route:
        return world["pair"].pk
    return 1


def _addresses(world):
    """Every route of the URL conf with its parameters filled, and every live page."""
    found = []
    for route, _view in url_patterns():
        if "<" in route and not re.fullmatch(r"[^<]*(<(int|id):[a-z_]+>[^<]*)+", route):
            continue
        path = re.sub(
            r"<(?:int|id):([a-z_]+)>",
            lambda m, route=route: str(_id_for(route, m.group(1), world)),
            route,
        )
        found.append("/" + path)
    found += [page.url for page in Page.objects.live().filter(depth__gt=1) if page.url]
    return sorted(set(found))


def _forms(html, address):
    for attrs, body in FORM.findall(html):
        attributes = {k.lower(): unescape(v) for k, v in ATTR.findall(attrs)}
        if attributes.get("method", "get").lower() != "post":
            continue
        action = attributes.get("action") or address
        if action.startswith(SKIPPED_ACTIONS):
            continue
        fields = {}
        for _tag, field_attrs in FIELD.findall(body):
            field = {k.lower(): unescape(v) for k, v in ATTR.findall(field_attrs)}
            name = field.get("name")
            if name and name not in SKIPPED_FIELDS:
                fields[name] = field.get("value", "")
        yield action, fields


def _row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
    }


@pytest.mark.parametrize("role", ["mentee", "mentor", "curator", "hr"])
def test_every_form_survives_hostile_values(world, role):
    client = Client(raise_request_exception=True)
    client.force_login(world["roles"][role])
    forms = {}
    for address in _addresses(world):
        response = client.get(address)
        assert response.status_code < 500, address
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for action, fields in _forms(response.content.decode(), address):
                forms.setdefault((action, tuple(sorted(fields))), fields)
    assert forms, "some form must be found"

    for (action, names), defaults in sorted(forms.items()):
        _fuzz(client, action, names, defaults)


def _fuzz(client, action, names, defaults):
    value = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=50))

    @settings(
        max_examples=EXAMPLES_PER_FORM,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.fixed_dictionaries(dict.fromkeys(names, value)), st.booleans())
    def send(values, keep_defaults):
        data = {
            name: (defaults[name] if keep_defaults and defaults.get(name) else values[name])
            for name in names
        }
        data.update({n: values[n] for n in names if "token" not in n and not keep_defaults})
        before = _row_counts()
        response = client.post(action, data)
        assert response.status_code < 500, (action, data)
        if response.status_code == 200:
            # the form is shown again with its errors: nothing may have been written
            after = _row_counts()
            changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
            changed.pop("cms.FormSubmission", None)
            assert not changed, (action, data, changed)

    send()
