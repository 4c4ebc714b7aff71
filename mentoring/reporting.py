"""Programme results for HR: aggregates only, never a group below ``MIN_GROUP_SIZE``.

Each figure is a :class:`mentoring.results.ResultSeries` (the same shape upper apps
contribute through :mod:`mentoring.results`), computed with a fixed number of queries.
A value over fewer than ``MIN_GROUP_SIZE`` distinct people is ``None`` ("group too small").
"""

import datetime

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from cms.params import db_id
from mentoring import access
from mentoring.models import Cycle, Feedback, Idea, Meeting, Pair, Plant
from mentoring.results import ResultFilters, ResultSeries, providers


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


def _shown(value, people):
    return value if access.group_is_reportable(people) else None


def _pairs(filters):
    qs = Pair.objects.all()
    if filters.cycle_id:
        qs = qs.filter(cycle_id=filters.cycle_id)
    if filters.plant_id:
        qs = qs.filter(mentee__plant_id=filters.plant_id)
    return qs


def _by_group(rows, label_of, value_key="value", people_key="people"):
    return [
        (label_of(r), _shown(_round(r[value_key]), r[people_key]))
        for r in rows
        if label_of(r) is not None
    ]


def _round(value):
    return round(value, 2) if isinstance(value, float) else value


def _labels():
    return {
        "plant": dict(Plant.objects.values_list("pk", "name")),
        "cycle": dict(Cycle.objects.values_list("pk", "name")),
    }


def active_pairs(filters, labels):
    pairs = _pairs(filters).filter(status=Pair.Status.ACTIVE)
    total = pairs.aggregate(value=Count("pk"), people=Count("mentee", distinct=True))
    by_plant = pairs.values("mentee__plant").annotate(
        value=Count("pk"), people=Count("mentee", distinct=True)
    )
    by_cycle = pairs.values("cycle").annotate(
        value=Count("pk"), people=Count("mentee", distinct=True)
    )
    series = ResultSeries(
        key="active_pairs",
        title=_("Active pairs"),
        total=_shown(total["value"], total["people"]),
        unit=_("pairs"),
    )
    series.by_group = _by_group(
        by_plant.order_by("mentee__plant"), lambda r: labels["plant"].get(r["mentee__plant"])
    ) + _by_group(by_cycle.order_by("cycle"), lambda r: labels["cycle"].get(r["cycle"]))
    return series


def _monthly_count(records, filters, labels, *, date_field, person, plant, **series):
    """A count per month, in total and per plant, each hidden below the group size.

    ``person`` is the field whose distinct values are the people a figure is about.
    """
    people = Count(person, distinct=True)
    rows = (
        records.filter(**{f"{date_field}__gte": filters.months[0]})
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(value=Count("pk"), people=people)
        .order_by("month")
    )
    found = {_month(r["month"]): _shown(r["value"], r["people"]) for r in rows}
    total = records.aggregate(value=Count("pk"), people=people)
    by_plant = records.values(plant).annotate(value=Count("pk"), people=people).order_by(plant)
    return ResultSeries(
        by_month={m: found.get(m, 0) for m in filters.months},
        total=_shown(total["value"], total["people"]),
        by_group=_by_group(by_plant, lambda r: labels["plant"].get(r[plant])),
        **series,
    )


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
        unit=_("meetings"),
    )


def feedback_averages(filters, labels):
    feedback = Feedback.objects.filter(meeting__pair__in=_pairs(filters))
    sides = dict(Feedback.Side.choices)
    result = []
    for field, key, title in (
        ("usefulness", "feedback_usefulness", _("Usefulness of meetings (average, 1–5)")),
        ("equal_dialogue", "feedback_dialogue", _("Equal dialogue (average, 1–5)")),
    ):
        total = feedback.aggregate(value=Avg(field), people=Count("author", distinct=True))
        by_plant = (
            feedback.values("meeting__pair__mentee__plant")
            .annotate(value=Avg(field), people=Count("author", distinct=True))
            .order_by("meeting__pair__mentee__plant")
        )
        by_side = (
            feedback.values("side")
            .annotate(value=Avg(field), people=Count("author", distinct=True))
            .order_by("side")
        )
        result.append(
            ResultSeries(
                key=key,
                title=title,
                total=_shown(_round(total["value"]), total["people"]),
                by_group=_by_group(
                    by_plant, lambda r: labels["plant"].get(r["meeting__pair__mentee__plant"])
                )
                + _by_group(by_side, lambda r: str(sides.get(r["side"], r["side"]))),
            )
        )
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
        key="ideas_implemented",
        title=_("Ideas implemented"),
        unit=_("ideas"),
    )


def mentors_retained(filters, labels):
    pairs = _pairs(filters).exclude(status=Pair.Status.PROPOSED)
    retained = Count("mentor", distinct=True, filter=Q(mentor__left_company_on__isnull=True))
    total = pairs.aggregate(value=retained, people=Count("mentor", distinct=True))
    by_plant = (
        pairs.values("mentor__plant")
        .annotate(value=retained, people=Count("mentor", distinct=True))
        .order_by("mentor__plant")
    )
    by_cycle = (
        pairs.values("cycle")
        .annotate(value=retained, people=Count("mentor", distinct=True))
        .order_by("cycle")
    )

    def share(rows, label_of):
        out = []
        for r in rows:
            label = label_of(r)
            if label is None:
                continue
            value = round(100 * r["value"] / r["people"]) if r["people"] else None
            out.append((label, _shown(value, r["people"])))
        return out

    value = round(100 * total["value"] / total["people"]) if total["people"] else None
    return ResultSeries(
        key="mentors_retained",
        title=_("Mentors still with the company"),
        total=_shown(value, total["people"]),
        by_group=share(by_plant, lambda r: labels["plant"].get(r["mentor__plant"]))
        + share(by_cycle, lambda r: labels["cycle"].get(r["cycle"])),
        unit="%",
    )


def compute(filters):
    """Every figure of the dashboard: mentoring's own, then the upper apps' providers."""
    labels = _labels()
    series = [
        active_pairs(filters, labels),
        meetings_per_month(filters, labels),
        *feedback_averages(filters, labels),
        ideas_implemented(filters, labels),
        mentors_retained(filters, labels),
    ]
    for provider in providers():
        series.extend(provider(filters) or [])
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
