"""The menu and the home page's role cards follow the roles: each role is offered what it
needs, and no link shown to a role answers 403 or 404 to it."""

import re

import pytest

from django.core.management import call_command
from django.urls import reverse

from mentoring.models import User

ACCOUNTS = ("mentee", "mentor", "curator", "hreditor", "hr")
LINK = re.compile(r'<a\b[^>]*\bhref="(/[^"]*)"')


def _menu(html):
    start = html.index('<nav class="site-nav"')
    return LINK.findall(html[start : html.index("</nav>", start)])


def _cards(html):
    start = html.index('id="roles-title"')
    return LINK.findall(html[start : html.index("</section>", start)])


@pytest.mark.django_db
def test_every_link_offered_to_a_role_opens_for_it(client, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    offered = {}
    for username in ACCOUNTS:
        client.force_login(User.objects.get(username=username))
        home = client.get("/").content.decode()
        links = set(_menu(home)) | set(_cards(home))
        offered[username] = links
        wrong = {}
        for link in sorted(links):
            status = client.get(link).status_code
            if status not in (200, 302):
                wrong[link] = status
        assert not wrong, f"{username} is offered links that refuse: {wrong}"
        client.logout()
    assert reverse("ideas") in offered["mentor"]
    assert reverse("nominate") in offered["mentee"]
    assert reverse("curator_desk") in offered["curator"]
    assert reverse("programme_results") in offered["hreditor"]
    assert reverse("participant_import") not in offered["hreditor"]
    assert reverse("participant_import") in offered["hr"]
    for username in ACCOUNTS:
        assert "/tools/" in offered[username], username
        assert "/library/" in offered[username], username
