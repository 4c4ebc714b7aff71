"""The index follows publishing, unpublishing and deleting (signals, default backend)."""

import pytest

from home.models import StandardPage
from search import service
from search.documents import page_to_document
from search.models import SearchEntry
from tests.search.factories import home, publish


def found(q):
    return service.search(q).titles


def test_publish_unpublish_delete(db):
    page = publish(home(), StandardPage(title="Планёрка у начальника цеха", slug="planerka"))
    assert found("планёрки") == ["Планёрка у начальника цеха"]

    page.title = "Планёрка смены"
    page.save_revision().publish()
    assert found("планерка") == ["Планёрка смены"]

    page.unpublish()
    assert found("планёрка") == []
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()

    page.save_revision().publish()
    assert found("планёрка") == ["Планёрка смены"]
    page.delete()
    assert found("планёрка") == []


def test_slug_change_updates_urls_below(db, django_capture_on_commit_callbacks):
    parent = publish(home(), StandardPage(title="Раздел про смены", slug="smeny"))
    child = publish(parent, StandardPage(title="Приём смены мастером", slug="priem"))
    assert service.search("приём смены").hits[0].url.endswith("/smeny/priem/")
    parent.slug = "smeny-2"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals after commit
        parent.save_revision().publish()
    urls = {h.title: h.url for h in service.search("смены").hits}
    assert urls[child.title].endswith("/smeny-2/priem/")


def test_draft_changes_stay_out_until_published(db):
    page = publish(home(), StandardPage(title="График встреч", slug="grafik"))
    page.title = "Секретный план"
    page.save_revision()
    assert found("секретный") == []
    assert found("график") == ["График встреч"]


def test_home_page_is_not_searchable(db):
    assert page_to_document(home()) is None


def test_duck_typed_facets():
    from search.documents import _values

    class Tags:
        def names(self):
            return ["канбан", "задачи"]

    class Category:
        title = "Аналитика и BI"

    class Page:
        audience = "mentor"
        tags = Tags()
        category = Category()

        def get_audience_display(self):
            return "Наставники"

    page = Page()
    assert _values(page, "audience") == [("mentor", "Наставники")]
    assert _values(page, "tags") == [("задачи", "задачи"), ("канбан", "канбан")]
    assert _values(page, "category") == [("Аналитика и BI", "Аналитика и BI")]
    assert _values(page, "missing") == []


def test_postgres_matches_with_the_russian_configuration(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the generated tsvector column of migration 0002")
    publish(home(), StandardPage(title="Встречи с наставниками", slug="vstrechi"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title FROM search_searchentry "
            "WHERE fts_russian @@ plainto_tsquery('russian'::regconfig, %s)",
            ["наставник встреча"],
        )
        assert [row[0] for row in cursor.fetchall()] == ["Встречи с наставниками"]


def test_postgres_has_the_trigram_index_and_asks_for_it_during_a_search(db):
    """Migration 0005: a trigram index serves the token LIKEs, and sequential scans are off
    only while a search runs (the plans themselves are checked on the bench's content: on a
    table of a few rows any plan is cheap and the planner rightly picks another)."""
    from django.db import connection

    from search.backends.database import DatabaseBackend

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the pg_trgm index of migration 0005")
    publish(home(), StandardPage(title="Встречи с наставниками", slug="vstrechi"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_tokens_trgm'"
        )
        assert "gin_trgm_ops" in cursor.fetchone()[0]
        with DatabaseBackend().reading():
            cursor.execute("SHOW enable_seqscan")
            assert cursor.fetchone()[0] == "off"
            assert found("наставник") == ["Встречи с наставниками"]
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
        assert found("наставник") == ["Встречи с наставниками"]
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


def test_an_index_built_before_title_rank_still_ranks_until_rebuilt(request, db):
    """Short titles first on OpenSearch (alphabetical order would put the long one first):
    by the ``title_rank`` rank feature on a new index, by the older ``shortness`` function
    on an index built by an earlier version."""
    from search.backends import elastic
    from tests.search.conftest import make_backend

    publish(home(), StandardPage(title="Разбор: обратная связь", slug="os-short"))
    publish(
        home(),
        StandardPage(title="Обратная связь старшему коллеге на планёрке", slug="os-long"),
    )
    documents = [page_to_document(p) for p in StandardPage.objects.live()]
    backend = make_backend("osmem", request)
    old = elastic.index_definition("old")
    del old["mappings"]["properties"]["title_rank"]
    name = f"{backend.alias}-old"
    backend.client.indices.create(index=name, body=old)
    for doc in documents:
        body = elastic.document_body(doc)
        del body["title_rank"]
        backend.client.index(index=name, id=str(doc.page_id), body=body, refresh=True)
    backend.client.indices.put_alias(index=name, name=backend.alias)
    titles = [h.title for h in service.search("обратная связь", backend=backend).hits]
    assert titles == ["Разбор: обратная связь", "Обратная связь старшему коллеге на планёрке"]
    assert backend._has_rank_feature() is False
    backend.rebuild(documents)
    assert backend._has_rank_feature() is True
    titles = [h.title for h in service.search("обратная связь", backend=backend).hits]
    assert titles == ["Разбор: обратная связь", "Обратная связь старшему коллеге на планёрке"]
