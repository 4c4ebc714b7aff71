"""Printed pages kept in the cache: a published track's handbook is the same for everyone.

A track's PDF (cover, contents, every module) costs WeasyPrint a second or more to lay out,
and every reader gets the same document: the PDF templates print the content only — no
progress, names or plans of the reader. So it is made once per published version and kept
in the cache (Redis, shared by the app servers), keyed by

* the page, the language and the host the links in it point to;
* the live revisions of the page and of the pages it prints (a track's modules), so a new
  publication is never hidden behind an old copy, even if a signal was missed;
* the content generation of :mod:`cms.generations`, which moves on any write to pages,
  images, documents, tags and categories — a module prints a tool's title, an image, a
  document's name, which change without the module being published again.

Privacy is untouched: the PDF route runs inside Wagtail's serve chain, after the page's view
restrictions (login, password, groups) accepted the reader, so a reader who may not see the
page never reaches the cache. Previews and pages that are not live are never cached.
"""

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

from cms.generations import content_generation

CACHE_SECONDS = 24 * 3600
# A larger document is made again each time rather than pushed through the cache.
MAX_CACHED_BYTES = 20 * 1024 * 1024


def key_for(page, request):
    """The cache key of ``page``'s PDF for ``request``, or ``None`` if it must not be cached."""
    if not getattr(page, "pdf_cacheable", False) or not page.live:
        return None
    if getattr(request, "is_preview", False):
        return None
    versions = ",".join(f"{pk}:{revision}" for pk, revision in page.pdf_versions())
    digest = hashlib.sha256(
        f"{page.pk}|{get_language()}|{request.get_host()}|{versions}".encode()
    ).hexdigest()[:32]
    return f"curricula:pdf:{page.pk}:{content_generation()}:{digest}"


def get(key):
    return cache.get(key) if key else None


def put(key, pdf):
    if key and len(pdf) <= MAX_CACHED_BYTES:
        cache.set(key, pdf, CACHE_SECONDS)
