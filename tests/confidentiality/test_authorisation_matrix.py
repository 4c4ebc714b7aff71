"""The authorisation matrix: every URL pattern and every page type, as every role.

Nothing is listed by hand except the rules: the routes come from the URL conf
(:func:`tests.e2e.inventory.url_patterns`) and the page types from Wagtail's page models.
Each address is filled with the ids of one pair's records (pair A: its mentor, mentee and
curator) and requested as anonymous, that mentee, another mentee, that mentor, another
mentor, that curator, another curator, an HR editor and an HR admin. The answer is compared
with ``RULES``; a route or page type without a rule fails the test, so a new page cannot be
added without deciding who may open it. Every personal answer must carry
``Cache-Control: private, no-store``.

Outcomes: ``ok`` 200 · ``no`` 403 or 404 · ``login`` redirect to the login page · ``go``
another redirect · ``405`` GET not allowed (a POST-only action).
"""

import datetime
import re
from unittest import mock

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction, get_page_models

from growth.models import Competency
from mentoring import consents
from mentoring.models import ConsentKind, ConsentRecord, PlannedMeeting
from mentoring.roles import Role
from skills import services
from skills.models.mastery import Lens
from tests.curricula import factories as content
from tests.e2e.inventory import url_patterns
from tests.mentoring.factories import (
    CycleFactory,
    MeetingFactory,
    PairFactory,
    ParticipantFactory,
    SupportIssueFactory,
)

ACTORS = (
    "anonymous",
    "mentee",
    "other_mentee",
    "mentor",
    "other_mentor",
    "curator",
    "other_curator",
    "hr_editor",
    "hr_admin",
)
SIGNED_IN = ACTORS[1:]


def rule(ok=(), go=(), anonymous="login", others="no", **exact):
    """Expected outcome per actor: ``ok`` and ``go`` name actors; everyone else ``others``."""
    table = dict.fromkeys(SIGNED_IN, others)
    table.update(dict.fromkeys(ok, "ok"))
    table.update(dict.fromkeys(go, "go"))
    table["anonymous"] = anonymous
    table.update(exact)
    return table


EVERYONE = rule(ok=SIGNED_IN)
POST_ONLY = rule(others="405")
PAIR = ("mentee", "mentor")
HR = ("hr_editor", "hr_admin")

# Records of pair A: the mentee's skills and evidence, the pair's meetings and documents.
OWN_SKILLS = rule(ok=("mentee", "mentor", "curator"))  # HR only with the consent to HR
PAIR_ONLY = rule(ok=PAIR)

