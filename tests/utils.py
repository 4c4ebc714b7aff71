"""Small helpers shared by tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(func, *args, **kwargs):
    """Run ``func`` and return how many SQL queries it made."""
    with CaptureQueriesContext(connection) as ctx:
        func(*args, **kwargs)
    return len(ctx.captured_queries)
