"""Site search pages: results with facets, and the header box's suggestions."""

import logging
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from search import service, text
from search.backends.base import Results, SearchUnavailable, empty_facets
from search.documents import FACETS

logger = logging.getLogger(__name__)


def _facet_titles():
    return {
        "kind": _("Type"),
        "audience": _("Audience"),
        "category": _("Tool category"),
        "tags": _("Tags"),
    }


def search_view(request):
    """`/search/?q=`: what a logged-in reader may open, with facets and highlighted snippets.

    Any input gives a page: the query is trimmed to a bounded length and reduced to words
    before it reaches a backend, so nothing the reader types is ever query syntax. A query
    answered through another reading (keyboard layout, a typo) says so with a link; one with
    no good match says «ничего не нашлось» and points to the catalogue, library and FAQ.
    """
    raw = request.GET.get("q", "")
    filters = {f: request.GET.get(f, "") for f in FACETS}
    cleaned = text.clean_query(raw)
    message = ""
    try:
        results = service.search(raw, request.user, filters, request.GET.get("page", 1))
    except SearchUnavailable:
        logger.exception("search backend unavailable")
        results = Results(query=cleaned, facets=empty_facets())
        message = _("Search is unavailable right now. Please try again in a few minutes.")
    if not cleaned:
        message = _("Type what you are looking for: a tool, a track or a topic.")
    elif not text.query_terms(cleaned):
        message = _("Your query has no words to search for. Try letters or numbers.")
    elif len(raw) > text.MAX_QUERY_CHARS and not message:
        message = _("The query was too long; we searched for its beginning.")
    nothing_found = bool(text.query_terms(cleaned)) and not results.matched and not message
    titles = _facet_titles()
    facets = [
        {"name": name, "title": titles[name], "values": results.facets.get(name, [])}
        for name in FACETS
    ]
    base_params = request.GET.copy()
    base_params.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "search_query": cleaned,
            "message": message,
            "facets": facets,
            "filters": {k: v for k, v in filters.items() if v},
            "querystring": base_params.urlencode(),
            "nothing_found": nothing_found,
            "help_pages": service.help_pages() if nothing_found else [],
            "suggestion_url": f"?{urlencode({'q': results.shown_for})}"
            if results.shown_for
            else "",
        },
    )


def suggest_view(request):
    """`/search/suggest/?q=`: up to eight page titles for the header box (JSON)."""
    try:
        items = service.autocomplete(request.GET.get("q", ""))
    except SearchUnavailable:
        items = []
    return JsonResponse({"suggestions": items})
