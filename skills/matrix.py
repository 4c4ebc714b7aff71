"""The skills matrix: who (rows) knows what (columns), within what the reader may see.

Individuals come from :func:`mentoring.access.mentees_visible_to`; HR also gets aggregates
per department and tool over everyone, protected by :mod:`mentoring.disclosure`.
Every function keeps a fixed number of queries whatever the number of people.
"""

from typing import NamedTuple

from django.db.models import Avg, Count, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.translation import get_language

from cms import generations
from cms.params import clean_text, db_id
from mentoring import access, disclosure
from mentoring.disclosure import Cell
from mentoring.models import Cycle, Department, Participant, Plant
from skills.models import Mastery, ToolCategory, ToolPage
from skills.services import EXPERT_LEVEL

EXPORT_CHUNK = 2000
BOTH = (generations.CONTENT, generations.RECORDS)


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


class Column(NamedTuple):
    """One tool as a column of the matrix: light to keep in the cache and to read back."""

    pk: int
    title: str
    link: str


def columns(filters):
    """The live tools of the chosen category (from the shared cache; one query when cold)."""

    def build():
        tools = ToolPage.objects.live().select_related("category")
        if filters["category"]:
            tools = tools.filter(category__slug=filters["category"])
        tools = tools.order_by("category__sort_order", "title")
        return [Column(tool.pk, tool.title, tool.url) for tool in tools]

    return generations.cached("matrix-columns", build, filters["category"] or "")


def cells_for(people_ids, tools):
    """``{(participant_id, tool_id): Mastery}`` for the given rows and columns (one query)."""
    tool_ids = [tool.pk for tool in tools]
    found = Mastery.objects.filter(participant_id__in=people_ids, tool_id__in=tool_ids).only(
        "participant_id", "tool_id", "self_level", "mentor_level"
    )
    return {(m.participant_id, m.tool_id): m for m in found}


class Person(NamedTuple):
    """Someone on a page of the matrix, as the access log needs them."""

    pk: int
    user_id: int


def fragments(people, tools, filters, *, with_summary):
    """The heavy parts of the page as HTML, from the shared cache: the tools' header, the
    page's rows and (for HR) the summary by department.

    At full size a page is 50 people × 300 tools and the summary 40 departments × 300
    tools; building those 27,000 cells took most of the page's time. The rows are keyed by
    the people on the page (not by the reader: who may see whom decided which people these
    are), the summary by the filters, all of them by the language and both generations.
    """
    language = get_language()
    category = filters["category"] or ""

    def head():
        return render_to_string("skills/includes/matrix_head.html", {"tools": tools})

    def rows():
        found = Participant.objects.select_related("user", "plant", "department").in_bulk(people)
        cells = cells_for(people, tools)
        table = [
            {"person": found[pk], "cells": [cells.get((pk, t.pk)) for t in tools]}
            for pk in people
            if pk in found
        ]
        return render_to_string("skills/includes/matrix_rows.html", {"table": table})

    def summary_html():
        context = {"tools": tools, "aggregates": summary(filters, tools)}
        return render_to_string("skills/includes/matrix_summary.html", context)

    found = {"head": generations.cached("matrix-head", head, category, language)}
    found["rows"] = (
        generations.cached("matrix-rows", rows, category, language, *people, scopes=BOTH)
        if people
        else ""
    )
    if with_summary:
        key = [filters[name] or "" for name in sorted(filters)] + [access.min_group_size()]
        found["summary"] = generations.cached(
            "matrix-summary-html", summary_html, *key, language, scopes=BOTH
        )
    return found


def filter_choices():
    """Plants, departments, cycles and categories for the filters (from the shared cache)."""

    def build():
        return {
            "plants": list(Plant.objects.all()),
            "departments": list(Department.objects.select_related("plant")),
            "cycles": list(Cycle.objects.all()),
            "categories": list(ToolCategory.objects.all()),
        }

    return generations.cached("matrix-choices", build, scopes=BOTH)


def _stats(queryset, group_by):
    return (
        queryset.annotate(best=Coalesce("mentor_level", "self_level"))
        .values(*group_by)
        .annotate(
            mastered=Count("participant", filter=Q(best__gte=EXPERT_LEVEL), distinct=True),
            mean=Avg("best"),
            known=Count("participant", distinct=True),
        )
    )


