"""Backends for the contract suite: the database always, an in-memory OpenSearch-compatible
server (osmem-server) always, and a live Elasticsearch/OpenSearch when SEARCH_URL is set.

    SEARCH_URL=http://localhost:9200 python -m pytest tests/search

runs the same tests against that cluster too (indices are named ``test-nastavnik-…`` and
deleted afterwards).
"""

import os
import uuid

import pytest

from search.backends.database import DatabaseBackend
from tests.tools import require_module

BACKEND_PARAMS = ["database", "osmem", "live"]


@pytest.fixture(scope="session")
def search_server():
    """One osmem-server for the session, on a free localhost port, gone with the process."""
    osmem = require_module("osmem_server", "pip install -e '.[test]' installs osmem-server")
    server = osmem.OsmemServer.start(japanese=False)
    yield server
    server.close()


def make_backend(name, request):
    """The backend for a parametrized name, or skip when it is not available."""
    if name == "database":
        return DatabaseBackend()
    from search.backends.elastic import ElasticBackend

    alias = f"test-nastavnik-{uuid.uuid4().hex[:8]}"
    if name == "osmem":
        server = request.getfixturevalue("search_server")
        return ElasticBackend(server.url, alias)
    url = os.environ.get("SEARCH_URL")
    if not url:
        pytest.skip("SEARCH_URL is not set: no live Elasticsearch/OpenSearch")
    return ElasticBackend(url, alias)
