"""`manage.py bench`: measure every front-end page on a holding-sized data set.

The data live in a database of their own — ``.bench/bench-<size>.sqlite3`` by default, or
``<name>_bench_<size>`` on the PostgreSQL server of ``DATABASE_URL`` — built once and reused
(``--rebuild`` builds it again). Each page type is loaded by the role that uses it through
Django's test client (SQL queries, median and p95 ms) and through gunicorn over loopback
(production settings, median and p95 ms); the floor, a minimal view on the same stack, is
the yardstick and every page is also given as a ratio to it. ``search``: a set of queries
on the database backend and on OpenSearch (`bench.searching`), p50 and p95 both ways.
Prints one JSON object.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, connections
from django.test.utils import override_settings, setup_test_environment

from bench.data import SIZES

ROOT = Path(settings.BASE_DIR)
BENCH_DIR = Path(os.environ.get("BENCH_DIR") or ROOT / ".bench")


class Command(BaseCommand):
    help = "Measure every page type on a holding-sized data set (one JSON object)."

    def add_arguments(self, parser):
        size = parser.add_mutually_exclusive_group()
        size.add_argument("--tenth", action="store_const", dest="size", const="tenth")
        size.add_argument("--quick", action="store_const", dest="size", const="quick")
        parser.add_argument("--rebuild", action="store_true", help="Build the data again.")
        parser.add_argument("--repeat", type=int, default=None, help="Requests per page.")
        parser.add_argument("--no-http", action="store_true", help="Skip the gunicorn run.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")

    def handle(self, *args, size=None, rebuild=False, repeat=None, no_http=False, **options):
        size = size or "full"
        repeat = repeat or (5 if size == "quick" else 20)
        setup_test_environment()
        database = use_bench_database(size, rebuild)
        figures = {"size": size, "sizes": SIZES[size], "database": connection.vendor}
        started = time.perf_counter()
        built = ensure_data(size)
        figures["build_s"] = round(time.perf_counter() - started, 1) if built else None
        from bench import scenarios, searching
        from bench.measure import (
            client_figures,
            export_figures,
            logged_in_client,
            search_client_figures,
        )

        people = scenarios.people()
        paths = scenarios.page_paths()
        pages = {}
        # In this process the cache is in memory: one process, nothing left from a build.
        memory = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["*"], CACHES=memory):
            clients = {role: logged_in_client(user) for role, user in people.items()}
            for name, (role, path) in paths.items():
                pages[name] = {"path": path, **client_figures(clients[role], path, repeat)}
            exports = {
                name: export_figures(clients[role], path, fresh)
                for name, (role, path, fresh) in scenarios.export_paths().items()
            }
            queries = searching.search_paths()
            found = {
                "engine": connection.vendor,
                "index_s": searching.index_database(),
                **search_client_figures(clients["mentee"], queries, repeat),
            }
            search = {"database": found}
            name = settings.SESSION_COOKIE_NAME
            cookies = {
                role: f"{name}={client.cookies[name].value}" for role, client in clients.items()
            }
            if not no_http:
                http, found_http = measure_http(
                    database, paths, cookies, repeat, options["workers"], search=queries
                )
                for name, values in http.items():
                    pages[name].update(values)
                merge_search(found, found_http)
            with searching.opensearch(size) as (engine, reason):
                if engine is None:
                    search["opensearch"] = {"skipped": True, "reason": reason}
                else:
                    with override_settings(**engine["settings"]):
                        found = {
                            "engine": engine["engine"],
                            "index": engine["index"],
                            "index_s": engine["index_s"],
                            **search_client_figures(clients["mentee"], queries, repeat),
                        }
                    search["opensearch"] = found
                    if not no_http:
                        _pages, found_http = measure_http(
                            database,
                            {},
                            cookies,
                            repeat,
                            options["workers"],
                            search=queries,
                            env=engine["settings"],
                        )
                        merge_search(found, found_http)
        floor = pages["floor"]
        for values in pages.values():
            values["client_ratio"] = round(values["client_ms"] / floor["client_ms"], 1)
            if "http_ms" in values:
                values["http_ratio"] = round(values["http_ms"] / floor["http_ms"], 1)
        figures["pages"] = pages
        figures["search"] = search
        figures["exports"] = exports
        figures["import"] = scenarios.import_figures(5000 if size != "quick" else 200)
        figures["max_queries"] = max(v["queries"] for k, v in pages.items() if k != "floor")
        self.stdout.write(json.dumps(figures, ensure_ascii=False))


def use_bench_database(size, rebuild):
    """Point the default connection at the bench database (created if missing)."""
    connection.close()
    config = connections["default"].settings_dict
    if config["ENGINE"].endswith("sqlite3"):
        BENCH_DIR.mkdir(exist_ok=True)
        path = BENCH_DIR / f"bench-{size}.sqlite3"
        if rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        config["NAME"] = str(path)
        return f"sqlite:///{path}"
    name = f"{config['NAME']}_bench_{size}"
    with connection._nodb_cursor() as cursor:
        if rebuild:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    config["NAME"] = name
    user = config.get("USER") or "postgres"
    auth = f"{user}:{config['PASSWORD']}" if config.get("PASSWORD") else user
    host = config.get("HOST") or "127.0.0.1"
    return f"postgres://{auth}@{host}:{config.get('PORT') or 5432}/{name}"


def ensure_data(size):
    """Migrate; build the holding unless a previous run already did. True if built now."""
    call_command("migrate", verbosity=0, interactive=False)
    from mentoring.models import Cycle

    if Cycle.objects.filter(name__startswith="Бенч-цикл").exists():
        return False
    from bench.data import build

    call_command("load_demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    build(SIZES[size])
    # Planner statistics for the tables just filled in bulk (autovacuum would get there
    # later; without them PostgreSQL picks hash joins over whole tables).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


def merge_search(found, found_http):
    """Put the gunicorn figures of the query set beside the test client's."""
    per_query = found_http.pop("per_query")
    found.update(found_http)
    for label, values in per_query.items():
        found["per_query"][label].update(values)


def measure_http(database_url, paths, cookies, repeat, workers, search=(), env=None):
    """The same pages through gunicorn with production settings over loopback, and the
    search query set as the mentee (``search``: its paths) with the settings of ``env``
    (the search backend): ``(figures per page, search figures or None)``."""
    from bench.load.run import gunicorn_server
    from bench.measure import http_figures, search_http_figures

    extra = env or {}

    static = BENCH_DIR / "static"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static),
        "LOG_LEVEL": "WARNING",
        # the workers share a cache in files, started empty: nothing from an earlier build
        "CACHE_DIR": str(BENCH_DIR / "cache"),
        **extra,
    }
    env.pop("REDIS_URL", None)
    shutil.rmtree(BENCH_DIR / "cache", ignore_errors=True)
    if not (static / "staticfiles.json").exists():
        shutil.rmtree(static, ignore_errors=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    command = [sys.executable, "-m", "gunicorn", "bench.wsgi", "--bind", "127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning", "--timeout", "120"]
    figures = {}
    with gunicorn_server(command, env) as (base, _pid):
        for name, (role, path) in paths.items():
            figures[name] = http_figures(base, cookies[role], path, repeat)
        found = search_http_figures(base, cookies["mentee"], search, repeat) if search else None
    return figures, found
