"""Reading and recording a learner's progress, in a fixed number of queries."""

from collections import Counter
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.db.models.functions import Substr

from curricula.models import ModulePage, ModuleProgress, TrackPage


def done_ids(user, module_ids):
    """The ids among ``module_ids`` that ``user`` has marked done (one query)."""
    if not user.is_authenticated or not module_ids:
        return set()
    rows = ModuleProgress.objects.filter(user=user, module_id__in=list(module_ids))
    return set(rows.values_list("module_id", flat=True))


def done_module_ids(user, modules):
    return done_ids(user, [m.pk for m in modules])


def mark_done(user, module):
    """Record that ``user`` finished ``module``; doing it twice changes nothing."""
    progress, _created = ModuleProgress.objects.get_or_create(user=user, module=module)
    return progress


def progress_by_track(user, tracks):
    """``{track.pk: (done, total)}`` for the given tracks, in two queries.

    Both are counted per track path in SQL: the modules under the tracks' parents (one or
    two prefixes, not one per track) and the reader's own progress rows — a holding's
    thousand modules never come back one by one.
    """
    totals = module_totals(tracks)
    done = done_by_track(user, tracks)
    return {t.pk: (done.get(t.pk, 0), totals.get(t.pk, 0)) for t in tracks}


def module_totals(tracks):
    """``{track.pk: live modules}``, counted per track path in one query (the same for
    every reader)."""
    if not tracks:
        return {}
    by_path = {t.path: t.pk for t in tracks}
    depth = tracks[0].depth
    track_path = Substr("path", 1, depth * TrackPage.steplen)
    parents = {path[: -TrackPage.steplen] for path in by_path}
    under_parents = reduce(or_, (Q(path__startswith=p) for p in parents))
    modules = (
        ModulePage.objects.live()
        .filter(under_parents, depth=depth + 1)
        .order_by()
        .annotate(track_path=track_path)
        .values("track_path")
        .annotate(n=Count("pk"))
    )
    return {by_path.get(row["track_path"]): row["n"] for row in modules}


def done_by_track(user, tracks):
    """``{track.pk: modules done}`` of ``user`` in the given tracks (one query)."""
    done = Counter()
    if not tracks or not user.is_authenticated:
        return done
    by_path = {t.path: t.pk for t in tracks}
    depth = tracks[0].depth
    mine = ModuleProgress.objects.filter(user=user, module__live=True, module__depth=depth + 1)
    for path in mine.values_list("module__path", flat=True):
        pk = by_path.get(path[: -TrackPage.steplen])
        if pk is not None:
            done[pk] += 1
    return done
