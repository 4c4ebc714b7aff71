"""A snippet is rendered as HTML: every backend escapes `<`, `>` and `&` of the page text
before, between and after the highlighted matches, so page text never becomes markup."""

import re

import pytest

from django.db import transaction

from home.models import StandardPage
from search import service, text
from search.documents import page_to_document
from tests.search.conftest import BACKEND_PARAMS, make_backend
from tests.search.factories import home, publish

HOSTILE = (
    "<script>alert(1)</script> Наставник & <b>жирный</b> — наставника > план; "
    "a<b & c>d наставнику <img src=x onerror=alert(2)> в конце & <i>"
)


@pytest.fixture(scope="module")
def hostile_page(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        page = publish(
            home(),
            StandardPage(
                title="Памятка наставнику",
                slug="hostile-snippet",
                intro="Вступление",
                body=[
                    ("paragraph", f"<p>{HOSTILE.replace('&', '&amp;').replace('<', '&lt;')}</p>")
                ],
            ),
        )
        yield page
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request, hostile_page):
    engine = make_backend(request.param, request)
    engine.rebuild([page_to_document(hostile_page)])
    yield engine
    if hasattr(engine, "drop"):
        engine.drop()


def assert_safe(snippet):
    """Only <mark> tags are markup; every other `<`, `>`, `&` is an entity."""
    bare = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in bare
    assert ">" not in bare
    assert not re.search(r"&(?!(amp|lt|gt|quot|#x27|#39);)", bare), bare


def test_snippet_text_is_escaped_around_and_between_matches():
    html = text.snippet(HOSTILE, text.query_terms("наставник"))
    assert html.count("<mark>") == 3
    assert_safe(html)
    assert html.startswith("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Наставник</mark> &amp;")
    assert "&lt;b&gt;жирный&lt;/b&gt;" in html  # between two matches
    assert "a&lt;b &amp; c&gt;d <mark>наставнику</mark> &lt;img" in html
    assert html.endswith("в конце &amp; &lt;i&gt;")  # after the last match


def test_snippet_without_a_match_is_escaped_too():
    html = text.snippet(HOSTILE, text.query_terms("логистика"))
    assert "<mark>" not in html
    assert_safe(html)
    assert html.startswith("&lt;script&gt;")


def test_a_long_text_is_cut_and_still_escaped():
    long = "<b>&</b> " * 100 + HOSTILE + " <u>&</u>" * 100
    html = text.snippet(long, text.query_terms("наставника"), width=120)
    assert "<mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert_safe(html)


def test_every_backend_returns_an_escaped_snippet(backend, db):
    hits = service.search("наставник", backend=backend).hits
    assert [hit.title for hit in hits] == ["Памятка наставнику"]
    snippet = hits[0].snippet
    assert "<mark>" in snippet
    assert_safe(snippet)
    # the page text keeps its `&` and `>` (its tags were stripped when it was indexed)
    assert "<mark>Наставник</mark> &amp;" in snippet
    assert "&gt; план" in snippet


SPANS_TEXT = "ab <b> cd & ef"


@pytest.mark.parametrize(
    ("start", "end", "spans", "expected"),
    [
        # a span at the very start and one ending at the very end are both marked
        (0, 14, [(0, 2, 0), (12, 14, 0)], "<mark>ab</mark> &lt;b&gt; cd &amp; <mark>ef</mark>"),
        # spans outside the window are skipped, the ones after them still marked
        (3, 14, [(0, 2, 0), (7, 9, 0)], "… &lt;b&gt; <mark>cd</mark> &amp; ef"),
        (0, 9, [(7, 9, 0), (12, 14, 0)], "ab &lt;b&gt; <mark>cd</mark> …"),
        # a cut one character in still shows the ellipsis
        (1, 14, [], "… b &lt;b&gt; cd &amp; ef"),
        (0, 14, [], "ab &lt;b&gt; cd &amp; ef"),
    ],
)
def test_the_marked_window(start, end, spans, expected):
    assert text._marked(SPANS_TEXT, start, end, spans) == expected


def test_plain_text_of_nothing_is_empty():
    assert text.plain_text(None) == ""
    assert text.plain_text("") == ""
    assert text.plain_text("<p>a &amp;\n <b>b</b></p>") == "a & b"
