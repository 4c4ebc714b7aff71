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
    result = {t.pk: (0, 0) for t in tracks}
    if not tracks:
        return result
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
    totals = {by_path.get(row["track_path"]): row["n"] for row in modules}
    done = Counter()
    if user.is_authenticated:
        mine = ModuleProgress.objects.filter(user=user, module__live=True, module__depth=depth + 1)
        for path in mine.values_list("module__path", flat=True):
            done[by_path.get(path[: -TrackPage.steplen])] += 1
    return {pk: (done[pk], totals.get(pk, 0)) for pk in result}
