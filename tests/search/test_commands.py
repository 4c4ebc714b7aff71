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
    # Only the cases whose pages exist run (the fixture has Kaiten, Битрикс24, DataLens…),
    # and every no-answer case.
    assert report["answerable"] >= 3
    assert report["no_answer"] >= 20
    for figure in ("hits_at_1", "hits_at_3", "mrr", "junk"):
        assert 0 <= report[figure] <= 1
    assert report["hits_at_1"] <= report["hits_at_3"]
    assert report["p95_ms"] >= report["p50_ms"] > 0
    assert set(report["kinds"]) >= {"typo", "layout", "no-answer", "own-words"}


def test_relevance_report_in_words(db):
    build_content("relw", notes=0)
    out = io.StringIO()
    call_command("search_relevance", "--kinds", "--verbose-misses", stdout=out)
    printed = out.getvalue()
    assert "hits@1" in printed and "hits@3" in printed and "MRR" in printed
    assert "junk on no-answer" in printed
