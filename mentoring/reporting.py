"""Programme results for HR: aggregates only, protected by :mod:`mentoring.disclosure`.

Each figure is a :class:`mentoring.results.ResultSeries` (the same shape upper apps
contribute through :mod:`mentoring.results`) built from a table of raw values with the
distinct people behind each, computed with a fixed number of queries. A hidden value is
``None`` ("group too small"): below ``MIN_GROUP_SIZE`` people, or hidden so that another
hidden value cannot be computed by subtraction.
"""

import datetime
from dataclasses import replace

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from cms.params import db_id
from mentoring import disclosure
from mentoring.disclosure import Cell, Table
from mentoring.models import Cycle, Feedback, Idea, Meeting, Nomination, Pair, Plant
from mentoring.results import ResultFilters, ResultSeries, month_cells, providers


def last_months(count=12, today=None):
    today = today or datetime.date.today()
    first = today.replace(day=1)
    months = []
    for _i in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return tuple(reversed(months))


def _month(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1) if value else None


def _pairs(filters):
    qs = Pair.objects.all()
    if filters.cycle_id:
        qs = qs.filter(cycle_id=filters.cycle_id)
    if filters.plant_id:
        qs = qs.filter(mentee__plant_id=filters.plant_id)
    return qs


def _round(value):
    return round(value, 2) if isinstance(value, float) else value


def _labels():
    return {
        "plant": dict(Plant.objects.values_list("pk", "name")),
        "cycle": dict(Cycle.objects.values_list("pk", "name")),
    }


def _cells(rows, dimension, field, labels, value=lambda r: _round(r["value"])):
    """One partition: a cell per row; rows without a known group are kept, never shown."""
    cells = []
    for r in rows:
        label = labels.get(r[field])
        cells.append(
            Cell(
                value(r),
                r["people"],
                dimension=dimension,
                key=r[field],
                label=label or "",
                displayed=label is not None,
            )
        )
    return cells


def _total(row, value=lambda r: _round(r["value"])):
    return Cell(value(row), row["people"] or 0, dimension="total")


def active_pairs(filters, labels):
    pairs = _pairs(filters).filter(status=Pair.Status.ACTIVE)
    people = Count("mentee", distinct=True)
    total = pairs.aggregate(value=Count("pk"), people=people)
    by_plant = pairs.values("mentee__plant").annotate(value=Count("pk"), people=people)
    by_cycle = pairs.values("cycle").annotate(value=Count("pk"), people=people)
    table = Table(
        _total(total),
        [
            _cells(by_plant.order_by("mentee__plant"), "plant", "mentee__plant", labels["plant"]),
            _cells(by_cycle.order_by("cycle"), "cycle", "cycle", labels["cycle"]),
        ],
    )
    return ResultSeries.from_table(
        table,
        key="active_pairs",
        title=_("Active pairs"),
        count_unit=ngettext_lazy("pair", "pairs"),
    )


def _monthly_count(
    records, filters, labels, *, date_field, person, plant, about_people=True, **series
):
    """A count per month, in total and per plant; the rule is applied by the caller.

    ``person`` is the field whose distinct values are the people a figure is about. A count
    of things that say nothing about any one person (ideas implemented) is shown as it is:
    ``about_people=False``.
    """
    people = Count(person, distinct=True)
    window = {f"{date_field}__gte": filters.months[0]}
    after = (filters.months[-1] + datetime.timedelta(days=32)).replace(day=1)
    rows = (
        records.filter(**window, **{f"{date_field}__lt": after})
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(value=Count("pk"), people=people)
        .order_by("month")
    )
    found = {_month(r["month"]): (r["value"], r["people"]) for r in rows}
    outside = records.exclude(**window, **{f"{date_field}__lt": after}).aggregate(
        value=Count("pk"), people=people
    )
    total = records.aggregate(value=Count("pk"), people=people)
    by_plant = records.values(plant).annotate(value=Count("pk"), people=people).order_by(plant)
    table = Table(
        _total(total),
        [
            month_cells(filters.months, found, (outside["value"], outside["people"])),
            _cells(by_plant, "plant", plant, labels["plant"]),
        ],
    )
    if not about_people:
        # a count that says nothing about any one person (ideas implemented) is shown as is
        return ResultSeries(
            by_month={m: found.get(m, (0, 0))[0] for m in filters.months},
            total=total["value"],
            by_group=[
                (labels["plant"][r[plant]], r["value"])
                for r in by_plant
                if r[plant] in labels["plant"]
            ],
            **series,
        )
    return ResultSeries.from_table(table, **series)


