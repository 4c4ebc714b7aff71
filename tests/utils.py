"""Small helpers shared by tests."""

import contextlib
import subprocess
import time
import urllib.request

from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(func, *args, **kwargs):
    """Run ``func`` twice and return how many SQL queries the second run made.

    The first run fills what a server keeps between requests (caches, the day's access-log
    row, the session's refresh), so the figure is the steady cost of a page.
    """
    func(*args, **kwargs)
    with CaptureQueriesContext(connection) as ctx:
        func(*args, **kwargs)
    return len(ctx.captured_queries)


def free_port():
    """A TCP port on the loopback interface that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(command, *, cwd, env, attempts=150):
    """Start ``command`` (``{port}`` is filled in), wait until ``/healthz/`` answers,
    yield the base URL and stop the server afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [part.format(port=port) for part in command],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(attempts):
            try:
                urllib.request.urlopen(base + "/healthz/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
