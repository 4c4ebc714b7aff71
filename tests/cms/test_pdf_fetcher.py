"""The PDF fetcher reads the site's own static and media files, bounded, and nothing else."""

import base64
import io

import pypdf
import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms import pdf

BASE = "http://testserver/"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def body(response):
    return response._file_obj.read()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"
    name = default_storage.save("evidence/graph.png", ContentFile(PNG))
    return "/media/" + name


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/static/cms/img/favicon.svg",  # another host
        "http://testserver:8080/static/cms/img/favicon.svg",  # another port is another site
        "ftp://testserver/static/cms/img/favicon.svg",
        "file:///etc/passwd",
        "//example.org/x.png",
        "http://testserver/static/../cms/pdf.py",  # climbs out of the static folder
        "http://testserver/static/%2e%2e/cms/pdf.py",  # the same, encoded
        "http://testserver/media/../cms/pdf.py",
        "http://testserver/cms/pdf.py",  # a file, but neither static nor media
        "http://testserver/admin/",
        "http://testserver/static/cms/no-such-file.css",
        "http://testserver/media/no-such-file.png",
    ],
)
def test_anything_but_an_own_existing_file_is_refused(media, url):
    with pytest.raises(ValueError):
        pdf.SiteOnlyFetcher(BASE).fetch(url)


def test_own_static_and_media_files_are_read_with_their_type(media):
    fetcher = pdf.SiteOnlyFetcher(BASE)
    svg = fetcher.fetch("http://testserver/static/cms/img/favicon.svg")
    assert svg.headers["Content-Type"] == "image/svg+xml"
    svg_bytes = body(svg)
    assert b"<svg" in svg_bytes
    png = fetcher("http://testserver" + media)  # WeasyPrint calls the fetcher itself
    assert png.headers["Content-Type"] == "image/png"
    assert body(png) == PNG
    assert png.url == "http://testserver" + media
    assert fetcher.total == len(PNG) + len(svg_bytes)


def test_https_on_the_same_host_is_the_same_site(media):
    fetcher = pdf.SiteOnlyFetcher("https://testserver/")
    assert body(fetcher.fetch("https://testserver" + media)) == PNG
    assert body(pdf.SiteOnlyFetcher(BASE).fetch("https://testserver" + media)) == PNG


def test_unknown_type_is_sent_as_octet_stream(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    default_storage.save("notes.unknownext", ContentFile(b"abc"))
    response = pdf.SiteOnlyFetcher(BASE).fetch("http://testserver/media/notes.unknownext")
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert body(response) == b"abc"


DATA_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()


def test_data_urls_are_decoded_in_place():
    response = pdf.SiteOnlyFetcher(BASE).fetch(DATA_URL)
    assert response.read() == PNG
    assert response.headers["Content-Type"] == "image/png"


def _images(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [image for page in reader.pages for image in page.images]


def test_a_refused_resource_is_left_out_and_the_pdf_is_still_made():
    """An image from another site (pasted into a page by an editor) is not fetched, and the
    reader still gets the document — with the images the site itself serves."""
    html = f'<p>Отчёт</p><img src="http://example.org/x.png"><img src="{DATA_URL}">'
    data = pdf.html_to_pdf(html, BASE)
    assert data.startswith(b"%PDF")
    assert len(_images(data)) == 1


def test_a_file_over_the_limit_is_refused(media, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_RESOURCE_BYTES", len(PNG))
    assert body(pdf.SiteOnlyFetcher(BASE).fetch("http://testserver" + media)) == PNG
    monkeypatch.setattr(pdf, "MAX_RESOURCE_BYTES", len(PNG) - 1)
    with pytest.raises(ValueError, match="too large"):
        pdf.SiteOnlyFetcher(BASE).fetch("http://testserver" + media)


def test_the_whole_document_is_bounded(media, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_TOTAL_BYTES", 2 * len(PNG))
    fetcher = pdf.SiteOnlyFetcher(BASE)
    fetcher.fetch("http://testserver" + media)
    fetcher.fetch("http://testserver" + media)
    with pytest.raises(ValueError, match="too large"):
        fetcher.fetch("http://testserver" + media)


def test_fetching_stops_after_the_deadline(media, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(pdf.time, "monotonic", lambda: now[0])
    fetcher = pdf.SiteOnlyFetcher(BASE)
    now[0] += pdf.MAX_FETCH_SECONDS
    assert body(fetcher.fetch("http://testserver" + media)) == PNG  # at the deadline: still on
    now[0] += 0.001
    with pytest.raises(ValueError, match="deadline"):
        fetcher.fetch("http://testserver" + media)


def test_a_collected_static_file_is_read_from_static_root(settings, tmp_path, monkeypatch):
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "collected.css").write_bytes(b"body{}")
    monkeypatch.setattr(pdf.finders, "find", lambda relative: None)
    response = pdf.SiteOnlyFetcher(BASE).fetch("http://testserver/static/collected.css")
    assert body(response) == b"body{}"
    assert response.headers["Content-Type"] == "text/css"
    with pytest.raises(ValueError):
        pdf.SiteOnlyFetcher(BASE).fetch("http://testserver/static/missing.css")


def test_a_static_file_at_the_limit_is_read_whole(monkeypatch):
    url = "http://testserver/static/cms/img/favicon.svg"
    whole = body(pdf.SiteOnlyFetcher(BASE).fetch(url))
    monkeypatch.setattr(pdf, "MAX_RESOURCE_BYTES", len(whole))
    assert body(pdf.SiteOnlyFetcher(BASE).fetch(url)) == whole
    monkeypatch.setattr(pdf, "MAX_RESOURCE_BYTES", len(whole) - 1)
    with pytest.raises(ValueError, match="too large"):
        pdf.SiteOnlyFetcher(BASE).fetch(url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://example.org/x.png", "refused to fetch a resource outside the site"),
        ("http://testserver/static/../cms/pdf.py", "refused a path that climbs out"),
        ("http://testserver/static/cms/none.css", "no such static file"),
        ("http://testserver/media/none.png", "no such media file"),
        ("http://testserver/cms/pdf.py", "only static and media files are fetched"),
    ],
)
def test_each_refusal_says_why_in_the_log(media, url, reason):
    with pytest.raises(ValueError, match=reason):
        pdf.SiteOnlyFetcher(BASE).fetch(url)


def test_the_deadline_refusal_says_why(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_FETCH_SECONDS", -1)
    with pytest.raises(ValueError, match=r"^PDF resource deadline passed$"):
        pdf.SiteOnlyFetcher(BASE).fetch("http://testserver/static/cms/img/favicon.svg")