def meetings_per_month(filters, labels):
    meetings = Meeting.objects.filter(pair__in=_pairs(filters), held_on__gte=filters.months[0])
    return _monthly_count(
        meetings,
        filters,
        labels,
        date_field="held_on",
        person="pair__mentee",
        plant="pair__mentee__plant",
        key="meetings",
        title=_("Meetings per month"),
        count_unit=ngettext_lazy("meeting", "meetings"),
    )


def feedback_averages(filters, labels):
    """Average usefulness and equal dialogue: both averages come from the same three
    queries (in total, per plant, per side), one series each."""
    feedback = Feedback.objects.filter(meeting__pair__in=_pairs(filters))
    sides = {key: str(label) for key, label in Feedback.Side.choices}
    plant = "meeting__pair__mentee__plant"
    fields = (
        ("usefulness", "feedback_usefulness", _("Usefulness of meetings (average, 1–5)")),
        ("equal_dialogue", "feedback_dialogue", _("Equal dialogue (average, 1–5)")),
    )
    figures = {field: Avg(field) for field, _key, _title in fields}
    figures["people"] = Count("author", distinct=True)
    total = feedback.aggregate(**figures)
    by_plant = list(feedback.values(plant).annotate(**figures).order_by(plant))
    by_side = list(feedback.values("side").annotate(**figures).order_by("side"))
    result = []
    for field, key, title in fields:

        def value(row, field=field):
            return _round(row[field])

        table = Table(
            _total(total, value),
            [
                _cells(by_plant, "plant", plant, labels["plant"], value),
                _cells(by_side, "side", "side", sides, value),
            ],
        )
        result.append(ResultSeries.from_table(table, key=key, title=title))
    return result


def ideas_implemented(filters, labels):
    ideas = Idea.objects.filter(status=Idea.Status.IMPLEMENTED)
    if filters.plant_id:
        ideas = ideas.filter(author__plant_id=filters.plant_id)
    if filters.cycle_id:
        ideas = ideas.filter(pair__cycle_id=filters.cycle_id)
    return _monthly_count(
        ideas,
        filters,
        labels,
        date_field="implemented_on",
        person="author",
        plant="author__plant",
        about_people=False,
        key="ideas_implemented",
        title=_("Ideas implemented"),
        count_unit=ngettext_lazy("idea", "ideas"),
    )


def mentors_retained(filters, labels):
    pairs = _pairs(filters).exclude(status=Pair.Status.PROPOSED)
    retained = Count("mentor", distinct=True, filter=Q(mentor__left_company_on__isnull=True))
    people = Count("mentor", distinct=True)
    total = pairs.aggregate(value=retained, people=people)
    by_plant = (
        pairs.values("mentor__plant")
        .annotate(value=retained, people=people)
        .order_by("mentor__plant")
    )
    by_cycle = pairs.values("cycle").annotate(value=retained, people=people).order_by("cycle")

    def share(r):
        return round(100 * r["value"] / r["people"]) if r["people"] else None

    table = Table(
        _total(total, share),
        [
            # the mentor's plant is not the plant filter (the mentee's): its own dimension
            _cells(by_plant, "mentor_plant", "mentor__plant", labels["plant"], share),
            _cells(by_cycle, "cycle", "cycle", labels["cycle"], share),
        ],
    )
    return ResultSeries.from_table(
        table, key="mentors_retained", title=_("Mentors still with the company"), unit="%"
    )


