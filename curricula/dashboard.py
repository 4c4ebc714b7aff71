"""The «my progress in the tracks» section of `/my/` (registered in the app config)."""

from django.templatetags.static import static
from django.urls import reverse

from mentoring import access
from mentoring.dashboard import DashboardSection
from mentoring.roles import Role


def tracks_section(request):
    """Progress per track of the reader's audience, in three queries whatever the size."""
    from curricula.models import Audience, TrackPage
    from curricula.progress import progress_by_track

    user = request.user
    roles = access.roles_of(user)
    audiences = [Audience.EVERYONE]
    audiences += [a for a in (Audience.MENTOR, Audience.MENTEE, Audience.CURATOR) if a in roles]
    tracks = list(TrackPage.objects.live().filter(audience__in=audiences).order_by("path"))
    if not tracks:
        return None
    progress = progress_by_track(user, tracks)
    rows = [(t, *progress[t.pk]) for t in tracks]
    plans_url = None
    if roles & {Role.MENTOR, Role.MENTEE}:
        plans_url = reverse("plan_list")
    return DashboardSection(
        template="curricula/includes/dashboard_section.html",
        context={
            "rows": rows,
            "plans_url": plans_url,
            "css": static("curricula/css/curricula.css"),
        },
        order=20,
    )
