"""Sections that upper apps add to the personal dashboard `/my/`.

`/my/` lives in ``mentoring`` but shows progress on tracks (``curricula``) and skills
(``skills``), which ``mentoring`` may not import. Those apps add a section with the Wagtail
hook ``DASHBOARD_SECTION_HOOK`` in their ``wagtail_hooks.py``:
``fn(request) -> DashboardSection | None`` (``None`` hides the section for this reader).
Sections must keep a constant number of queries and show only the reader's own data or what
:mod:`mentoring.access` allows.

Rows of `/my/mentees/` link to upper apps' pages about a mentee through the hook
``MENTEE_LINK_HOOK``: ``fn() -> MenteeLink``; rows of the curator's desk link to pages about
the pair's mentor through ``MENTOR_LINK_HOOK`` (same shape, the mentor's participant id).
"""

from dataclasses import dataclass, field

from wagtail import hooks

DASHBOARD_SECTION_HOOK = "nastavnik_dashboard_section"
MENTEE_LINK_HOOK = "nastavnik_mentee_link"
MENTOR_LINK_HOOK = "nastavnik_mentor_link"


@dataclass
class DashboardSection:
    """A block of the dashboard: a template and its context, placed by ``order``."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def sections_for(request):
    """The sections to show ``request.user``, in order."""
    found = (fn(request) for fn in hooks.get_hooks(DASHBOARD_SECTION_HOOK))
    sections = [s for s in found if s is not None]
    return sorted(sections, key=lambda s: s.order)


@dataclass(frozen=True)
class MenteeLink:
    """A link from a row of `/my/mentees/` to an upper app's page about that mentee.

    ``url_name`` takes the mentee's participant id as its only argument.
    """

    label: str
    url_name: str


def mentee_links():
    """The per-mentee links upper apps add to `/my/mentees/` (e.g. the mentee's skills)."""
    return [fn() for fn in hooks.get_hooks(MENTEE_LINK_HOOK)]


def mentor_links():
    """The per-mentor links upper apps add to the curator's desk (e.g. the mentor's growth)."""
    return [fn() for fn in hooks.get_hooks(MENTOR_LINK_HOOK)]