def talent_pool(filters, labels):
    """The programme's talent pool: people nominated as mentors and accepted, mentors who
    stayed for another cycle, mentees who became mentors. Counts of people: each below the
    group size is hidden."""
    nominations = Nomination.objects.all()
    pairs = Pair.objects.exclude(status=Pair.Status.PROPOSED)
    if filters.plant_id:
        nominations = nominations.filter(nominee__plant_id=filters.plant_id)
        pairs = pairs.filter(mentor__plant_id=filters.plant_id)
    nominated = nominations.values("nominee").distinct().count()
    accepted = (
        nominations.filter(status=Nomination.Status.ACCEPTED).values("nominee").distinct().count()
    )
    second_cycle = (
        pairs.values("mentor")
        .annotate(cycles=Count("cycle", distinct=True))
        .filter(cycles__gte=2)
        .count()
    )
    mentees = Pair.objects.exclude(status=Pair.Status.PROPOSED).values("mentee")
    became_mentors = pairs.filter(mentor__in=mentees).values("mentor").distinct().count()
    rows = [
        (_("Nominated as mentors"), nominated),
        (_("Nominations accepted"), accepted),
        (_("Mentors who stayed for another cycle"), second_cycle),
        (_("Mentees who became mentors"), became_mentors),
    ]
    # the nominated who were not accepted are a group of their own: never a small one
    if nominated - accepted > 0 and not disclosure.group_is_reportable(nominated - accepted):
        rows[0] = (rows[0][0], None)

    def shown(value):
        return value if value is not None and disclosure.group_is_reportable(value) else None

    return ResultSeries(
        key="talent_pool",
        title=_("Talent pool"),
        total=shown(accepted),
        count_unit=ngettext_lazy("mentor accepted", "mentors accepted"),
        by_group=[(label, shown(value)) for label, value in rows],
    )


def _raw(filters):
    labels = _labels()
    series = [
        active_pairs(filters, labels),
        meetings_per_month(filters, labels),
        *feedback_averages(filters, labels),
        ideas_implemented(filters, labels),
        mentors_retained(filters, labels),
        talent_pool(filters, labels),
    ]
    for provider in providers():
        series.extend(provider(filters) or [])
    return series


def _parents(filters):
    """The same dashboard without one of its filters: the figures a filtered one is part of."""
    if filters.plant_id:
        yield "plant", filters.plant_id, replace(filters, plant_id=None)
    if filters.cycle_id:
        yield "cycle", filters.cycle_id, replace(filters, cycle_id=None)


def compute(filters):
    """Every figure of the dashboard (mentoring's own, then the upper apps' providers), each
    protected by :mod:`mentoring.disclosure`: small groups hidden, no hidden figure
    recoverable from a total, other cells or the same figure without the filter."""
    series = _raw(filters)
    for item in series:
        if item.table is not None:
            disclosure.protect_table(item.table)
    for dimension, key, parent_filters in _parents(filters):
        parents = {p.key: p for p in compute(parent_filters)}
        for item in series:
            parent = parents.get(item.key)
            if item.table is not None and parent is not None and parent.table is not None:
                disclosure.reconcile(item.table, parent.table, dimension, key)
    for item in series:
        item.refresh()
    return series


def filters_from(params):
    return ResultFilters(
        months=last_months(),
        cycle_id=db_id(params.get("cycle")),
        plant_id=db_id(params.get("plant")),
    )


CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 640, 200, 24


def chart(series):
    """Bar geometry for a server-rendered SVG of a monthly series (None bars are hatched)."""
    if not series.by_month:
        return None
    months = list(series.by_month)
    values = [v for v in series.by_month.values() if v is not None]
    top = max([*values, 1])
    slot = (CHART_WIDTH - CHART_PAD) / len(months)
    bars = []
    for index, month in enumerate(months):
        value = series.by_month[month]
        height = 0 if value is None else (CHART_HEIGHT - 2 * CHART_PAD) * value / top
        bars.append(
            {
                "x": round(CHART_PAD + index * slot + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "y": round(CHART_HEIGHT - CHART_PAD - height, 1),
                "height": round(height, 1),
                "value": value,
                "month": month,
                "hidden": value is None,
                "label_x": round(CHART_PAD + index * slot + slot / 2, 1),
                "label_y": round(CHART_HEIGHT - CHART_PAD - height - 4, 1),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "bars": bars,
        "baseline": CHART_HEIGHT - CHART_PAD,
        "hidden_y": CHART_HEIGHT - CHART_PAD - 8,
        "month_y": CHART_HEIGHT - 6,
        "max": top,
    }


__all__ = ["chart", "compute", "filters_from", "last_months"]