def summary(filters, tools):
    """Per department and tool: how many people, how many at level ≥3, the mean level.

    Over every mentee (not only those who consented), protected by
    :mod:`mentoring.disclosure`: a department below ``MIN_GROUP_SIZE`` people shows no
    figures, a mean over fewer than ``MIN_GROUP_SIZE`` people with a level is hidden, and
    in each column a second department (or the total) is hidden where the total minus
    the visible departments would give a hidden one away.
    """
    people = _mentees(Participant.objects.all(), filters)
    sizes = {
        row["department_id"]: row["n"]
        for row in people.values("department_id").annotate(n=Count("pk", distinct=True))
    }
    departments = {
        d.pk: d for d in Department.objects.filter(pk__in=list(sizes)).select_related("plant")
    }
    masteries = Mastery.objects.filter(participant__in=people, tool_id__in=[t.pk for t in tools])
    figures = {
        (row["participant__department_id"], row["tool_id"]): row
        for row in _stats(masteries, ["participant__department_id", "tool_id"])
    }
    totals = {row["tool_id"]: row for row in _stats(masteries, ["tool_id"])}
    order = sorted(sizes, key=lambda pk: str(departments.get(pk, "")))

    def column(stat_of, total_stat, value, people):
        total = Cell(value(total_stat), people(total_stat, None), dimension="total")
        cells = [Cell(value(stat_of(d)), people(stat_of(d), d), key=d) for d in order]
        disclosure.suppress(total, [cells])
        return total, cells

    total_size = sum(sizes.values())
    size_total, size_cells = column(
        lambda d: d,
        None,
        lambda d: sizes[d] if d else total_size,
        lambda _s, d: sizes[d] if d else total_size,
    )
    rows = [_row(None, size_total, [])] + [
        _row(departments.get(d), cell, []) for d, cell in zip(order, size_cells, strict=True)
    ]
    for tool in tools:
        total_stat = totals.get(tool.pk) or {}

        def stat(d, tool=tool):
            return figures.get((d, tool.pk)) or {}

        mastered_total, mastered = column(
            stat,
            total_stat,
            lambda st: st.get("mastered", 0),
            lambda _st, d: sizes[d] if d is not None else total_size,
        )
        mean_total, means = column(
            stat,
            total_stat,
            lambda st: round(st["mean"], 1) if st.get("mean") is not None else None,
            lambda st, _d: st.get("known", 0),
        )
        for row, m, a in zip(rows, [mastered_total, *mastered], [mean_total, *means], strict=True):
            hidden_row = not row["reportable"]
            row["cells"].append(
                {
                    "mastered": None if hidden_row or m.hidden else m.value,
                    "mean": None if hidden_row or a.hidden else a.value,
                }
            )
    return rows


def _row(department, size_cell, cells):
    """One row of the summary; a hidden group carries no figures at all."""
    return {
        "department": department,
        "is_total": department is None,
        "size": size_cell.shown,
        "reportable": disclosure.group_is_reportable(size_cell.people),
        "cells": cells,
    }


def export_rows(user, filters):
    """Header then one row per visible mentee, for the CSV and XLSX exports.

    Two columns per tool (mentor observation, self-assessment); levels as numbers. Levels
    are read as plain tuples for a chunk of people at a time, so memory stays flat and
    queries stay few (two per ``EXPORT_CHUNK`` people).
    """
    from django.utils.translation import gettext as _

    tools = columns(filters)
    header = [_("Person"), _("Plant"), _("Department")]
    for tool in tools:
        header += [f"{tool.title}: {_('mentor')}", f"{tool.title}: {_('self')}"]
    yield header
    tool_ids = [tool.pk for tool in tools]
    unknown = ("", "")
    people = list(visible_rows(user, filters))
    for start in range(0, len(people), EXPORT_CHUNK):
        chunk = people[start : start + EXPORT_CHUNK]
        levels = {
            (person_id, tool_id): (
                "" if mentor_level is None else mentor_level,
                "" if self_level is None else self_level,
            )
            for person_id, tool_id, mentor_level, self_level in Mastery.objects.filter(
                participant_id__in=[p.pk for p in chunk], tool_id__in=tool_ids
            ).values_list("participant_id", "tool_id", "mentor_level", "self_level")
        }
        for person in chunk:
            row = [
                person.full_name,
                person.plant.name if person.plant else "",
                person.department.name if person.department else "",
            ]
            for tool_id in tool_ids:
                row.extend(levels.get((person.pk, tool_id), unknown))
            yield row
