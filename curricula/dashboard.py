"""The «my progress in the tracks» section of `/my/` (registered in the app config)."""

from typing import NamedTuple

from django.templatetags.static import static
from django.urls import reverse

from mentoring import access
from mentoring.dashboard import DashboardSection
from mentoring.roles import Role


class Light(NamedTuple):
    """A track as its progress needs it: no page object for the rows not shown."""

    pk: int
    path: str
    depth: int


# Tracks listed on /my/: every one the reader has started, then others up to this many.
SHOWN_TRACKS = 10


def tracks_section(request):
    """Progress per track of the reader's audience, in four queries whatever the size."""
    from curricula.models import Audience, TrackPage
    from curricula.progress import progress_by_track

    user = request.user
    roles = access.roles_of(user)
    audiences = [Audience.EVERYONE]
    audiences += [a for a in (Audience.MENTOR, Audience.MENTEE, Audience.CURATOR) if a in roles]
    # ids and paths of every track; full pages only for the rows shown
    found = TrackPage.objects.live().filter(audience__in=audiences).order_by("path")
    tracks = [Light(*values) for values in found.values_list("pk", "path", "depth")]
    if not tracks:
        return None
    progress = progress_by_track(user, tracks)
    started = {t.pk for t in tracks if progress[t.pk][0]}
    room = max(SHOWN_TRACKS - len(started), 0)
    shown = started.union([t.pk for t in tracks if t.pk not in started][:room])
    pages = found.filter(pk__in=shown).defer_streamfields()
    rows = [(t, *progress[t.pk]) for t in pages]
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
