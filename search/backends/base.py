"""What every backend returns: results with hits, facets and pagination."""

import contextlib
import math
from dataclasses import dataclass, field

from search.documents import FACETS, facet_label


class SearchUnavailable(Exception):
    """The search engine cannot be reached or is misconfigured; the page says so, not 500."""


@dataclass
class Hit:
    page_id: int
    title: str
    url: str
    kind: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    score: float = 0.0

    @property
    def type_label(self):
        return facet_label("kind", self.kind)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Results:
    query: str
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)  # facet -> list[FacetValue]
    page: int = 1
    per_page: int = 10
    message: str = ""
    searched: int = 0  # pages in the index
    concept_pages: list = field(default_factory=list)  # pages having each concept
    matched: int = 0  # pages matching the query, whatever facet is chosen
    strict: int = 0  # of them, pages with every required concept
    shown_for: str = ""  # the query the hits are for, when not the one typed
    partial: bool = False  # no page has every word: the closest ones are shown

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1

    @property
    def titles(self):
        return [h.title for h in self.hits]


class SearchBackend:
    """The contract: index, remove, rebuild; count, search and suggest by a query plan.

    Reading takes an `analysis.Plan`: ``search(plan, filters, page, per_page, required)``
    ranks by `search.ranking` the pages holding enough of the query's weight, and reports
    the pages having each concept (``Results.concept_pages``) and those having every
    ``required`` concept (indexes; None: all) in ``Results.strict``;
    ``near_words(words)`` offers indexed words a typo may stand for. Only live pages under
    no view restriction are ever counted or returned.
    """

    name = "base"

    def index_documents(self, documents):
        raise NotImplementedError

    def remove(self, page_ids):
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        raise NotImplementedError

    def reading(self):
        """A context around the searches of one request (a planner hint on PostgreSQL)."""
        return contextlib.nullcontext()

    def search(self, plan, filters=None, page=1, per_page=10, required=None):
        raise NotImplementedError

    def near_words(self, words):
        raise NotImplementedError

    def autocomplete(self, prefix, limit=8):
        raise NotImplementedError


def empty_facets():
    return {name: [] for name in FACETS}
