"""Timing and query counting of one page, through the test client and over loopback HTTP."""

import io
import re
import statistics
import time
import tracemalloc
import urllib.request

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def _summary(timings):
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return round(statistics.median(ordered), 2), round(p95, 2)


def logged_in_client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def client_timings(client, path, repeat):
    """``(status, SQL queries, [ms], last response)`` of ``repeat`` requests (after one
    warm-up request)."""
    client.get(path)
    timings, queries, status = [], 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - start) * 1000)
        queries, status = len(ctx.captured_queries), response.status_code
    return status, queries, timings, response


def client_figures(client, path, repeat):
    """Status, SQL queries, median and p95 ms of ``path`` (after one warm-up request)."""
    status, queries, timings, _response = client_timings(client, path, repeat)
    median, p95 = _summary(timings)
    return {"status": status, "queries": queries, "client_ms": median, "client_p95_ms": p95}


# Requests before timing over HTTP: the server has several workers, each warms up alone.
HTTP_WARM_UP = 4


def http_timings(base, cookie, path, repeat):
    """``(status, [ms])`` of ``repeat`` requests over loopback HTTP (after a warm-up of
    every worker)."""
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", cookie)] if cookie else []
    timings, status = [], None
    for attempt in range(repeat + HTTP_WARM_UP):
        start = time.perf_counter()
        with opener.open(base + path, timeout=120) as response:
            response.read()
            status = response.status
        if attempt >= HTTP_WARM_UP:
            timings.append((time.perf_counter() - start) * 1000)
    return status, timings


def http_figures(base, cookie, path, repeat):
    """Median and p95 ms of ``path`` over loopback HTTP (after the warm-up)."""
    status, timings = http_timings(base, cookie, path, repeat)
    median, p95 = _summary(timings)
    return {"http_status": status, "http_ms": median, "http_p95_ms": p95}


def search_client_figures(client, paths, repeat):
    """The query set through the test client: p50 and p95 ms over all queries × repeats,
    the most SQL queries one search took, and each query's status, SQL queries, median and
    pages found."""
    everything, per_query = [], {}
    for label, path in paths:
        status, queries, timings, response = client_timings(client, path, repeat)
        everything += timings
        results = (response.context or {}).get("results")
        per_query[label] = {
            "status": status,
            "queries": queries,
            "client_ms": round(statistics.median(timings), 2),
            "found": getattr(results, "total", None),  # pages found (with the facet chosen)
        }
    p50, p95 = _summary(everything)
    return {
        "requests": len(everything),
        "client_p50_ms": p50,
        "client_p95_ms": p95,
        "max_queries": max(q["queries"] for q in per_query.values()),
        "all_200": all(q["status"] == 200 for q in per_query.values()),
        "per_query": per_query,
    }


def search_http_figures(base, cookie, paths, repeat):
    """The query set through gunicorn: p50 and p95 ms over all queries × repeats, and each
    query's status and median (merged into ``per_query`` by the caller)."""
    everything, per_query = [], {}
    for label, path in paths:
        status, timings = http_timings(base, cookie, path, repeat)
        everything += timings
        per_query[label] = {"http_status": status, "http_ms": round(statistics.median(timings), 2)}
    p50, p95 = _summary(everything)
    return {
        "http_p50_ms": p50,
        "http_p95_ms": p95,
        "http_all_200": all(q["http_status"] == 200 for q in per_query.values()),
        "per_query": per_query,
    }


def _download(client, path):
    """The response, its body and the seconds one download took."""
    start = time.perf_counter()
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body, time.perf_counter() - start


def export_figures(client, path, fresh=None):
    """Seconds and peak Python memory (MB) of one download, e.g. a full XLSX export.

    Timed without tracemalloc (it slows Python several-fold), the peak measured in a
    separate download under it. ``first_seconds`` is the first download of the process
    (imports, cold caches: what a new worker pays once); ``seconds`` a later one. ``fresh``,
    if given, is called before each of them so that a cached result is not what is timed
    (the PDF cache); ``cached_seconds`` is then a download served from that cache.
    """
    if fresh:
        fresh()
    response, body, first = _download(client, path)
    if fresh:
        fresh()
    _response, _body, seconds = _download(client, path)
    if fresh:
        fresh()
    tracemalloc.start()
    try:
        _download(client, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    figures = {
        "status": response.status_code,
        "first_seconds": round(first, 2),
        "seconds": round(seconds, 3),
        "peak_mb": round(peak / 2**20, 1),
        "bytes": len(body),
    }
    if fresh:
        _download(client, path)
        figures["cached_seconds"] = round(_download(client, path)[2], 4)
    if body.startswith(b"%PDF"):
        try:
            import pypdf  # the test extra; otherwise count page objects in the file

            pages = len(pypdf.PdfReader(io.BytesIO(body)).pages)
        except ImportError:
            pages = len(re.findall(rb"/Type\s*/Page\b", body))
        figures["pdf_pages"] = pages
        figures["seconds_per_page"] = round(seconds / max(1, pages), 3)
        figures["first_seconds_per_page"] = round(first / max(1, pages), 3)
    return figures
