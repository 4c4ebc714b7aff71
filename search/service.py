"""The one search API the views, commands and signals use, whatever the backend."""

import logging

from search import text
from search.backends import get_backend
from search.backends.base import Query, Results, empty_facets
from search.conf import PER_PAGE
from search.documents import FACETS, iter_documents, page_to_document

logger = logging.getLogger(__name__)

MAX_PAGE = 100


def make_query(raw, filters=None, page=1, per_page=PER_PAGE):
    cleaned = text.clean_query(raw)
    filters = {
        f: str(v)[:200] for f, v in (filters or {}).items() if f in FACETS and v and str(v).strip()
    }
    try:
        page = min(max(int(page), 1), MAX_PAGE)
    except (TypeError, ValueError):
        page = 1
    return Query(cleaned, text.query_terms(cleaned), filters, page, per_page)


def search(raw, user=None, filters=None, page=1, per_page=PER_PAGE, backend=None):
    """Search the pages the reader may see.

    The index only ever holds live pages without view restrictions, and every content page
    is readable by any logged-in user, so `user` does not narrow the results today; it is
    here so a future per-reader rule has one place to go.
    """
    query = make_query(raw, filters, page, per_page)
    if not query.terms:
        results = Results(query=query.text, page=1, per_page=per_page)
        results.facets = empty_facets()
        return results
    backend = backend or get_backend()
    results = backend.search(query)
    if results.total and not results.hits and query.page > results.num_pages:
        # A page number past the end (an old link, a hand-edited URL) shows the last page.
        query.page = results.num_pages
        results = backend.search(query)
    return results


def autocomplete(prefix, limit=8, backend=None):
    """Titles starting with what was typed, then the best search hits for it."""
    prefix = text.clean_query(prefix)[:100]
    if not text.query_terms(prefix):
        return []
    backend = backend or get_backend()
    out = list(backend.autocomplete(prefix, limit))
    if len(out) < limit:
        seen = {item["url"] for item in out}
        for hit in backend.search(make_query(prefix, per_page=limit)).hits:
            if hit.url not in seen and len(out) < limit:
                seen.add(hit.url)
                out.append({"title": hit.title, "url": hit.url, "type": hit.type_label})
    return out


def index_page(page, backend=None):
    """Put the page in the index, or take it out when readers may no longer find it."""
    backend = backend or get_backend()
    doc = page_to_document(page)
    if doc is None:
        backend.remove([page.pk])
        return False
    backend.index_documents([doc])
    return True


def remove_page(page_id, backend=None):
    (backend or get_backend()).remove([page_id])


def rebuild(backend=None, progress=None):
    return (backend or get_backend()).rebuild(iter_documents(), progress=progress)
