"""Template helpers: where the track list, the library and the curriculum live."""

from django import template

register = template.Library()

_CACHE = "_curricula_section_urls"


@register.simple_tag(takes_context=True)
def section_urls(context):
    """URLs of the track list, library and latest curriculum, found once per request."""
    from curricula.models import CurriculumPage, LibraryIndexPage, TrackIndexPage

    request = context.get("request")
    cached = getattr(request, _CACHE, None)
    if cached is not None:
        return cached
    urls = {}
    for key, model in (
        ("tracks", TrackIndexPage),
        ("library", LibraryIndexPage),
        ("curriculum", CurriculumPage),
    ):
        page = model.objects.live().order_by("-first_published_at").first()
        urls[key] = page.get_url(request) if page else None
    if request is not None:
        setattr(request, _CACHE, urls)
    return urls


@register.filter
def minutes_hm(total):
    """90 → «1 ч 30 мин» in the current language."""
    from django.utils.translation import gettext

    total = int(total or 0)
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return gettext("%(h)d h %(m)d min") % {"h": hours, "m": minutes}
    if hours:
        return gettext("%(h)d h") % {"h": hours}
    return gettext("%(m)d min") % {"m": minutes}
