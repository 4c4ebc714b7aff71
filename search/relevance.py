"""The relevance set (relevance.json): queries as people type them, and the pages that answer.

Each case lists the pages that answer it; any one of them counts. A case with an empty list
has no answer in the content: the right result is «nothing found», and any hit is junk.

Figures: hits@1 and hits@3 (an answering page first / in the first three), MRR (mean of
1/rank of the first answering page in the first page of results, 0 when absent) over the
answerable cases, and junk (the share of no-answer cases that still showed results).
"""

import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from wagtail.models import Page

from search import service

RELEVANCE_FILE = Path(__file__).with_name("relevance.json")
TOP = 3


def load_cases(path=RELEVANCE_FILE):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["queries"]


def _figures(rows):
    answerable = [r for r in rows if r["expect"]]
    no_answer = [r for r in rows if not r["expect"]]
    n = len(answerable)
    return {
        "answerable": n,
        "no_answer": len(no_answer),
        "hits_at_1": sum(r["rank"] == 1 for r in answerable) / n if n else None,
        "hits_at_3": sum(0 < r["rank"] <= TOP for r in answerable) / n if n else None,
        "mrr": sum(1 / r["rank"] for r in answerable if r["rank"]) / n if n else None,
        "junk": sum(r["junk"] for r in no_answer) / len(no_answer) if no_answer else None,
        "junk_count": sum(r["junk"] for r in no_answer),
    }


def evaluate(backend, cases=None):
    """The four figures over the cases that apply to the content here, plus timings in ms.

    A case whose answering pages are all missing (not live) here is skipped; a no-answer
    case always runs.
    """
    cases = cases if cases is not None else load_cases()
    live_titles = set(Page.objects.live().values_list("title", flat=True))
    rows, timings, skipped = [], [], []
    for case in cases:
        expect = [title for title in case["expect"] if title in live_titles]
        if case["expect"] and not expect:
            skipped.append(case["q"])
            continue
        started = time.perf_counter()
        results = service.search(case["q"], backend=backend)
        timings.append((time.perf_counter() - started) * 1000)
        titles = results.titles
        rank = next((i for i, title in enumerate(titles, 1) if title in expect), 0)
        rows.append(
            {
                "q": case["q"],
                "kind": case.get("kind", ""),
                "expect": expect,
                "top": titles[:TOP],
                "rank": rank,
                "hit": 0 < rank <= TOP if expect else not titles,
                "junk": bool(titles) and not expect,
                "shown_for": results.shown_for,
            }
        )
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    return {
        "backend": backend.name,
        "evaluated": len(rows),
        "skipped": skipped,
        **_figures(rows),
        "kinds": {kind: _figures(kind_rows) for kind, kind_rows in sorted(by_kind.items())},
        "p50_ms": statistics.median(timings) if timings else None,
        "p95_ms": _percentile(timings, 95),
        "rows": rows,
    }


def _percentile(values, pct):
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]
