"""`make loadtest`: 50 users for 120 s against gunicorn with production settings.

Prepares a PostgreSQL database with the demo content (``load_demo --force``), collects the
static files, starts gunicorn on 127.0.0.1 with Redis as the cache, runs locust headless
(``bench/load/locustfile.py``) and prints requests per second and the 50th/95th/99th
percentiles per kind of page. Exits non-zero when any request failed. Not a test: the
figures depend on the machine; the suite only checks that every journey step works.

    python -m bench.load.run [--users 50] [--run-time 120] [--database-url postgres://…]
"""

import argparse
import contextlib
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", type=int, default=120, help="seconds")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nastavnik_load"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/2")
    )
    parser.add_argument("--skip-setup", action="store_true", help="reuse the prepared database")
    return parser.parse_args()


def create_database(url):
    """Create the PostgreSQL database named in ``url`` when it does not exist yet."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *command):
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True
    )


def summary(stats_csv, run_time):
    """Rows of the locust stats per kind of page, and the aggregated row."""
    rows = []
    with open(stats_csv, newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "name": row["Name"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "req_s": round(float(row["Requests/s"]), 2),
                    "p50_ms": int(float(row["50%"] or 0)),
                    "p95_ms": int(float(row["95%"] or 0)),
                    "p99_ms": int(float(row["99%"] or 0)),
                    "max_ms": int(float(row["Max Response Time"] or 0)),
                }
            )
    return rows


def print_table(rows):
    header = f"{'page':<28}{'requests':>9}{'fail':>6}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['name'][:27]:<28}{row['requests']:>9}{row['failures']:>6}{row['req_s']:>8}"
            f"{row['p50_ms']:>7}{row['p95_ms']:>7}{row['p99_ms']:>7}"
        )


@contextlib.contextmanager
def gunicorn_server(command, env):
    """Start gunicorn on a free loopback port, wait for ``/healthz/``, stop it afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - gunicorn with fixed arguments
        [part.format(port=port) for part in command], cwd=ROOT, env=env
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer /healthz/")
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def server_cpu_seconds(pid):
    """CPU time used so far by gunicorn and its workers: a figure that, unlike response
    times, does not depend on what else the machine is doing."""
    import psutil

    master = psutil.Process(pid)
    processes = [master, *master.children(recursive=True)]
    return sum(p.cpu_times().user + p.cpu_times().system for p in processes)


def main():
    args = arguments()
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nastavnik-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "LOG_LEVEL": "WARNING",
    }
    if args.database_url.startswith("postgres"):
        create_database(args.database_url)
    if not args.skip_setup:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "--force")
    manage(env, "collectstatic", "--noinput", "-v0")

    error_log = OUT / "loadtest-gunicorn.log"
    gunicorn = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", "127.0.0.1:{port}"]
    gunicorn += ["--workers", str(args.workers), "--timeout", "30"]
    gunicorn += ["--error-logfile", str(error_log), "--log-level", "warning"]
    prefix = OUT / "loadtest"
    with gunicorn_server(gunicorn, env) as (base, pid):
        cpu_before = server_cpu_seconds(pid)
        locust = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench/load/locustfile.py")]
        locust += ["--headless", "--host", base, "--users", str(args.users)]
        locust += ["--spawn-rate", str(args.spawn_rate), "--run-time", f"{args.run_time}s"]
        locust += ["--stop-timeout", "30", "--csv", str(prefix), "--only-summary"]
        locust += ["--loglevel", "WARNING"]
        locust_env = {**os.environ, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(locust, cwd=ROOT, env=locust_env, check=False)  # noqa: S603
        cpu = server_cpu_seconds(pid) - cpu_before

    rows = summary(f"{prefix}_stats.csv", args.run_time)
    print_table(rows)
    total = next((row["requests"] for row in rows if row["name"] == "Aggregated"), 0)
    cpu_ms = round(1000 * cpu / total, 1) if total else None
    print(f"\ngunicorn CPU: {cpu:.1f} s for {total} requests ({cpu_ms} ms per request)")
    report = {
        "users": args.users,
        "server_cpu_s": round(cpu, 1),
        "server_cpu_ms_per_request": cpu_ms,
        "load_average_1m": os.getloadavg()[0],
        "run_time_s": args.run_time,
        "gunicorn_workers": args.workers,
        "database": urlsplit(args.database_url).scheme,
        "pages": rows,
    }
    (OUT / "loadtest.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(f"\nFigures: {OUT / 'loadtest.json'}; server errors: {error_log}")
    failures = sum(row["failures"] for row in rows if row["name"] != "Aggregated")
    with open(f"{prefix}_failures.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            failures = max(failures, 1)
            print(f"FAILED {row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error']}")
    if result.returncode or failures:
        sys.exit(f"load test failed: {failures} failed requests (locust exit {result.returncode})")


if __name__ == "__main__":
    main()
