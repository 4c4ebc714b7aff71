"""The one search API the views, commands and signals use, whatever the backend.

A query is answered in steps, the same on every backend:

1. the words as typed, expanded with HR's synonyms: pages with every concept;
2. when a word is in no page: the query retyped in the other keyboard layout
   («ghjcnjb» → «простои»), then with typos corrected («тоблица» → «таблица») — each used
   only when the new query finds pages with all its words, and always shown to the reader
   («Возможно, вы имели в виду …») rather than put in place of what was typed;
3. the pages that hold most of the query's weight (rare words weigh more), when no page
   has them all;
4. otherwise nothing: the page says so and points to the catalogue, library and FAQ,
   instead of a list of weak matches.
"""

import logging

from search import analysis, conf, synonyms, text
from search.backends import get_backend
from search.backends.base import Results, empty_facets
from search.conf import PER_PAGE
from search.documents import FACETS, iter_documents, page_to_document

logger = logging.getLogger(__name__)

MAX_PAGE = 100
MIN_CORRECTABLE_CHARS = 5


def clean_filters(filters):
    return {
        f: str(v)[:200] for f, v in (filters or {}).items() if f in FACETS and v and str(v).strip()
    }


def clean_page(page):
    try:
        return min(max(int(page), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def search(raw, user=None, filters=None, page=1, per_page=PER_PAGE, backend=None, typing=False):
    """Search the pages the reader may see.

    Only live pages under no view restriction (on the page or above it) are ever found, for
    every reader: an excerpt of a restricted page would show its text. ``user`` does not
    narrow the results further today; it is here so a per-reader rule has one place to go.
    """
    cleaned = text.clean_query(raw)
    empty = Results(query=cleaned, page=1, per_page=per_page, facets=empty_facets())
    if not text.query_terms(cleaned):
        return empty
    table = synonyms.table()
    plan = analysis.build_plan(cleaned, table, typing=typing)
    backend = backend or get_backend()
    with backend.reading():
        results = _answer(backend, plan, table, clean_filters(filters), clean_page(page), per_page)
    if results is None:
        return empty
    results.query = cleaned
    return results


def _run(backend, plan, filters, page, per_page):
    required = required_concepts(plan)
    results = backend.search(plan, filters, page, per_page, required)
    if results.total and not results.hits and page > results.num_pages:
        # A page number past the end (an old link, a hand-edited URL) shows the last page.
        results = backend.search(plan, filters, results.num_pages, per_page, required)
    return results


def required_concepts(plan):
    """The concepts a page must have to answer the query for sure: the topics (nouns,
    adjectives, names), not the verbs and adverbs around them — unless there is nothing else."""
    topics = [i for i, c in enumerate(plan.concepts) if c.weight >= 1.0]
    return topics or list(range(len(plan.concepts)))


def _answer(backend, plan, table, filters, page, per_page):
    results = _run(backend, plan, filters, page, per_page)
    if results.strict:
        return results
    pages = results.concept_pages or [0] * len(plan.concepts)
    unknown = [c for c, count in zip(plan.concepts, pages, strict=True) if not count]
    for rewrite in _rewrites(backend, plan, unknown):
        new_plan = analysis.build_plan(rewrite, table)
        if not new_plan.concepts:
            continue
        new_results = _run(backend, new_plan, filters, page, per_page)
        if new_results.strict:
            new_results.shown_for = rewrite
            return new_results
    if results.matched:
        results.partial = True
        return results
    return None


def _rewrites(backend, plan, unknown):
    """Other readings of a query with words no page has: keyboard layout, then typos."""
    if not unknown:
        return
    unknown_words = {w for concept in unknown for w in concept.words}
    layout = analysis.layout_rewrite(plan.text, unknown_words)
    if layout:
        yield layout
    typo = _typo_rewrite(backend, plan, unknown)
    if typo and typo != layout:
        yield typo


def _typo_rewrite(backend, plan, unknown):
    words = [
        c.label
        for c in unknown
        if len(c.words) == 1 and len(c.label) >= MIN_CORRECTABLE_CHARS and not c.label.isdigit()
    ]
    if not words or len(words) != len(unknown):
        return None
    near = backend.near_words(words)
    replacements = {}
    for word in words:
        best = best_correction(word, near.get(word, ()))
        if not best:
            return None
        replacements[word] = best
    return analysis.replace_words(plan.text, replacements)


def best_correction(word, candidates):
    """The indexed word ``word`` most likely stands for, or None when none is close enough.

    Close enough: the same first letter (in either script) and one edit for a word of up to
    seven letters, two for a longer one — an edit being a letter added, dropped, changed or
    swapped with its neighbour; a word in the other script is compared by Latin keys
    («датаденс» → «datalens») and taken only when no word in the same script is close.
    """
    limit = 1 if len(word) <= 7 else 2
    key = text.latin_key(word)
    best, best_rank = None, None
    for candidate in candidates:
        if candidate == word or not candidate:
            continue
        candidate_key = text.latin_key(candidate)
        if candidate[0] != word[0] and candidate_key[:1] != key[:1]:
            continue
        same_script = text.has_cyrillic(word) == text.has_cyrillic(candidate)
        if same_script:
            distance = text.edit_distance(word, candidate, limit)
        else:  # «датаденс» and «datalens» compare by their Latin keys
            distance = text.edit_distance(key, candidate_key, limit)
        if distance > limit:
            continue
        rank = (not same_script, distance, abs(len(candidate) - len(word)), candidate)
        if best_rank is None or rank < best_rank:
            best, best_rank = candidate, rank
    return best


def help_pages():
    """The catalogue, the library and the FAQ (`SEARCH_HELP_PAGES`): where to look instead
    when a search finds nothing. Only live pages under no view restriction; missing ones are
    skipped."""
    from django.apps import apps

    from search import visibility

    found = []
    for spec in conf.help_page_specs():
        label, _sep, slug = spec.partition(":")
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        pages = model.objects.live().order_by("path")
        if slug:
            pages = pages.filter(slug=slug)
        page = pages.filter(visibility.outside_restrictions("path")).first()
        if page is not None:
            found.append({"title": page.title, "url": page.get_url()})
    return found


def autocomplete(prefix, limit=8, backend=None):
    """Titles starting with what was typed, then the best search hits for it."""
    prefix = text.clean_query(prefix)[:100]
    if not text.query_terms(prefix):
        return []
    backend = backend or get_backend()
    out = list(backend.autocomplete(prefix, limit))
    if len(out) < limit:
        seen = {item["url"] for item in out}
        for hit in search(prefix, per_page=limit, backend=backend, typing=True).hits:
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


def index_subtree(page, backend=None):
    """Re-index a live page and everything live below it (a move, a view restriction set
    or lifted): each goes in or out as `documents.is_searchable` says."""
    from wagtail.models import Page

    backend = backend or get_backend()
    pages = Page.objects.descendant_of(page, inclusive=True).live().specific()
    for descendant in pages.iterator(chunk_size=200):
        index_page(descendant, backend)


def remove_page(page_id, backend=None):
    (backend or get_backend()).remove([page_id])


def rebuild(backend=None, progress=None):
    return (backend or get_backend()).rebuild(iter_documents(), progress=progress)
