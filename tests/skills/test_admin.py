"""Editors manage the catalogue in the Wagtail admin; the mastery history stays read-only."""

from django.urls import reverse

from skills import services
from skills.models import MasteryEvent, ToolCategory
from skills.models.mastery import Lens
from tests.mentoring.factories import UserFactory
from tests.skills.factories import category, tool


def test_hr_editor_edits_catalogue_snippets_and_tool_pages(client, hr_editor):
    page = tool("Kaiten", cat=category())
    client.force_login(hr_editor.user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    listing = reverse("wagtailsnippets_skills_toolcategory:list")
    assert "Аналитика и BI" in client.get(listing).content.decode()
    response = client.post(
        reverse("wagtailsnippets_skills_toolcategory:add"),
        {"name": "ИИ-ассистенты", "slug": "ai", "description": "", "sort_order": 3},
    )
    assert response.status_code == 302
    assert ToolCategory.objects.filter(slug="ai").exists()
    levels = client.get(reverse("wagtailsnippets_skills_skilllevel:list")).content.decode()
    assert "применяю самостоятельно" in levels


def test_mastery_history_is_read_only_even_for_superusers(client, pair):
    event = services.record_level(pair.mentee, tool(), Lens.MENTOR, 2)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    inspect = reverse("wagtailsnippets_skills_masteryevent:inspect", args=[event.pk])
    assert client.get(inspect).status_code == 200
    edit = reverse("wagtailsnippets_skills_masteryevent:edit", args=[event.pk])
    client.post(edit, {"lens": "self", "to_level": 4})
    delete = reverse("wagtailsnippets_skills_masteryevent:delete", args=[event.pk])
    client.post(delete)
    event = MasteryEvent.objects.get(pk=event.pk)
    assert (event.lens, event.to_level) == ("mentor", 2)


def test_tool_with_history_is_not_deleted_but_explained(client, pair):
    from skills.models import ToolPage

    page = tool()
    services.record_level(pair.mentee, page, Lens.MENTOR, 2)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=True)
    assert response.status_code == 200
    assert "нельзя удалить" in response.content.decode()
    assert ToolPage.objects.filter(pk=page.pk).exists()
    assert MasteryEvent.objects.filter(mastery__tool=page).count() == 1
    empty = tool()
    client.post(reverse("wagtailadmin_pages:delete", args=[empty.pk]))
    assert not ToolPage.objects.filter(pk=empty.pk).exists()
