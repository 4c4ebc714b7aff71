"""Print-ready PDFs with WeasyPrint, safely: only the site's own files are ever fetched.

Every content page and session plan has a PDF at ``<page url>pdf/``; they all go through
:func:`render_pdf`, which renders a template extending ``pdf/base.html`` (A4, embedded
DejaVu fonts with Cyrillic, running header, page numbers) and answers with a clear Russian
error page instead of a server error when rendering fails.
"""

import logging
import mimetypes
import re
import time
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_RESOURCE_BYTES = 15 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_FETCH_SECONDS = 20
# Limits that keep every PDF well inside a worker's timeout (30 s under gunicorn): WeasyPrint
# lays out about 10 000 characters a second on a busy server, so the text is capped before
# layout, the pages after it, and the time taken is checked. A limit reached is a message.
MAX_HTML_CHARS = 600_000
MAX_TEXT_CHARS = 80_000
MAX_PAGES = 60
MAX_RENDER_SECONDS = 20
_TAG = re.compile(r"<[^>]*>")

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


class PdfError(Exception):
    """Rendering a PDF failed in a way the reader should be told about."""


class PdfTooLarge(PdfError):
    """The document is over a limit of :mod:`cms.pdf`; ``str()`` is the reader's message."""


def transliterate(text):
    """Russian text to a readable ASCII slug: «Основы фасилитации» → ``osnovy-fasilitatsii``."""
    latin = "".join(_TRANSLIT.get(ch, _TRANSLIT.get(ch.lower(), ch)) for ch in text.lower())
    return slugify(latin)[:80] or "document"


def content_disposition(title, *, attachment=False):
    """A header value with an ASCII fallback name and the exact UTF-8 name (RFC 6266)."""
    kind = "attachment" if attachment else "inline"
    return (
        f'{kind}; filename="{transliterate(title)}.pdf"; '
        f"filename*=UTF-8''{quote(title.strip() + '.pdf', safe='')}"
    )


class SiteOnlyFetcher:
    """A WeasyPrint URL fetcher that reads static and media files from disk and nothing else.

    No network request ever leaves the process; each file and the whole document are capped
    in size, and fetching stops after a deadline. A refused resource is left out of the PDF
    (WeasyPrint logs a warning); the document itself is still made.
    """

    _fail_on_errors = False  # read by WeasyPrint: a refused resource is not fatal

    def __init__(self, base_url):
        self.base = urlsplit(base_url)
        self.total = 0
        self.deadline = time.monotonic() + MAX_FETCH_SECONDS

    def __call__(self, url, *args, **kwargs):
        return self.fetch(url)

    def fetch(self, url, headers=None):
        from weasyprint.urls import URLFetcherResponse

        if time.monotonic() > self.deadline:
            raise ValueError("PDF resource deadline passed")
        parts = urlsplit(url)
        if parts.scheme == "data":
            from weasyprint.urls import URLFetcher

            return URLFetcher(allowed_protocols=("data",)).fetch(url)
        if parts.scheme not in ("http", "https") or parts.netloc != self.base.netloc:
            raise ValueError(f"refused to fetch a resource outside the site: {url}")
        path = unquote(parts.path)
        if ".." in path.split("/"):
            raise ValueError(f"refused a path that climbs out of its folder: {url}")
        data = self._read(path)
        self.total += len(data)
        if len(data) > MAX_RESOURCE_BYTES or self.total > MAX_TOTAL_BYTES:
            raise ValueError(f"resource too large for a PDF: {url}")
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=data, headers={"Content-Type": mime})

    def _read(self, path):
        """The bytes of a static or media file; ``fetch`` has already refused ``..``."""
        if path.startswith(settings.STATIC_URL):
            relative = path[len(settings.STATIC_URL) :]
            found = finders.find(relative)
            if not found and settings.STATIC_ROOT:
                candidate = settings.STATIC_ROOT / relative
                found = str(candidate) if candidate.is_file() else None
            if not found:
                raise ValueError(f"no such static file: {path}")
            with open(found, "rb") as handle:
                return handle.read(MAX_RESOURCE_BYTES + 1)
        if path.startswith(settings.MEDIA_URL):
            relative = path[len(settings.MEDIA_URL) :]
            if not default_storage.exists(relative):
                raise ValueError(f"no such media file: {path}")
            with default_storage.open(relative, "rb") as handle:
                return handle.read(MAX_RESOURCE_BYTES + 1)
        raise ValueError(f"only static and media files are fetched: {path}")


def html_to_pdf(html, base_url):
    """Bytes of the PDF for ``html``; raises :class:`PdfError` on any failure."""
    from weasyprint import HTML

    text_chars = len(_TAG.sub("", html))
    if len(html) > MAX_HTML_CHARS or text_chars > MAX_TEXT_CHARS:
        raise PdfTooLarge(
            _(
                "The document is too long to print (characters: %(chars)s, the limit: "
                "%(limit)s). Shorten the notes or print the page from the browser."
            )
            % {"chars": text_chars, "limit": MAX_TEXT_CHARS}
        )
    started = time.monotonic()
    try:
        document = HTML(
            string=html, base_url=base_url, url_fetcher=SiteOnlyFetcher(base_url)
        ).render()
    except Exception as exc:  # WeasyPrint raises many kinds; the reader needs one message
        logger.exception("PDF rendering failed")
        raise PdfError(str(exc)) from exc
    if len(document.pages) > MAX_PAGES:
        raise PdfTooLarge(
            _("The document is too long to print (pages: %(pages)s, the limit: %(limit)s).")
            % {"pages": len(document.pages), "limit": MAX_PAGES}
        )
    if time.monotonic() - started > MAX_RENDER_SECONDS:
        logger.warning("PDF layout took over %s s", MAX_RENDER_SECONDS)
        raise PdfTooLarge(_("The document took too long to prepare; shorten it and try again."))
    try:
        return document.write_pdf()
    except Exception as exc:
        logger.exception("PDF writing failed")
        raise PdfError(str(exc)) from exc


def render_pdf(request, template_name, context, title, *, attachment=False):
    """Render ``template_name`` to a PDF response named after ``title``.

    On failure the reader gets a page in their language explaining what happened (503),
    never a server error.
    """
    base_url = request.build_absolute_uri("/")
    html = render_to_string(template_name, {**context, "pdf_title": title}, request=request)
    try:
        pdf = html_to_pdf(html, base_url)
    except PdfTooLarge as exc:
        context = {"title": title, "reason": str(exc)}
        return render(request, "pdf/error.html", context, status=503)
    except PdfError:
        return render(request, "pdf/error.html", {"title": title}, status=503)
    return pdf_response(pdf, title, attachment=attachment)


def pdf_response(pdf, title, *, attachment=False):
    """The response carrying the bytes ``pdf`` of a document named after ``title``."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(title, attachment=attachment)
    response["Content-Length"] = str(len(pdf))
    return response
