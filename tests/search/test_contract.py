"""One contract, every backend: morphology, brands, typos, facets, snippets, paging, safety."""

import pytest

from django.db import transaction

from search import service
from search.documents import facet_label, page_to_document
from tests.search.conftest import BACKEND_PARAMS, make_backend
from tests.search.factories import build_content

EXTRA_FACETS = {
    "Kaiten": {"category": ["Управление задачами"], "tags": ["канбан", "задачи"]},
    "Битрикс24": {"category": ["Управление задачами"], "tags": ["задачи"]},
    "Яндекс DataLens": {"category": ["Аналитика"], "tags": ["отчёты"]},
    "Обратная связь наставника": {"audience": ["mentor"]},
    "Правила программы": {"audience": ["all"]},
}
AUDIENCE_LABELS = {"mentor": "Наставникам", "all": "Всем"}


def documents(pages):
    """The pages as search documents, with facet values the branch's page types lack."""
    docs = []
    for page in pages.values():
        doc = page_to_document(page)
        if doc is None:
            continue
        for facet, values in EXTRA_FACETS.get(doc.title, {}).items():
            doc.facets[facet] = values
            doc.labels[facet] = {v: AUDIENCE_LABELS.get(v, v) for v in values}
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_content("contract")
        yield pages
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request, content):
    engine = make_backend(request.param, request)
    count = engine.rebuild(documents(content))
    assert count == len(documents(content))
    yield engine
    if hasattr(engine, "drop"):
        engine.drop()


def titles(backend, q, **kwargs):
    return service.search(q, backend=backend, **kwargs).titles


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("наставника", "Обратная связь наставника"),
        ("наставники", "Обратная связь наставника"),
        ("обратной связи", "Обратная связь наставника"),
        ("дашборды", "Яндекс DataLens"),
        ("дашбордов", "Яндекс DataLens"),
        ("отчётов", "Яндекс DataLens"),
        ("правилами программы", "Правила программы"),
    ],
)
def test_russian_morphology(backend, db, query, expected):
    assert expected in titles(backend, query)[:3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kaiten", "Kaiten"),
        ("кайтен", "Kaiten"),
        ("кайтене", "Kaiten"),
        ("битрикс", "Битрикс24"),
        ("bitrix", "Битрикс24"),
        ("битрикса 24", "Битрикс24"),
        ("даталенс", "Яндекс DataLens"),
        ("как сделать отчёт в datalens", "Яндекс DataLens"),
    ],
)
def test_latin_and_cyrillic_brand_names(backend, db, query, expected):
    assert titles(backend, query)[0] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("наставнека", "Обратная связь наставника"), ("дашбоард", "Яндекс DataLens")],
)
def test_typos_are_tolerated(backend, db, query, expected):
    assert expected in titles(backend, query)[:3]


def test_title_matches_rank_first(backend, db):
    # «наставник» is in the body of «Правила программы»'s neighbours and in this title.
    results = service.search("наставник", backend=backend)
    assert results.titles[0] == "Обратная связь наставника"


def test_only_live_public_pages(backend, db):
    found = titles(backend, "черновик") + titles(backend, "закрытая страница")
    assert "Черновик про наставника" not in found
    assert "Закрытая страница наставника" not in found


def test_snippet_highlights_matches_and_escapes(backend, db):
    hit = service.search("обратной связи", backend=backend).hits[0]
    assert "<mark>" in hit.snippet
    assert "<p>" not in hit.snippet
    assert hit.url.endswith("/contract-feedback/")


def test_snippet_text_is_escaped(backend, db):
    hit = service.search("неравенства разметкой", backend=backend).hits[0]
    without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks
    assert any(entity in without_marks for entity in ("&gt;", "&lt;", "&amp;"))