RULES = {
    # open to everyone, signed in or not
    "healthz/": rule(ok=SIGNED_IN, anonymous="ok"),
    "login/": rule(go=SIGNED_IN, anonymous="ok"),
    "_util/login/": rule(ok=SIGNED_IN, anonymous="ok"),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": EVERYONE,
    # one's own pages: each person sees only their own data on them
    "my/": EVERYONE,
    "my/access-log/": EVERYONE,
    "my/data/": EVERYONE,
    "my/data.zip": EVERYONE,  # «Мои данные»: always the reader's own archive
    "my/consents/": EVERYONE,
    "my/issues/": EVERYONE,
    "my/mentees/": EVERYONE,
    "my/pairs/": EVERYONE,
    "my/plans/": EVERYONE,
    "my/skills/": EVERYONE,
    "my/skills/<id:tool_id>/assess/": EVERYONE,
    "programme/ideas/": EVERYONE,
    "programme/nominate/": EVERYONE,
    "search/": EVERYONE,
    "search/suggest/": EVERYONE,
    "sitemap.xml": EVERYONE,
    "skills/matrix/": EVERYONE,  # rows filtered by mentoring.access
    "skills/matrix.csv": EVERYONE,
    "skills/matrix.xlsx": EVERYONE,
    "skills/people/": EVERYONE,
    # POST-only actions (their own checks are tested with their views)
    "my/consent/": POST_ONLY,
    "my/consents/change/": POST_ONLY,
    "my/pairs/<id:pk>/agreement/accept/": POST_ONLY,
    "my/pairs/<id:pk>/topics/": POST_ONLY,
    "my/plans/<id:pk>/delete/": POST_ONLY,
    "my/plans/<id:pk>/items/<id:item_pk>/move/": POST_ONLY,
    "my/plans/<id:pk>/items/<id:item_pk>/remove/": POST_ONLY,
    "my/plans/add/": POST_ONLY,
    "my/skills/<id:tool_id>/goal/": POST_ONLY,
    # the mentee's own consent document
    "my/consents/<id:record_id>/pdf/": rule(ok=("mentee",)),
    # the pair's own records: its two members, nobody else (not the curator, not HR)
    "my/meetings/<id:pk>/": PAIR_ONLY,
    "my/pairs/<id:pk>/": PAIR_ONLY,
    "my/pairs/<id:pk>/agreement/": PAIR_ONLY,
    "my/pairs/<id:pk>/agreement/<id:version>/pdf/": PAIR_ONLY,
    "my/pairs/<id:pk>/agreement/edit/": PAIR_ONLY,
    "my/pairs/<id:pk>/end/": PAIR_ONLY,
    "my/pairs/<id:pk>/issue/": PAIR_ONLY,
    "my/pairs/<id:pk>/meetings/new/": PAIR_ONLY,
    "my/plans/<id:pk>/": PAIR_ONLY,  # the mentor's plan, shared with the pair's mentee
    "my/plans/<id:pk>/pdf/": PAIR_ONLY,
    # planning meetings (iCalendar invitations go to both members) and the certificate of a
    # completed pair (pair A is still running: nobody gets one yet)
    "my/pairs/<id:pk>/plan/": PAIR_ONLY,
    "my/pairs/<id:pk>/plan/<id:planned_id>/": PAIR_ONLY,
    "my/pairs/<id:pk>/plan/<id:planned_id>/cancel/": POST_ONLY,
    "my/pairs/<id:pk>/certificate/": rule(),
    # one's own calendar address; the feed answers its secret token only (a wrong one: 404)
    "my/calendar/": EVERYONE,
    "calendar/<str:token>.ics": rule(anonymous="no"),
    # the mentor's addendum to the employment contract: the mentor only
    "my/pairs/<id:pk>/addendum/pdf/": rule(ok=("mentor",)),
    "my/plans/new/": rule(ok=("mentor", "other_mentor")),
    # skills, goals, evidence: the person, their mentor, their pair's curator
    "skills/people/<id:participant_id>/": OWN_SKILLS,
    "skills/evidence/<id:event_id>/": OWN_SKILLS,
    # the curator's desk; HR admins see there only issues handed over to HR
    "curator/": rule(ok=("curator", "other_curator", "hr_admin")),
    "curator/pairs/<id:pk>/": rule(ok=("curator",)),
    "curator/issues/<id:pk>/": rule(ok=("curator",)),  # HR admin: after the handover
    # getting in: Django's password reset and the invitation to set a password (a wrong
    # link shows its Russian explanation, never whose account it was)
    "password-reset/": rule(ok=SIGNED_IN, anonymous="ok"),
    "password-reset/sent/": rule(ok=SIGNED_IN, anonymous="ok"),
    "password-reset/<uidb64>/<token>/": rule(ok=SIGNED_IN, anonymous="ok"),
    "password-reset/done/": rule(ok=SIGNED_IN, anonymous="ok"),
    "invitation/<uidb64>/<token>/": rule(ok=SIGNED_IN, anonymous="ok"),
    "invitation/done/": rule(ok=SIGNED_IN, anonymous="ok"),
    # the mentor's growth: the mentor, their curator; HR only with the mentor's consent to HR
    "my/growth/": EVERYONE,
    "my/growth/<id:competency_id>/assess/": rule(ok=("mentor", "other_mentor")),
    "growth/mentors/": EVERYONE,  # lists only the mentors the reader may follow
    "growth/mentors/<id:participant_id>/": rule(ok=("curator",), go=("mentor",)),  # → /my/growth/
    # aggregates for HR
    "programme/results/": rule(ok=HR),
    "programme/results.xlsx": rule(ok=HR),
}
# Content pages: every signed-in person reads them (PUBLIC_CONTENT opens them to visitors).
PAGE_TYPES = (
    "home.homepage",
    "home.standardpage",
    "curricula.trackindexpage",
    "curricula.trackpage",
    "curricula.modulepage",
    "curricula.curriculumpage",
    "curricula.libraryindexpage",
    "curricula.materialpage",
    "skills.toolindexpage",
    "skills.toolpage",
)
for _label in PAGE_TYPES:
    RULES[_label] = EVERYONE
    RULES[_label + " pdf/"] = EVERYONE


