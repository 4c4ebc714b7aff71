"""Search under the bench: a fixed set of queries on every backend, through the test client
and through gunicorn.

Backends: ``database`` (the bench's own database: PostgreSQL or SQLite, whichever it is) and
``opensearch`` — the cluster of ``SEARCH_URL`` when it is set, otherwise an in-memory
OpenSearch-compatible server (osmem-server, the test extra) started for the run; skipped
with a ``reason`` when neither is there. The database index is filled when it does not hold
every searchable page (the bench builds pages with ``add_child``, which publishes no
signal); OpenSearch is rebuilt each run into an index of its own, ``bench-nastavnik-<size>``,
never the site's alias.
"""

import contextlib
import os
import time
from urllib.parse import urlencode, urlsplit

# ~20 queries written the way the programme's people type them: tool names, topics, a typo,
# a wrong keyboard layout, two words, a question, no answer, words every bench page has (the
# candidates grow with the data), and a facet. ``(query, facets)``.
QUERIES = [
    ("кайтен", {}),  # a tool by its Russian spelling
    ("яндекс трекер задачи", {}),
    ("сводная таблица excel", {}),
    ("обратная связь", {}),  # two words, a topic
    ("первая встреча", {}),
    ("фасилитация", {}),
    ("отчёт", {}),  # the bench's `search` page
    ("тоир", {}),  # an abbreviation (synonyms)
    ("фасилитатро", {}),  # a typo
    ("тилемост", {}),  # a typo in a tool name
    ("rfqnty", {}),  # «кайтен» in the wrong layout
    ("ghjcnjb", {}),  # «простои» in the wrong layout
    ("как дать обратную связь старшему коллеге", {}),
    ("наставляемый отменяет встречи", {}),
    ("инструмент", {}),  # every bench tool has it
    ("модуль трека", {}),  # every bench module
    ("материал для замеров", {}),  # every bench material
    ("встреча", {"kind": "curricula.materialpage"}),  # a facet chosen
    ("инструмент", {"kind": "skills.toolpage"}),
    ("где столовая", {}),  # no answer: the help pages
]


def search_paths():
    """``[(label, path)]`` of the query set on `/search/`."""
    paths = []
    for query, facets in QUERIES:
        params = {"q": query, **facets}
        label = query + "".join(f" [{k}={v}]" for k, v in facets.items())
        paths.append((label, "/search/?" + urlencode(params)))
    return paths


def index_database():
    """Fill the database index when it lacks searchable pages. Seconds, or None if full."""
    from search import service
    from search.backends.database import DatabaseBackend
    from search.documents import count_pages
    from search.models import SearchEntry

    if SearchEntry.objects.count() >= count_pages():
        return None
    started = time.perf_counter()
    service.rebuild(DatabaseBackend())
    return round(time.perf_counter() - started, 1)


@contextlib.contextmanager
def opensearch(size):
    """``(settings, reason)``: where the OpenSearch pass runs, or why it cannot.

    The settings name the backend, URL and a bench-only index, filled here."""
    from search import service
    from search.backends.elastic import ElasticBackend

    url = os.environ.get("SEARCH_URL", "")
    server, engine = None, urlsplit(url).hostname and f"cluster at {urlsplit(url).hostname}"
    if not url:
        try:
            from osmem_server import OsmemServer
        except ImportError:
            yield None, "no SEARCH_URL and osmem-server is not installed (pip install '.[test]')"
            return
        server = OsmemServer.start(japanese=False)
        url, engine = server.url, "osmem-server"
    index = f"bench-nastavnik-{size}"
    try:
        try:
            backend = ElasticBackend(url, index)
            started = time.perf_counter()
            service.rebuild(backend)
        except Exception as error:  # a cluster that cannot be reached: say so, go on
            yield None, f"{engine}: the index could not be built ({error})"
            return
        config = {"SEARCH_BACKEND": "opensearch", "SEARCH_URL": url, "SEARCH_INDEX": index}
        found = {
            "settings": config,
            "engine": engine,
            "index": index,
            "index_s": round(time.perf_counter() - started, 1),
        }
        yield found, None
    finally:
        if server is not None:
            server.close()