def test_facets_have_counts_and_filter(backend, db):
    results = service.search("задачи", backend=backend)
    assert set(results.titles) >= {"Kaiten", "Битрикс24"}
    category = {fv.value: fv.count for fv in results.facets["category"]}
    assert category["Управление задачами"] == 2
    kind = {fv.value: (fv.label, fv.count) for fv in results.facets["kind"]}
    assert kind["skills.toolpage"][1] >= 2
    tags = {fv.value: fv.count for fv in results.facets["tags"]}
    assert tags["канбан"] == 1

    narrowed = service.search("задачи", backend=backend, filters={"tags": "канбан"})
    assert narrowed.titles == ["Kaiten"]
    assert narrowed.total == 1
    # The chosen facet still offers its other values (counts ignore its own filter).
    assert {fv.value for fv in narrowed.facets["tags"]} >= {"канбан", "задачи"}
    assert [fv.value for fv in narrowed.facets["tags"] if fv.selected] == ["канбан"]


def test_audience_facet_uses_labels(backend, db):
    results = service.search("наставник", backend=backend)
    audience = {fv.value: fv for fv in results.facets["audience"]}
    # The label comes from the `audience` choices of an installed page type, else the stored one.
    assert audience["mentor"].label == facet_label("audience", "mentor", AUDIENCE_LABELS)
    assert audience["mentor"].label in {"Наставникам", "Для наставников"}
    assert audience["mentor"].count == 1
    only = service.search("наставник", backend=backend, filters={"audience": "mentor"})
    assert only.titles == ["Обратная связь наставника"]


def test_pagination(backend, db):
    first = service.search("заметки о встречах", backend=backend, per_page=5)
    assert first.total == 12
    assert first.num_pages == 3
    third = service.search("заметки о встречах", backend=backend, page=3, per_page=5)
    assert len(third.hits) == 2
    second = service.search("заметки о встречах", backend=backend, page=2, per_page=5)
    seen = first.titles + second.titles + third.titles
    assert len(set(seen)) == 12
    past_the_end = service.search("заметки о встречах", backend=backend, page=99, per_page=5)
    assert past_the_end.page == 3
    assert past_the_end.titles == third.titles


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "?!…,.;:—()[]{}",
        "наставник " * 300,
        "' OR 1=1; DROP TABLE search_searchentry; --",
        'title:"x" AND (body:* OR NOT) ~2 ^5 /regex/ \\',
        "наставник MATCH 'x*' NEAR() %_",
        "Кaйтен Bитрикс",  # Latin letters inside Cyrillic words
        "\x00\x1f\u202e наставник",
    ],
)
def test_bad_input_gives_results_or_nothing(backend, db, query):
    results = service.search(query, backend=backend)
    assert results.total >= 0
    assert len(results.query) <= 200


def test_query_syntax_is_inert(backend, db):
    assert "Обратная связь наставника" in titles(backend, "наставник 'x*' () %_ ~ ^ :")


def test_autocomplete(backend, db):
    suggestions = service.autocomplete("обратн", backend=backend)
    assert suggestions[0]["title"] == "Обратная связь наставника"
    assert suggestions[0]["url"].endswith("/contract-feedback/")
    assert "Kaiten" in [s["title"] for s in service.autocomplete("кайт", backend=backend)]
    assert service.autocomplete("?!", backend=backend) == []


def test_index_follows_publishing(backend, db, content):
    page = content["Правила программы"]
    assert "Правила программы" in titles(backend, "правила")
    backend.remove([page.pk])
    assert "Правила программы" not in titles(backend, "правила")
    service.index_page(page, backend=backend)
    assert "Правила программы" in titles(backend, "правила")


def test_rebuild_swaps_the_alias_atomically(backend, db, content):
    if not hasattr(backend, "alias"):
        pytest.skip("the database backend rebuilds inside one transaction")
    before = set(backend.client.indices.get_alias(name=backend.alias))
    docs = documents(content)
    seen_during = []

    def progress(step):
        # While the new index fills, readers still get the old one.
        if not seen_during:
            seen_during.extend(titles(backend, "кайтен"))

    backend.rebuild(iter(docs), progress=progress)
    after = set(backend.client.indices.get_alias(name=backend.alias))
    assert len(after) == 1
    assert after.isdisjoint(before)
    assert not any(backend.client.indices.exists(index=name) for name in before)
    assert seen_during[:1] == ["Kaiten"]
    assert titles(backend, "кайтен")[:1] == ["Kaiten"]
