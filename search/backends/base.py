"""What every backend returns: results with hits, facets and pagination."""

import math
from dataclasses import dataclass, field

from search.documents import FACETS, facet_label


class SearchUnavailable(Exception):
    """The search engine cannot be reached or is misconfigured; the page says so, not 500."""


@dataclass
class Query:
    """A cleaned query: the text, its terms (tuples of variants) and the chosen filters."""

    text: str
    terms: list
    filters: dict = field(default_factory=dict)  # facet -> value
    page: int = 1
    per_page: int = 10


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
    shown_for: str = ""  # the query the hits are for, when not the one typed

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
    """The contract: index, remove, rebuild, search, autocomplete."""

    name = "base"

    def index_documents(self, documents):
        raise NotImplementedError

    def remove(self, page_ids):
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        raise NotImplementedError

    def search(self, query):
        raise NotImplementedError

    def autocomplete(self, prefix, limit=8):
        raise NotImplementedError


def empty_facets():
    return {name: [] for name in FACETS}
