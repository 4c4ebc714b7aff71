"""Which pages search may show, decided at query time from Wagtail's own records.

The index is kept in step by signals, but a signal can be missed (the engine was down, the
index was built before a restriction was set), so every search also leaves out, whatever
the index holds, pages that are not live or sit under a view restriction (login, password
or groups, on the page or an ancestor): an excerpt would show their text to anyone.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.lookups import StartsWith

from wagtail.models import Page, PageViewRestriction


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are hidden)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def restricted_above(path_field):
    """An Exists() that is true when a view restriction covers the row's page path."""
    target = ExpressionWrapper(OuterRef(path_field), output_field=CharField())
    return Exists(PageViewRestriction.objects.filter(StartsWith(target, F("page__path"))))


def readable_pages(page_ids):
    """The ids among ``page_ids`` of live pages under no view restriction (one query)."""
    if not page_ids:
        return set()
    return set(
        Page.objects.filter(pk__in=page_ids, live=True)
        .exclude(restricted_above("path"))
        .values_list("pk", flat=True)
    )
