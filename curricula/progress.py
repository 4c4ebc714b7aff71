"""Reading and recording a learner's progress, in a fixed number of queries."""

from collections import Counter
from functools import reduce
from operator import or_

from django.db.models import Q

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

    The modules are read under the tracks' parents (one or two prefixes, not one per
    track), and the reader's progress as their own few rows, not as a list of every module.
    """
    result = {t.pk: (0, 0) for t in tracks}
    if not tracks:
        return result
    by_path = {t.path: t.pk for t in tracks}
    parents = {path[: -TrackPage.steplen] for path in by_path}
    under_parents = reduce(or_, (Q(path__startswith=p) for p in parents))
    modules = ModulePage.objects.live().filter(under_parents, depth=tracks[0].depth + 1)
    module_track = {}
    for pk, path in modules.values_list("pk", "path"):
        track = by_path.get(path[: -TrackPage.steplen])
        if track is not None:
            module_track[pk] = track
    totals = Counter(module_track.values())
    mine = set()
    if user.is_authenticated:
        mine = set(ModuleProgress.objects.filter(user=user).values_list("module_id", flat=True))
    done = Counter(module_track[pk] for pk in mine & module_track.keys())
    return {pk: (done[pk], totals[pk]) for pk in result}
