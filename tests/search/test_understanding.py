"""Queries as people type them, on every backend: synonyms HR edits, abbreviations, short
words, a wrong keyboard layout, typos only when sure, rare words over frequent ones, and
«nothing» when nothing answers."""

import pytest

from django.db import transaction

from home.models import StandardPage
from search import service
from search.models import Synonym
from tests.search.conftest import BACKEND_PARAMS, make_backend
from tests.search.factories import build_content, home, publish

EXTRA = [
    (
        "Видеосвязь на участке",
        "und-video",
        "Видеовстреча с поставщиком: демонстрация экрана и запись.",
    ),
    ("Основы фасилитации", "und-facilitation", "Как вести встречу: вход, работа, выход."),
    ("Планирование смены", "und-planning", "Наряды и загрузка стана на неделю."),
]


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_content("und")
        for title, slug, intro in EXTRA:
            pages[title] = publish(home(), StandardPage(title=title, slug=slug, intro=intro))
        yield pages
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request, content):
    engine = make_backend(request.param, request)
    service.rebuild(engine)
    yield engine
    if hasattr(engine, "drop"):
        engine.drop()


def titles(backend, q):
    return service.search(q, backend=backend).titles


def test_starter_synonyms_are_installed(db):
    rows = " | ".join(Synonym.objects.values_list("terms", flat=True)).lower()
    for word in ("созвон", "планёрка", "ос", "кпэ", "тоир", "bi", "ии"):
        assert word in rows


def test_a_synonym_hr_adds_works_at_once_and_goes_when_deleted(backend, db):
    Synonym.objects.filter(terms__icontains="созвон").delete()
    assert "Видеосвязь на участке" not in titles(backend, "созвон")
    group = Synonym.objects.create(terms="созвон, видеовстреча")
    assert titles(backend, "созвон") == ["Видеосвязь на участке"]  # no re-indexing
    group.delete()
    assert titles(backend, "созвон") == []


def test_one_way_synonym_expands_only_from_the_first(backend, db):
    Synonym.objects.all().delete()
    Synonym.objects.create(terms="гпт, дашборды", one_way=True)
    assert "Яндекс DataLens" in titles(backend, "гпт")
    assert titles(backend, "дашборды")[:1] == ["Яндекс DataLens"]
    Synonym.objects.create(terms="дашборды, видеовстреча", one_way=True)
    assert "Видеосвязь на участке" in titles(backend, "дашборды")
    assert "Яндекс DataLens" not in titles(backend, "видеовстреча")


def test_abbreviation_is_matched_whole(backend, db):
    # «ОС» stands for «обратная связь» (starter set) and never for the start of «основы».
    found = titles(backend, "ОС")
    assert "Обратная связь наставника" in found
    assert "Основы фасилитации" not in found


def test_short_stem_does_not_match_longer_words(backend, db):
    assert "Планирование смены" not in titles(backend, "план")
    assert titles(backend, "планирование")[:1] == ["Планирование смены"]


@pytest.mark.parametrize(
    ("typed", "meant", "page"),
    [
        ("rfqnty", "кайтен", "Kaiten"),
        ("lfi,jhls", "дашборды", "Яндекс DataLens"),
        ("вфефдуты", "datalens", "Яндекс DataLens"),
    ],
)
def test_wrong_keyboard_layout(backend, db, typed, meant, page):
    results = service.search(typed, backend=backend)
    assert results.titles[:1] == [page]
    assert results.shown_for == meant
    assert results.query == typed


def test_typo_is_corrected_only_when_it_clearly_matches(backend, db):
    results = service.search("дашбоарды", backend=backend)
    assert results.titles[:1] == ["Яндекс DataLens"]
    assert results.shown_for == "дашборды"
    # A word the content lacks is not «corrected» into a page about something else.
    for query in ("спецодежда", "больничный", "медосмотр"):
        nothing = service.search(query, backend=backend)
        assert nothing.titles == [] and not nothing.shown_for


def test_rare_word_outweighs_a_frequent_title_word(backend, db):
    # No page has both; «встреча» is in twelve titles, «канбан» in one page's text.
    results = service.search("встреча канбан", backend=backend)
    assert results.titles[:1] == ["Kaiten"]
    assert results.partial


def test_no_good_match_gives_nothing(backend, db):
    for query in ("как оформить больничный", "обучение на крановщика", "путевка в лагерь"):
        assert titles(backend, query) == [], query
