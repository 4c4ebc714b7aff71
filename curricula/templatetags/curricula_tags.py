"""Template helpers: where the track list, the library and the curriculum live."""

from django import template
from django.core.cache import cache
from django.utils.translation import gettext

register = template.Library()

CACHE_KEY = "curricula:section_urls"
CACHE_SECONDS = 300


def forget_section_urls(**kwargs):
    """Signal receiver: a page was published, unpublished, moved or deleted."""
    cache.delete(CACHE_KEY)


@register.simple_tag(takes_context=True)
def section_urls(context):
    """URLs of the track list, library and latest curriculum.

    Shown in the header of every page, so they come from the cache (cleared whenever a
    page is published, unpublished, moved or deleted) and cost one query when it is cold.
    """
    from wagtail.models import Page

    from curricula.models import CurriculumPage, LibraryIndexPage, TrackIndexPage
    from skills.models import ToolIndexPage

    urls = cache.get(CACHE_KEY)
    if urls is not None:
        return urls
    request = context.get("request")
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
    cache.set(CACHE_KEY, urls, CACHE_SECONDS)
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
