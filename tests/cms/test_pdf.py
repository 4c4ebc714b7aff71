"""The shared PDF service: safe fetching, Russian names, a clear page on failure."""

import io

import pypdf
import pytest

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from cms import pdf


def test_transliterated_filename_and_utf8_name():
    header = pdf.content_disposition("Основы фасилитации")
    assert 'filename="osnovy-fasilitatsii.pdf"' in header
    assert "filename*=UTF-8''%D0%9E" in header


def test_renders_cyrillic_text_with_embedded_font(db):
    request = RequestFactory().get("/x/pdf/")
    response = pdf.render_pdf(request, "pdf/base.html", {}, "Проверка печати")
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == "Проверка печати"
    page = reader.pages[0]
    fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    assert fonts
    assert all("DejaVu-Sans" in name for name in fonts)
    assert "Проверка печати" in reader.pages[0].extract_text()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/evil.png",
        "file:///etc/passwd",
        "http://testserver/admin/",
        "http://testserver/static/../../etc/passwd",
    ],
)
def test_fetcher_refuses_anything_but_own_files(url):
    fetcher = pdf.SiteOnlyFetcher("http://testserver/")
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_fetcher_reads_own_static_files():
    fetcher = pdf.SiteOnlyFetcher("http://testserver/")
    response = fetcher.fetch("http://testserver/static/cms/img/favicon.svg")
    assert b"<svg" in response._file_obj.read()


def test_failure_gives_a_russian_page_not_a_500(db, monkeypatch, rf):
    monkeypatch.setattr(pdf, "MAX_HTML_CHARS", 10)
    request = rf.get("/track/pdf/")
    request.user = AnonymousUser()
    response = pdf.render_pdf(request, "pdf/base.html", {}, "Трек")
    assert response.status_code == 503
    assert "Не удалось подготовить PDF" in response.content.decode()
