"""Track progress as aggregates for the HR dashboard (registered in the app config).

Individual progress is the learner's own; HR sees only counts over groups of at least
``MIN_GROUP_SIZE`` distinct people, with complementary cells hidden
(:mod:`mentoring.disclosure`, applied when the series is built).
"""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from mentoring.disclosure import Cell, Table, protect_table
from mentoring.results import ResultSeries


def _month(value):
    return timezone.localtime(value).date().replace(day=1)


def track_progress(filters):
    """Modules completed per month and learners per track, hidden below the group size."""
    from curricula.models import ModuleProgress, TrackPage

    rows = ModuleProgress.objects.filter(module__live=True)
    if filters.plant_id:
        rows = rows.filter(user__participant__plant_id=filters.plant_id)
    if filters.cycle_id:
        in_cycle = Q(user__participant__pairs_as_mentor__cycle_id=filters.cycle_id) | Q(
            user__participant__pairs_as_mentee__cycle_id=filters.cycle_id
        )
        rows = rows.filter(in_cycle)
    if filters.months:
        rows = rows.filter(completed_at__date__gte=filters.months[0])
    done_by_month = defaultdict(int)
    people_by_track = defaultdict(set)
    seen = set()
    for user_id, module_id, path, completed_at in rows.values_list(
        "user_id", "module_id", "module__path", "completed_at"
    ).distinct():
        if (user_id, module_id) in seen:
            continue
        seen.add((user_id, module_id))
        month = _month(completed_at)
        done_by_month[month] += 1
        people_by_track[path[: -TrackPage.steplen]].add(user_id)

    # A count of completed modules says nothing about any one person, so it is shown as it
    # is; the number of people per track is about people and keeps the small-group rule.
    everyone = set().union(*people_by_track.values()) if people_by_track else set()
    tracks = TrackPage.objects.live().order_by("path").only("title", "path")
    by_track = [
        Cell(
            len(people_by_track[t.path]),
            len(people_by_track[t.path]),
            dimension="track",
            key=t.pk,
            label=t.title,
        )
        for t in tracks
    ]
    protect_table(Table(Cell(len(everyone), len(everyone), dimension="total"), [by_track]))
    return [
        ResultSeries(
            key="curricula.modules_completed",
            title=_("Track modules completed"),
            by_month={m: done_by_month[m] for m in filters.months},
            total=len(seen),
            by_group=[(c.label, c.shown) for c in by_track if c.displayed],
            count_unit=ngettext_lazy("module", "modules"),
        )
    ]
