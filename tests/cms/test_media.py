"""Uploaded images answer on one box without object storage, with DEBUG off (production):
signed-in readers get them, documents and private files are never served as plain media."""

import re

import pytest

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.skills.factories import tool


@pytest.fixture
def logo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert not settings.DEBUG
    return Image.objects.create(title="Логотип", file=get_test_image_file(filename="logo.png"))


def test_tool_logo_is_served_under_production_settings(client, logo, pair):
    page = tool("Power BI", logo=logo)
    client.force_login(pair.mentee.user)
    html = client.get(page.url).content.decode()
    src = re.search(r'<img[^>]+src="(/media/images/[^"]+)"', html).group(1)
    response = client.get(src)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    original = client.get("/media/" + logo.file.name)
    assert original.status_code == 200


def test_media_need_a_login_like_every_page(client, logo):
    response = client.get("/media/" + logo.file.name)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_only_images_are_plain_media(client, logo, pair, settings):
    client.force_login(pair.mentee.user)
    documents = settings.MEDIA_ROOT / "documents"
    documents.mkdir(parents=True)
    (documents / "plan.pdf").write_bytes(b"%PDF-1.4")
    private = settings.MEDIA_ROOT.parent / "media-private"
    private.mkdir()
    (private / "secret.txt").write_text("x")
    for path in (
        "/media/documents/plan.pdf",
        "/media/images/../documents/plan.pdf",
        "/media/images/../../media-private/secret.txt",
        "/media/images/missing.png",
    ):
        assert client.get(path).status_code == 404, path


def test_nginx_sends_the_bytes_when_told(client, logo, pair, settings):
    settings.MEDIA_X_ACCEL_REDIRECT = "/protected-media/"
    client.force_login(pair.mentee.user)
    response = client.get("/media/" + logo.file.name)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + logo.file.name
    assert response.content == b""
