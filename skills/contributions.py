"""What skills adds to pages owned by mentoring: a `/my/` section, HR result figures and a
curator-desk signal."""

import datetime
import itertools

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentoring import access
from mentoring.dashboard import DashboardSection
from mentoring.disclosure import Cell, Table
from mentoring.health import Signal
from mentoring.models import Participant
from mentoring.results import ResultSeries, month_cells
from mentoring.roles import Role
from skills.models import Mastery, MasteryEvent, SkillGoal
from skills.services import EXPERT_LEVEL, levels


def my_skills_section(request):
    """Mentee: how many tools at each level and how many goals reached, with a link."""
    me = access.participant_of(request.user)
    if me is None or not access.has_role(request.user, Role.MENTEE):
        return None
    masteries = list(Mastery.objects.filter(participant=me).select_related("tool"))
    goals = {g.tool_id: g.target_level for g in SkillGoal.objects.filter(participant=me)}
    reached = sum(
        1 for m in masteries if m.tool_id in goals and (m.best_level or 0) >= goals[m.tool_id]
    )
    return DashboardSection(
        template="skills/includes/my_section.html",
        context={
            "tools": len(masteries),
            "independent": sum(1 for m in masteries if (m.best_level or 0) >= EXPERT_LEVEL),
            "goals": len(goals),
            "reached": reached,
            "url": reverse("my_skills"),
            "recent": sorted(masteries, key=lambda m: m.updated_at, reverse=True)[:5],
        },
        order=20,
    )


def _month(value):
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.replace(day=1)


def _people(filters):
    people = Participant.objects.filter(pairs_as_mentee__status__in=access.RECORD_ACCESS_STATUSES)
    if filters.cycle_id:
        people = people.filter(pairs_as_mentee__cycle_id=filters.cycle_id)
    if filters.plant_id:
        people = people.filter(plant_id=filters.plant_id)
    return Participant.objects.filter(pk__in=people.values("pk"))


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def results(filters):
    """Level-ups per month and tools mastered (level ≥3) as raw tables with the people
    behind each figure; :mod:`mentoring.disclosure` hides small and complementary cells."""
    people = _people(filters)
    months = filters.months
    # Month edges as local midnights: compared as they are, with no date function applied
    # to each of the events (on SQLite such a function is Python, called once a row).
    edges = [_midnight(month) for month in months]
    edges.append(_midnight((months[-1] + datetime.timedelta(days=32)).replace(day=1)))
    events = MasteryEvent.objects.filter(
        mastery__participant__in=people, to_level__gt=Coalesce("from_level", 0)
    )
    figures = {"value": Count("pk"), "people": Count("mastery__participant", distinct=True)}
    for index, (start, end) in enumerate(itertools.pairwise(edges)):
        within = Q(recorded_at__gte=start, recorded_at__lt=end)
        figures[f"value_{index}"] = Count("pk", filter=within)
        figures[f"people_{index}"] = Count("mastery__participant", filter=within, distinct=True)
    row = events.filter(recorded_at__gte=edges[0]).aggregate(**figures)
    found = {m: (row[f"value_{i}"], row[f"people_{i}"]) for i, m in enumerate(months)}
    total = {"value": row["value"], "people": row["people"]}
    level_ups = ResultSeries.from_table(
        Table(
            Cell(total["value"], total["people"], dimension="total"),
            [month_cells(months, found)],
        ),
        key="skills_level_ups",
        title=_("Level-ups per month"),
    )
    strong = Q(mentor_level__gte=EXPERT_LEVEL) | Q(
        mentor_level__isnull=True, self_level__gte=EXPERT_LEVEL
    )
    mastered_by_dept = {
        r["participant__department__name"]: r["n"]
        for r in Mastery.objects.filter(participant__in=people)
        .filter(strong)
        .values("participant__department__name")
        .annotate(n=Count("pk"))
    }
    # a department's figure is about everyone in it, those with no tool mastered included
    sizes = {
        r["department__name"]: r["n"]
        for r in people.values("department__name").annotate(n=Count("pk", distinct=True))
    }
    cells = [
        Cell(
            mastered_by_dept.get(name, 0),
            size,
            dimension="department",
            key=name,
            label=name or "—",
        )
        for name, size in sorted(sizes.items(), key=lambda item: item[0] or "")
    ]
    mastered = ResultSeries.from_table(
        Table(
            Cell(sum(mastered_by_dept.values()), sum(sizes.values()), dimension="total"),
            [cells],
        ),
        key="skills_tools_mastered",
        title=_("Tools mastered (level 3 or more)"),
    )
    return [level_ups, mastered]


STALLED_GOAL_DAYS = 30


def stalled_goals(pairs):
    """Curator-desk signal: the mentee has a goal in this cycle but no level change lately.

    One query for all pairs: goals below target whose tool saw no event for
    ``STALLED_GOAL_DAYS`` days (and not since the goal was set).
    """
    if not pairs:
        return {}
    since = timezone.now() - datetime.timedelta(days=STALLED_GOAL_DAYS)
    recent_event = MasteryEvent.objects.filter(
        mastery__participant_id=OuterRef("participant_id"),
        mastery__tool_id=OuterRef("tool_id"),
        recorded_at__gte=since,
    )
    current = Mastery.objects.filter(
        participant_id=OuterRef("participant_id"), tool_id=OuterRef("tool_id")
    ).values("mentor_level")[:1]
    by_key = {(p.mentee_id, p.cycle_id): p.pk for p in pairs}
    goals = (
        SkillGoal.objects.filter(
            participant_id__in={p.mentee_id for p in pairs},
            cycle_id__in={p.cycle_id for p in pairs},
            set_at__lte=since,
        )
        .annotate(moved=Exists(recent_event), level=Subquery(current))
        .filter(moved=False)
        .values_list("participant_id", "cycle_id", "target_level", "level")
    )
    stalled = {}
    for participant_id, cycle_id, target, level in goals:
        pair_id = by_key.get((participant_id, cycle_id))
        if pair_id is not None and (level or 0) < target:
            stalled[pair_id] = stalled.get(pair_id, 0) + 1
    return {
        pair_id: [
            Signal(
                "stalled_goals",
                ngettext(
                    "%(count)s goal without progress for a month",
                    "%(count)s goals without progress for a month",
                    count,
                )
                % {"count": count},
                _("Ask the pair which goal to work on next and whether it is still the right one."),
            )
        ]
        for pair_id, count in stalled.items()
    }


def agreement_defaults(pair):
    """The mentee's goals in the pair's cycle, as the first draft of the pair agreement."""
    goals = (
        SkillGoal.objects.filter(participant_id=pair.mentee_id, cycle_id=pair.cycle_id)
        .select_related("tool")
        .order_by("tool__title")
    )
    scale = levels()
    lines, tool_ids = [], []
    for goal in goals:
        level = scale.get(goal.target_level)
        lines.append(
            _("%(tool)s — reach level %(level)s")
            % {"tool": goal.tool.title, "level": str(level) if level else goal.target_level}
        )
        tool_ids.append(goal.tool_id)
    return {"goals": "\n".join(lines), "tool_ids": tool_ids}
