"""The «my progress in the tracks» section of `/my/` (registered in the app config)."""

from django.templatetags.static import static
from django.urls import reverse

from mentoring import access
from mentoring.dashboard import DashboardSection
from mentoring.roles import Role

# Tracks listed on /my/: every one the reader has started, then others up to this many.
SHOWN_TRACKS = 10


def tracks_section(request):
    """Progress per track of the reader's audience, in three queries whatever the size."""
    from curricula.models import Audience, TrackIndexPage, TrackPage
    from curricula.progress import progress_by_track

    user = request.user
    roles = access.roles_of(user)
    audiences = [Audience.EVERYONE]
    audiences += [a for a in (Audience.MENTOR, Audience.MENTEE, Audience.CURATOR) if a in roles]
    tracks = list(
        TrackPage.objects.live()
        .filter(audience__in=audiences)
        .defer_streamfields()
        .order_by("path")
    )
    if not tracks:
        return None
    progress = progress_by_track(user, tracks)
    started = {t.pk for t in tracks if progress[t.pk][0]}
    room = max(SHOWN_TRACKS - len(started), 0)
    others = [t.pk for t in tracks if t.pk not in started][:room]
    shown = started.union(others)
    rows = [(t, *progress[t.pk]) for t in tracks if t.pk in shown]
    index = TrackIndexPage.objects.live().first() if len(shown) < len(tracks) else None
    plans_url = None
    if roles & {Role.MENTOR, Role.MENTEE}:
        plans_url = reverse("plan_list")
    return DashboardSection(
        template="curricula/includes/dashboard_section.html",
        context={
            "rows": rows,
            "more": len(tracks) - len(rows),
            "all_url": index.url if index else None,
            "plans_url": plans_url,
            "css": static("curricula/css/curricula.css"),
        },
        order=20,
    )
