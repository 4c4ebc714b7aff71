"""`manage.py bench --quick` runs end to end and gives every page type's figures, and a
page's query count does not grow with the data behind it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import call_command
from django.test import Client

from bench import scenarios, searching
from bench.data import SIZES, build
from tests.utils import query_count

ROOT = Path(__file__).resolve().parents[2]
PAGE_TYPES = {
    "floor",
    "home",
    "track",
    "module",
    "library_filtered",
    "catalogue",
    "tool",
    "my",
    "my_skills",
    "my_mentees",
    "curator_desk",
    "matrix",
    "hr_results",
    "search",
}


@pytest.mark.standalone
@pytest.mark.xdist_group("bench")
def test_quick_bench_gives_every_page_type(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "BENCH_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    command = [sys.executable, "manage.py", "bench", "--quick", "--repeat", "2"]
    printed = subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=900
    ).stdout
    figures = json.loads(printed.strip().splitlines()[-1])
    assert figures["size"] == "quick" and figures["database"] == "sqlite"
    assert set(figures["pages"]) == PAGE_TYPES
    for name, page in figures["pages"].items():
        assert page["status"] == 200, name
        assert page["http_status"] == 200, name
        assert page["client_ms"] > 0 and page["http_p95_ms"] >= page["http_ms"] > 0
        assert page["http_ratio"] > 0
    assert figures["pages"]["floor"]["queries"] <= 3
    exports = figures["exports"]
    for name in ("matrix_xlsx", "matrix_csv", "track_pdf"):
        assert exports[name]["status"] == 200, name
        assert exports[name]["peak_mb"] > 0, name
        assert exports[name]["seconds"] > 0 and exports[name]["first_seconds"] > 0, name
    # the PDF is timed as made, and once more as served from the cache of published pages
    assert exports["track_pdf"]["pdf_pages"] >= 2
    assert exports["track_pdf"]["cached_seconds"] > 0
    assert figures["import"]["created"] == figures["import"]["rows"] == 200
    assert figures["import"]["seconds"] > 0 and figures["import"]["peak_mb"] > 0
    assert (tmp_path / "bench-quick.sqlite3").exists()
    # search p50/p95 on both backends (osmem-server is in the test extra), the query set
    # through the test client and through gunicorn, every query answered
    search = figures["search"]
    assert set(search) == {"database", "opensearch"}
    assert search["database"]["engine"] == "sqlite"
    assert search["opensearch"]["engine"] == "osmem-server"
    assert search["opensearch"]["index"] == "bench-nastavnik-quick"
    for backend, found in search.items():
        assert found["requests"] == 2 * len(searching.QUERIES), backend
        assert found["all_200"] and found["http_all_200"], backend
        assert found["http_p95_ms"] >= found["http_p50_ms"] > 0, backend
        assert found["client_p95_ms"] >= found["client_p50_ms"] > 0, backend
        assert 0 < found["max_queries"] <= 15, backend
        assert len(found["per_query"]) == len(searching.QUERIES), backend
        for label, values in found["per_query"].items():
            assert values["status"] == values["http_status"] == 200, (backend, label)
            assert values["queries"] > 0, (backend, label)
        # the bench's own pages are in the index (they are built without publish signals)
        assert found["per_query"]["модуль трека"]["found"] >= 10, backend
        assert found["per_query"]["кайтен"]["found"] >= 1, backend


@pytest.mark.django_db
def test_query_count_of_every_page_does_not_grow_with_the_data(settings):
    settings.ROOT_URLCONF = "bench.urls"
    call_command("load_demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    build(SIZES["quick"], prefix="a")
    people = scenarios.people()
    paths = scenarios.page_paths()
    clients = {}
    for role, user in people.items():
        clients[role] = Client()
        clients[role].force_login(user)

    def counts():
        found = {}
        for name, (role, path) in paths.items():
            client = clients[role]
            assert client.get(path).status_code == 200, path
            found[name] = query_count(client.get, path)
        return found

    small = counts()
    more = {key: value * 3 for key, value in SIZES["quick"].items()}
    more["plants"] = 5
    build(more, prefix="c", seed=8)  # three times the people, tools, pages, history
    large = counts()
    assert large == small
    # issue 15: at most 15 queries on every page once its shared fragments are cached
    assert max(small.values()) <= 15, small
