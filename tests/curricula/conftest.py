import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached navigation links must not leak from one test's rolled-back pages to another."""
    cache.clear()
    yield
    cache.clear()
