"""The «my progress in the tracks» section of `/my/` (registered in the app config)."""

from typing import NamedTuple

from django.templatetags.static import static
from django.urls import reverse

from cms import generations
from mentoring import access
from mentoring.dashboard import DashboardSection
from mentoring.roles import Role


class TrackRow(NamedTuple):
    """A track as the section lists it: the same for every reader, kept in the cache."""

    pk: int
    path: str
    depth: int
    title: str
    url: str
    total: int


# Tracks listed on /my/: every one the reader has started, then others up to this many.
SHOWN_TRACKS = 10


def _tracks(audiences, request):
    """Every live track for ``audiences`` with its number of modules, in path order."""
    from curricula.models import TrackPage
    from curricula.progress import module_totals

    found = list(
        TrackPage.objects.live()
        .filter(audience__in=audiences)
        .order_by("path")
        .defer_streamfields()
    )
    totals = module_totals(found)
    return [
        TrackRow(t.pk, t.path, t.depth, t.title, t.get_url(request), totals.get(t.pk, 0))
        for t in found
    ]


def tracks_section(request):
    """Progress per track of the reader's audience: the tracks from the shared cache, the
    reader's own progress in one query, whatever the size."""
    from curricula.models import Audience
    from curricula.progress import done_by_track

    user = request.user
    roles = access.roles_of(user)
    audiences = [Audience.EVERYONE]
    audiences += [a for a in (Audience.MENTOR, Audience.MENTEE, Audience.CURATOR) if a in roles]
    site = getattr(request, "_wagtail_site", None)
    tracks = generations.cached(
        "dashboard-tracks",
        lambda: _tracks(audiences, request),
        *audiences,
        site.pk if site else None,
    )
    if not tracks:
        return None
    done = done_by_track(user, tracks)
    started = [t for t in tracks if done.get(t.pk)]
    others = [t for t in tracks if not done.get(t.pk)]
    shown = {t.pk for t in started + others[: max(SHOWN_TRACKS - len(started), 0)]}
    rows = [(t, done.get(t.pk, 0), t.total) for t in tracks if t.pk in shown]
    plans_url = None
    if roles & {Role.MENTOR, Role.MENTEE}:
        plans_url = reverse("plan_list")
    return DashboardSection(
        template="curricula/includes/dashboard_section.html",
        context={
            "rows": rows,
            "more": len(tracks) - len(rows),
            "plans_url": plans_url,
            "css": static("curricula/css/curricula.css"),
        },
        order=20,
    )
