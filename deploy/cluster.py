"""`make cluster`: two app servers behind nginx on one machine, as a holding would run them.

Two gunicorn app servers (production settings), the django-tasks database worker, SeaweedFS
(S3) and a round-robin nginx front, over the running PostgreSQL (``DATABASE_URL``) and
Redis (``REDIS_URL``: cache and sessions). Nothing is kept on an app server: sessions in
Redis and the database, files in the object storage, tasks in the database.

    python -m deploy.cluster [--port 8080] [--dir .cluster]
"""

import argparse
import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from deploy import seaweed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/nastavnik_cluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def nginx_binary():
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )


def environment(directory, database_url, redis_url, s3_endpoint, front):
    """The environment every process of the cluster shares."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(directory / "static"),
        "TASKS_IN_BACKGROUND": "1",
        "LOG_LEVEL": "WARNING",
        **seaweed.environment(s3_endpoint),
        # Readers fetch images through the front, on the site's own origin.
        "S3_MEDIA_URL": f"{front}/media",
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True
    )


def create_database(database_url):
    """Create the PostgreSQL database of ``database_url`` if it does not exist."""
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return
        conn.execute(f'CREATE DATABASE "{name}"')


def wait_for(url, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited ({process.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


@contextlib.contextmanager
def running_cluster(directory, *, database_url, redis_url, port=None, setup=()):
    """Start everything; yield a dict: ``front`` URL, ``apps`` (URL, process) and ``env``.

    ``setup`` are extra ``manage.py`` commands run once after migrating (``load_demo``...).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    port = port or seaweed.free_port()
    front = f"http://127.0.0.1:{port}"
    processes = []
    with seaweed.running_seaweedfs(directory / "seaweedfs") as s3:
        env = environment(directory, database_url, redis_url, s3, front)
        if database_url.startswith("postgres"):
            create_database(database_url)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        for command in setup:
            manage(env, *command)
        try:
            apps = []
            for number in (1, 2):
                app_port = seaweed.free_port()
                log = (directory / f"app{number}.log").open("wb")
                command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", "2"]
                command += ["--bind", f"127.0.0.1:{app_port}", "--log-level", "warning"]
                process = subprocess.Popen(  # noqa: S603 - gunicorn with fixed arguments
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                processes.append(process)
                apps.append((f"http://127.0.0.1:{app_port}", process))
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker"],
                cwd=ROOT,
                env=env,
                stdout=(directory / "worker.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
            processes.append(worker)
            nginx_dir = directory / "nginx"
            nginx_dir.mkdir(exist_ok=True)
            upstreams = "\n".join(
                f"        server {url.removeprefix('http://')} max_fails=1 fail_timeout=5s;"
                for url, _process in apps
            )
            config = (
                (ROOT / "deploy" / "nginx.conf.template")
                .read_text()
                .format(
                    prefix=nginx_dir,
                    port=port,
                    upstreams=upstreams,
                    s3_endpoint=s3,
                    media_bucket=seaweed.MEDIA_BUCKET,
                )
            )
            (nginx_dir / "nginx.conf").write_text(config)
            nginx = subprocess.Popen(  # noqa: S603 - nginx with our own configuration
                [nginx_binary() or "nginx", "-p", str(nginx_dir), "-c", "nginx.conf"],
                stdout=subprocess.DEVNULL,
                stderr=(nginx_dir / "nginx-start.log").open("wb"),
            )
            processes.append(nginx)
            for url, process in apps:
                wait_for(url + "/healthz/", process)
            wait_for(front + "/healthz/", nginx)
            yield {"front": front, "apps": apps, "env": env, "s3": s3}
        finally:
            for process in reversed(processes):
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLUSTER_PORT", 8080)))
    parser.add_argument("--dir", default=str(ROOT / ".cluster"))
    parser.add_argument("--demo", action="store_true", help="Load the demo content first.")
    args = parser.parse_args()
    setup = [("load_demo", "--force")] if args.demo else []
    with running_cluster(
        args.dir,
        database_url=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        redis_url=os.environ.get("REDIS_URL", DEFAULT_REDIS_URL),
        port=args.port,
        setup=setup,
    ) as cluster:
        print(f"The cluster answers at {cluster['front']}/ (app servers:", end=" ")
        print(", ".join(url for url, _ in cluster["apps"]) + "); Ctrl-C stops it.")
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
