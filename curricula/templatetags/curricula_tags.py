"""Template helpers: where the track list, the library and the curriculum live."""

from django import template
from django.utils.translation import gettext

from cms import generations

register = template.Library()


@register.simple_tag(takes_context=True)
def section_urls(context):
    """URLs of the track list, library and latest curriculum.

    Shown in the header of every page, so they come from the cache (stale as soon as any
    content is written, see :mod:`cms.generations`) and cost one query when it is cold.
    """
    request = context.get("request")
    return generations.cached("section-urls", lambda: _section_urls(request))


def _section_urls(request):
    from wagtail.models import Page

    from curricula.models import CurriculumPage, LibraryIndexPage, TrackIndexPage
    from skills.models import ToolIndexPage

    keys = {}
    for key, model in (
        ("tracks", TrackIndexPage),
        ("library", LibraryIndexPage),
        ("curriculum", CurriculumPage),
        ("tools", ToolIndexPage),
    ):
        keys[model._meta.label_lower] = key
    urls = dict.fromkeys(keys.values())
    models = (TrackIndexPage, LibraryIndexPage, CurriculumPage, ToolIndexPage)
    pages = Page.objects.live().type(*models)
    for page in pages.select_related("content_type").order_by("first_published_at"):
        label = f"{page.content_type.app_label}.{page.content_type.model}"
        urls[keys[label]] = page.get_url(request)
    return urls


@register.filter
def minutes_hm(total):
    """90 → «1 ч 30 мин» in the current language."""
    total = int(total or 0)
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return gettext("%(h)d h %(m)d min") % {"h": hours, "m": minutes}
    if hours:
        return gettext("%(h)d h") % {"h": hours}
    return gettext("%(m)d min") % {"m": minutes}
