"""Editors search in Russian in the Wagtail admin, and HR keeps the search synonyms there."""

import pytest

from django.conf import settings
from django.db import connection

from home.models import StandardPage
from mentoring.roles import Role
from search.models import Synonym
from tests.mentoring.factories import ParticipantFactory
from tests.search.factories import home, publish


def test_admin_search_backend_is_russian():
    from wagtail.search.backends import get_search_backend

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "russian"
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert backend.config == backend.autocomplete_config == "russian"
    else:
        assert type(backend).__name__ == "RussianSQLiteSearchBackend"


@pytest.mark.parametrize("query", ["наставника", "наставники", "Наставнику"])
def test_editor_finds_pages_by_any_form_of_a_word(admin_client, query):
    publish(home(), StandardPage(title="Наставник и его наставляемые", slug="admin-search"))
    html = admin_client.get("/admin/pages/search/", {"q": query}).content.decode()
    assert "Наставник и его наставляемые" in html


@pytest.fixture
def hr_editor(client, db):
    client.force_login(ParticipantFactory(roles=[Role.HR_EDITOR]).user)
    return client


def test_hr_editor_adds_a_synonym_group(hr_editor):
    listing = hr_editor.get("/admin/snippets/search/synonym/")
    assert listing.status_code == 200
    assert "5S" in listing.content.decode()  # the starter set is there to edit
    response = hr_editor.post(
        "/admin/snippets/search/synonym/add/", {"terms": "сменка, сменное задание"}
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(terms="сменка, сменное задание").exists()


def test_a_group_needs_two_searchable_items(hr_editor):
    response = hr_editor.post("/admin/snippets/search/synonym/add/", {"terms": "сменка"})
    assert response.status_code == 200
    assert "Укажите хотя бы два слова" in response.content.decode()
    response = hr_editor.post("/admin/snippets/search/synonym/add/", {"terms": "и, в"})
    assert "нет слов, по которым ищет поиск" in response.content.decode()
    assert not Synonym.objects.filter(terms__in=["сменка", "и, в"]).exists()
