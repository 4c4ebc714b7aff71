"""`search_rebuild` and `search_relevance` on the default backend."""

import io
import json

from django.core.management import call_command

from search.models import SearchEntry
from tests.search.factories import build_content


def test_rebuild_shows_progress_and_fills_the_index(db):
    pages = build_content("cmd", notes=3)
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("search_rebuild", stdout=out)
    text = out.getvalue()
    assert "[##############################]" in text
    assert "Indexed 9 pages" in text
    assert SearchEntry.objects.filter(page_id=pages["Kaiten"].pk).exists()
    assert not SearchEntry.objects.filter(page_id=pages["draft"].pk).exists()
    assert not SearchEntry.objects.filter(page_id=pages["secret"].pk).exists()


def test_relevance_report(db):
    build_content("rel", notes=0)
    out = io.StringIO()
    call_command("search_relevance", "--json", stdout=out)
    report = json.loads(out.getvalue())["database"]
    # Only the cases whose pages exist run: the fixture has Kaiten, Битрикс24 and DataLens.
    assert report["evaluated"] >= 3
    assert report["hits_at_3"] == 1.0
    assert report["p95_ms"] >= report["p50_ms"] > 0
