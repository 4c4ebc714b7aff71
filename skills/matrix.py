"""The skills matrix: who (rows) knows what (columns), within what the reader may see.

Individuals come from :func:`mentoring.access.mentees_visible_to`; HR also gets aggregates
per department and tool over everyone, with groups below ``MIN_GROUP_SIZE`` hidden.
Every function keeps a fixed number of queries whatever the number of people.
"""

from django.db.models import Avg, Count, Q
from django.db.models.functions import Coalesce

from cms.params import clean_text, db_id
from mentoring import access
from mentoring.models import Cycle, Department, Participant, Plant
from skills.models import Mastery, ToolCategory, ToolPage
from skills.services import EXPERT_LEVEL

EXPORT_CHUNK = 2000


def read_filters(params):
    """The filters from the query string; anything malformed is simply ignored."""
    return {
        "plant": db_id(params.get("plant")),
        "department": db_id(params.get("department")),
        "cycle": db_id(params.get("cycle")),
        "category": clean_text(params.get("category"), 120) or None,
    }


def filter_query(filters):
    return "&".join(f"{k}={v}" for k, v in filters.items() if v is not None)


def _mentees(queryset, filters):
    pair_filter = Q(pairs_as_mentee__status__in=access.RECORD_ACCESS_STATUSES)
    if filters["cycle"]:
        pair_filter &= Q(pairs_as_mentee__cycle_id=filters["cycle"])
    ids = Participant.objects.filter(pair_filter).values("pk")
    queryset = queryset.filter(pk__in=ids)
    if filters["plant"]:
        queryset = queryset.filter(plant_id=filters["plant"])
    if filters["department"]:
        queryset = queryset.filter(department_id=filters["department"])
    return queryset


def visible_rows(user, filters):
    """Mentees whose individual records ``user`` may see, filtered, in a stable order."""
    return (
        _mentees(access.mentees_visible_to(user), filters)
        .select_related("user", "plant", "department")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def columns(filters):
    tools = ToolPage.objects.live().select_related("category")
    if filters["category"]:
        tools = tools.filter(category__slug=filters["category"])
    return list(tools.order_by("category__sort_order", "title"))


def cells_for(people_ids, tools):
    """``{(participant_id, tool_id): Mastery}`` for the given rows and columns (one query)."""
    found = Mastery.objects.filter(participant_id__in=people_ids, tool__in=tools).only(
        "participant_id", "tool_id", "self_level", "mentor_level"
    )
    return {(m.participant_id, m.tool_id): m for m in found}


def filter_choices():
    return {
        "plants": list(Plant.objects.all()),
        "departments": list(Department.objects.select_related("plant")),
        "cycles": list(Cycle.objects.all()),
        "categories": list(ToolCategory.objects.all()),
    }


def aggregates(filters, tools):
    """Per department and tool: how many people, how many at level ≥3, the mean level.

    Over every mentee (not only those who consented); a department with fewer than
    ``MIN_GROUP_SIZE`` people shows no figures at all.
    """
    people = _mentees(Participant.objects.all(), filters)
    sizes = {
        row["department_id"]: row["n"]
        for row in people.values("department_id").annotate(n=Count("pk", distinct=True))
    }
    departments = {
        d.pk: d for d in Department.objects.filter(pk__in=list(sizes)).select_related("plant")
    }
    figures = {}
    stats = (
        Mastery.objects.filter(participant__in=people, tool__in=tools)
        .annotate(best=Coalesce("mentor_level", "self_level"))
        .values("participant__department_id", "tool_id")
        .annotate(
            mastered=Count("participant", filter=Q(best__gte=EXPERT_LEVEL), distinct=True),
            mean=Avg("best"),
        )
    )
    for row in stats:
        figures[(row["participant__department_id"], row["tool_id"])] = row
    totals = {
        row["tool_id"]: row
        for row in Mastery.objects.filter(participant__in=people, tool__in=tools)
        .annotate(best=Coalesce("mentor_level", "self_level"))
        .values("tool_id")
        .annotate(
            mastered=Count("participant", filter=Q(best__gte=EXPERT_LEVEL), distinct=True),
            mean=Avg("best"),
        )
    }
    rows = [_aggregate_row(None, sum(sizes.values()), [totals.get(t.pk) for t in tools])]
    for dept_id, size in sorted(sizes.items(), key=lambda kv: str(departments.get(kv[0], ""))):
        stats = [figures.get((dept_id, tool.pk)) for tool in tools]
        rows.append(_aggregate_row(departments.get(dept_id), size, stats))
    return rows


def _aggregate_row(department, size, stats):
    """One row of the summary; a group below ``MIN_GROUP_SIZE`` carries no figures at all."""
    reportable = access.group_is_reportable(size)
    cells = []
    for stat in stats:
        if not reportable:
            stat = None
        cells.append(
            {
                "mastered": stat["mastered"] if stat else (0 if reportable else None),
                "mean": round(stat["mean"], 1) if stat and stat["mean"] is not None else None,
            }
        )
    return {
        "department": department,
        "is_total": department is None,
        "size": size if reportable else None,
        "reportable": reportable,
        "cells": cells,
    }


def export_rows(user, filters):
    """Header then one row per visible mentee, for the CSV and XLSX exports.

    Two columns per tool (mentor observation, self-assessment); levels as numbers. People
    are read in chunks so that memory stays flat and queries stay few.
    """
    from django.utils.translation import gettext as _

    tools = columns(filters)
    header = [_("Person"), _("Plant"), _("Department")]
    for tool in tools:
        header += [f"{tool.title}: {_('mentor')}", f"{tool.title}: {_('self')}"]
    yield header
    people = list(visible_rows(user, filters))
    for start in range(0, len(people), EXPORT_CHUNK):
        chunk = people[start : start + EXPORT_CHUNK]
        cells = cells_for([p.pk for p in chunk], tools)
        for person in chunk:
            row = [
                person.full_name,
                person.plant.name if person.plant else "",
                person.department.name if person.department else "",
            ]
            for tool in tools:
                mastery = cells.get((person.pk, tool.pk))
                row += [
                    "" if mastery is None or mastery.mentor_level is None else mastery.mentor_level,
                    "" if mastery is None or mastery.self_level is None else mastery.self_level,
                ]
            yield row