@pytest.fixture
def world(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    cycle = CycleFactory()
    pair = PairFactory(cycle=cycle)
    other = PairFactory(cycle=cycle)
    people = {
        "mentee": pair.mentee,
        "mentor": pair.mentor,
        "curator": pair.curator,
        "other_mentee": other.mentee,
        "other_mentor": other.mentor,
        "other_curator": other.curator,
        "hr_editor": ParticipantFactory(roles=[Role.HR_EDITOR]),
        "hr_admin": ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR]),
    }
    meeting = MeetingFactory(pair=pair)
    issue = SupportIssueFactory(pair=pair, raised_by=pair.mentee)
    tool = content.tool("Power BI")
    event = services.record_level(
        pair.mentee,
        tool,
        Lens.MENTOR,
        3,
        by=pair.mentor.user,
        evidence_file=SimpleUploadedFile("evidence.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32),
    )
    plan = content.SessionPlanFactory(mentor=pair.mentor, pair=pair)
    pages = _pages(tool)
    item = content.SessionPlanItemFactory(plan=plan, material=pages["curricula.materialpage"])
    from mentoring import agreements

    agreements.new_version(
        pair,
        goals="Цели",
        tools=[],
        meeting_format="online",
        meeting_every_days=7,
        meeting_slot="",
        by=pair.mentor.user,
    )
    from mentoring import addenda

    addenda.draft(pair)
    consent = ConsentRecord.objects.filter(
        participant=pair.mentee, kind=ConsentKind.PERSONAL_DATA
    ).first()
    restricted = PageViewRestriction.objects.create(
        page=pages["home.standardpage"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    ids = {
        ("my/pairs/", "pk"): pair.pk,
        ("my/meetings/", "pk"): meeting.pk,
        ("curator/pairs/", "pk"): pair.pk,
        ("curator/issues/", "pk"): issue.pk,
        ("my/plans/", "pk"): plan.pk,
        ("my/plans/", "item_pk"): item.pk,
        ("growth/mentors/", "participant_id"): pair.mentor.pk,
        ("", "competency_id"): Competency.objects.first().pk,
        ("", "uidb64"): "MQ",
        ("", "token"): "set-password",
        ("", "planned_id"): PlannedMeeting.objects.create(
            pair=pair, starts_at=timezone.now() + datetime.timedelta(days=3), created_by=None
        ).pk,
        ("calendar/", "token"): "not-a-feed-token",
        ("", "version"): 1,
        ("", "record_id"): consent.pk,
        ("", "participant_id"): pair.mentee.pk,
        ("", "event_id"): event.pk,
        ("", "tool_id"): tool.pk,
        ("", "page_view_restriction_id"): restricted.pk,
        ("", "page_id"): pages["home.standardpage"].pk,
    }
    return {"people": people, "ids": ids, "pages": pages}


def _pages(tool):
    """One live page of every page type."""
    from home.models import StandardPage

    track, modules = content.build_track()
    built = {
        "home.homepage": content.home(),
        "home.standardpage": content.publish(
            content.home(), StandardPage(title="Правила программы", slug="rules")
        ),
        "curricula.trackindexpage": track.get_parent().specific,
        "curricula.trackpage": track,
        "curricula.modulepage": modules[0],
        "curricula.curriculumpage": content.build_curriculum(),
        "curricula.libraryindexpage": content.library(),
        "curricula.materialpage": content.build_material(),
        "skills.toolindexpage": tool.get_parent().specific,
        "skills.toolpage": tool,
    }
    return built


def _fill(route, ids):
    def value(match):
        name = match.group(1)
        for (prefix, param), found in ids.items():
            if param == name and route.startswith(prefix) and prefix:
                return str(found)
        for (prefix, param), found in ids.items():
            if param == name and not prefix:
                return str(found)
        raise AssertionError(f"no id to fill <{name}> of {route}")

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)


def _outcome(response):
    code = response.status_code
    if code == 200:
        return "ok"
    if code in (403, 404):
        return "no"
    if code == 405:
        return "405"
    if code in (301, 302):
        return "login" if response["Location"].startswith(reverse("login")) else "go"
    return str(code)


def _clients(people):
    clients = {"anonymous": Client()}
    for name, person in people.items():
        clients[name] = Client()
        clients[name].force_login(person.user)
    return clients


def _addresses(world):
    for route, _view in url_patterns():
        if route.startswith("((?:"):  # Wagtail's page serving: the page types below
            continue
        yield route, _fill(route, world["ids"])
    for model in get_page_models():
        if not model.is_creatable:
            continue
        label = model._meta.label_lower
        page = world["pages"].get(label)
        assert page is not None, f"no page of type {label} built for the matrix"
        yield label, page.url
        if hasattr(page.specific, "pdf") or hasattr(page.specific, "pdf_view"):
            yield label + " pdf/", page.url + "pdf/"


def test_every_route_and_page_type_answers_by_the_rules(world):
    clients = _clients(world["people"])
    seen = {}
    with mock.patch("cms.pdf.html_to_pdf", return_value=b"%PDF-1.4 stub"):
        for name, address in _addresses(world):
            row = {}
            for actor in ACTORS:
                response = clients[actor].get(address)
                row[actor] = _outcome(response)
                if actor != "anonymous" and row[actor] == "ok":
                    cache = response.get("Cache-Control", "")
                    assert "no-store" in cache and "private" in cache, (name, actor, cache)
            seen[name] = row
    missing = sorted(set(seen) - set(RULES))
    unused = sorted(set(RULES) - set(seen))
    wrong = {
        name: {a: (RULES[name][a], row[a]) for a in ACTORS if RULES[name][a] != row[a]}
        for name, row in seen.items()
        if name in RULES and RULES[name] != row
    }
    assert not missing, f"routes or page types without a rule: {missing}"
    assert not wrong, wrong
    # a rule for a page that no longer exists is dropped, pdf/ rules of pages without one
    assert not [u for u in unused if not u.endswith(" pdf/")], unused


def test_handed_over_issue_opens_to_hr_admin_only(world, client):
    """The one rule that changes with a recorded step: the issue reaches HR admins."""
    from mentoring.models import SupportIssue

    issue = SupportIssue.objects.get()
    issue.hand_over_to_hr(world["people"]["curator"], "Нужен HR")
    url = reverse("curator_issue", args=[issue.pk])
    for actor, expected in (("hr_admin", 200), ("hr_editor", 404), ("other_curator", 404)):
        client.force_login(world["people"][actor].user)
        assert client.get(url).status_code == expected, actor


def test_consent_to_hr_opens_the_skills_to_hr_only(world, client):
    mentee = world["people"]["mentee"]
    consents.record(mentee, ConsentKind.SHARE_WITH_HR, True)
    url = reverse("skills_person", args=[mentee.pk])
    for actor, expected in (
        ("hr_editor", 200),
        ("hr_admin", 200),
        ("other_mentor", 404),
        ("other_curator", 404),
        ("other_mentee", 404),
    ):
        client.force_login(world["people"][actor].user)
        assert client.get(url).status_code == expected, actor
