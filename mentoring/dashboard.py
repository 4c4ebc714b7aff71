"""Sections that upper apps add to the personal dashboard `/my/`.

`/my/` lives in ``mentoring`` but shows progress on tracks (``curricula``) and skills
(``skills``), which ``mentoring`` may not import. Those apps register a section provider
from their ``AppConfig.ready()``: ``provider(request) -> DashboardSection | None``
(``None`` hides the section for this reader). Providers must keep a constant number of
queries and show only the reader's own data or what :mod:`mentoring.access` allows.
"""

from dataclasses import dataclass, field


@dataclass
class DashboardSection:
    """A block of the dashboard: a template and its context, placed by ``order``."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


_providers = []


def register_section(provider):
    """Add a section provider (usable as a decorator); registering twice is harmless."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def sections_for(request):
    """The sections to show ``request.user``, in order."""
    sections = [s for s in (p(request) for p in _providers) if s is not None]
    return sorted(sections, key=lambda s: s.order)


@dataclass(frozen=True)
class MenteeLink:
    """A link from a row of `/my/mentees/` to an upper app's page about that mentee.

    ``url_name`` takes the mentee's participant id as its only argument.
    """

    label: str
    url_name: str


_mentee_links = []


def register_mentee_link(link):
    """Add a per-mentee link to `/my/mentees/` (e.g. the mentee's skills page)."""
    if link not in _mentee_links:
        _mentee_links.append(link)
    return link


def mentee_links():
    return list(_mentee_links)
