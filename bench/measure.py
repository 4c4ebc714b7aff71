"""Timing and query counting of one page, the way a reader would load it."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure_page(user, path, repeat=5):
    """Load ``path`` as ``user`` ``repeat`` times; figures of the warm runs.

    Returns a dict: status, queries, p50 and max milliseconds, response size in bytes.
    """
    client = Client()
    if user is not None:
        client.force_login(user)
    client.get(path)  # warm caches and template loading
    timings = []
    size = 0
    status = None
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(path)
            content = b"".join(response) if response.streaming else response.content
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
        size = len(content)
        status = response.status_code
    return {
        "status": status,
        "queries": queries,
        "ms_p50": round(statistics.median(timings), 1),
        "ms_max": round(max(timings), 1),
        "bytes": size,
    }
