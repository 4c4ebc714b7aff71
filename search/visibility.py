"""Which pages search may show, decided at query time from Wagtail's own records.

The index is kept in step by signals, but a signal can be missed (the engine was down, the
index was built before a restriction was set), so every search also leaves out, whatever
the index holds, pages that are not live or sit under a view restriction (login, password
or groups, on the page or an ancestor): an excerpt would show their text to anyone.
"""

from django.db.models import Q

from wagtail.models import Page

from cms import structure


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are hidden),
    read from Wagtail's records once per content generation (:mod:`cms.structure`)."""
    return list(structure.restricted_paths())


def outside_restrictions(path_field):
    """A condition true for rows whose page (its tree path in ``path_field``) is under no
    view restriction. Built from the few restricted paths: as a correlated subquery, SQLite
    scanned every page for every candidate row (3 s for a broad query at 2,500 pages)."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(**{f"{path_field}__startswith": path})
    return ~condition if condition else Q()


def readable_pages(page_ids):
    """The ids among ``page_ids`` of live pages under no view restriction (one query)."""
    if not page_ids:
        return set()
    return set(
        Page.objects.filter(pk__in=page_ids, live=True)
        .filter(outside_restrictions("path"))
        .values_list("pk", flat=True)
    )
