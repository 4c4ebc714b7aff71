"""HR can open the Wagtail editor of every page and every record the demo ships.

The pages and records are found from the page tree and the admin's registered view sets,
not listed: a new page type or snippet is covered as soon as the demo creates one.
"""

import pytest

from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from mentoring.models import User

pytestmark = pytest.mark.django_db
# Records opened per admin view set: enough to meet every kind of stored value.
RECORDS_PER_VIEWSET = 5


def test_hr_opens_the_editor_of_every_demo_page_and_record(client, settings):
    """One test: the demo is loaded once (about a minute) for both checks."""
    settings.DEBUG = True
    call_command("load_demo")
    settings.DEBUG = False
    client.force_login(User.objects.get(username="hr"))
    _every_page_opens(client)
    _every_record_opens(client)


def _model_viewsets():
    """Every model view set of the admin, snippets included (groups are already flat)."""
    return [viewset for viewset in admin_viewsets.viewsets if isinstance(viewset, ModelViewSet)]


def _every_page_opens(hr_client):
    failures = []
    for page in Page.objects.filter(depth__gt=1).specific():
        response = hr_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        if response.status_code != 200:
            failures.append((page.title, response.status_code))
    assert failures == []


def _every_record_opens(hr_client):
    user = User.objects.get(username="hr")
    failures, opened = [], 0
    for viewset in _model_viewsets():
        try:
            reverse(viewset.get_url_name("edit"), args=[0])
        except NoReverseMatch:
            continue
        if not viewset.permission_policy.user_has_permission(user, "change"):
            continue
        for obj in viewset.model._default_manager.all()[:RECORDS_PER_VIEWSET]:
            url = reverse(viewset.get_url_name("edit"), args=[obj.pk])
            response = hr_client.get(url)
            opened += 1
            if response.status_code != 200:
                failures.append((url, response.status_code))
    assert opened > 0
    assert failures == []


def test_stored_bare_line_breaks_are_rewritten_for_the_editor(client, hr_admin):
    """The migration rewrites a stored ``<br>`` (an older demo's) in bodies and revisions."""
    import importlib

    from django.apps import apps

    from curricula.models import MaterialPage
    from tests.curricula.factories import build_material

    migration = importlib.import_module(
        "curricula.migrations.0005_rich_text_line_breaks_in_stored_form"
    )
    page = build_material()
    MaterialPage.objects.filter(pk=page.pk).update(
        body=MaterialPage._meta.get_field("body").to_python(
            [{"type": "text", "value": "<p>один<br>два</p>"}]
        )
    )
    revision = page.latest_revision
    revision.content["body"] = '[{"type": "text", "value": "<p>один<br>два</p>", "id": "x"}]'
    revision.save(update_fields=["content"])

    migration.rewrite_breaks(apps, None)

    page.refresh_from_db()
    assert page.body.raw_data[0]["value"] == "<p>один<br/>два</p>"
    revision.refresh_from_db()
    assert "<br/>" in revision.content["body"]
    client.force_login(hr_admin.user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
