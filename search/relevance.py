"""The relevance set (relevance.json): queries as participants type them, pages due in the top 3."""

import json
import statistics
import time
from pathlib import Path

from wagtail.models import Page

from search import service

RELEVANCE_FILE = Path(__file__).with_name("relevance.json")
TOP = 3


def load_cases(path=RELEVANCE_FILE):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["queries"]


def evaluate(backend, cases=None):
    """hits@3 over the cases whose expected pages exist (live) here; timings in ms.

    A case counts as a hit when every expected title is among the first three results.
    """
    cases = cases if cases is not None else load_cases()
    live_titles = set(Page.objects.live().values_list("title", flat=True))
    rows, timings, skipped = [], [], []
    for case in cases:
        if not all(title in live_titles for title in case["expect"]):
            skipped.append(case["q"])
            continue
        started = time.perf_counter()
        results = service.search(case["q"], backend=backend)
        timings.append((time.perf_counter() - started) * 1000)
        top = results.titles[:TOP]
        rows.append({"q": case["q"], "expect": case["expect"], "top": top,
                     "hit": all(t in top for t in case["expect"])})  # fmt: skip
    hits = sum(r["hit"] for r in rows)
    return {
        "backend": backend.name,
        "evaluated": len(rows),
        "skipped": skipped,
        "hits_at_3": hits / len(rows) if rows else None,
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
