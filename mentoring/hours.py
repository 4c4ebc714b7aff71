"""Mentoring hours per mentor per month, derived from the logged meetings.

A pair's hours in a month are the minutes of its meetings held that month, plus the cycle's
preparation time per meeting if the cycle counts it. An open month is read live; closing it
(an HR admin) freezes the figures for payroll as :class:`~mentoring.models.HoursEntry`
rows. A closed month changes only by an HR admin — reopening it, or correcting one entry
with a reason — and every such change goes into Wagtail's audit log.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from mentoring import access
from mentoring.models import HoursEntry, HoursMonth, Meeting

CLOSE_ACTION = "nastavnik.hours.close"
REOPEN_ACTION = "nastavnik.hours.reopen"
ADJUST_ACTION = "nastavnik.hours.adjust"


def month_start(day):
    return day.replace(day=1)


def month_end(month):
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def parse_month(value, default=None):
    """``"2026-10"`` → 1 October 2026; anything unreadable → ``default``."""
    try:
        year, month = (int(part) for part in (value or "").split("-")[:2])
        return datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return default


def hours(minutes):
    """Minutes as hours with two decimals, rounded half up (payroll's convention)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class HoursRow:
    """One line of the report: a mentor's hours with one mentee in one month."""

    month: datetime.date
    pair_id: int
    mentor_id: int
    personnel_number: str
    mentor_name: str
    mentee_name: str
    cycle_name: str
    meetings: int
    meeting_minutes: int
    preparation_minutes: int
    minutes: int
    note: str = ""
    entry_id: int | None = None

    @property
    def hours(self):
        return hours(self.minutes)

    @property
    def period(self):
        return self.month.strftime("%m.%Y")

    @property
    def pair_label(self):
        return f"{self.mentor_name} — {self.mentee_name}"


def _full_name(last, first, patronymic, fallback=""):
    return " ".join(p for p in (last, first, patronymic) if p) or fallback


def live_rows(month):
    """Rows of ``month`` computed from the meetings, one query, ordered by mentor."""
    month = month_start(month)
    prefix_mentor, prefix_mentee = "pair__mentor__user__", "pair__mentee__user__"
    found = (
        Meeting.objects.filter(held_on__range=(month, month_end(month)))
        .values(
            "pair_id",
            "pair__mentor_id",
            "pair__mentor__personnel_number",
            f"{prefix_mentor}last_name",
            f"{prefix_mentor}first_name",
            f"{prefix_mentor}patronymic",
            f"{prefix_mentor}username",
            f"{prefix_mentee}last_name",
            f"{prefix_mentee}first_name",
            f"{prefix_mentee}patronymic",
            f"{prefix_mentee}username",
            "pair__cycle__name",
            "pair__cycle__preparation_minutes",
        )
        .annotate(count=Count("pk"), total=Sum("duration_minutes"))
        .order_by(f"{prefix_mentor}last_name", f"{prefix_mentor}first_name", "pair_id")
    )
    rows = []
    for item in found:
        preparation = item["count"] * (item["pair__cycle__preparation_minutes"] or 0)
        rows.append(
            HoursRow(
                month=month,
                pair_id=item["pair_id"],
                mentor_id=item["pair__mentor_id"],
                personnel_number=item["pair__mentor__personnel_number"] or "",
                mentor_name=_full_name(
                    item[f"{prefix_mentor}last_name"],
                    item[f"{prefix_mentor}first_name"],
                    item[f"{prefix_mentor}patronymic"],
                    item[f"{prefix_mentor}username"],
                ),
                mentee_name=_full_name(
                    item[f"{prefix_mentee}last_name"],
                    item[f"{prefix_mentee}first_name"],
                    item[f"{prefix_mentee}patronymic"],
                    item[f"{prefix_mentee}username"],
                ),
                cycle_name=item["pair__cycle__name"],
                meetings=item["count"],
                meeting_minutes=item["total"] or 0,
                preparation_minutes=preparation,
                minutes=(item["total"] or 0) + preparation,
            )
        )
    return rows


def closed_month(month):
    return HoursMonth.objects.filter(month=month_start(month), closed_at__isnull=False).first()


def is_closed(day):
    """Is the month of ``day`` closed for payroll?"""
    return HoursMonth.objects.filter(month=month_start(day), closed_at__isnull=False).exists()


def rows(month):
    """The report of ``month``: frozen entries once closed, else live from the meetings."""
    closed = closed_month(month)
    if closed is None:
        return live_rows(month)
    return [
        HoursRow(
            month=closed.month,
            pair_id=e.pair_id,
            mentor_id=e.mentor_id,
            personnel_number=e.personnel_number,
            mentor_name=e.mentor_name,
            mentee_name=e.mentee_name,
            cycle_name=e.pair.cycle.name,
            meetings=e.meetings,
            meeting_minutes=e.meeting_minutes,
            preparation_minutes=e.preparation_minutes,
            minutes=e.minutes,
            note=e.note,
            entry_id=e.pk,
        )
        for e in closed.entries.select_related("pair__cycle").order_by("mentor_name", "pair_id")
    ]


def _require_hr_admin(user):
    if not access.is_hr_admin(user):
        raise PermissionDenied(_("Only an HR admin changes a closed month of mentoring hours."))


def close(month, by):
    """Freeze ``month`` for payroll (HR admin only); returns the :class:`HoursMonth`."""
    _require_hr_admin(by)
    month = month_start(month)
    if month_end(month) >= timezone.localdate():
        raise ValidationError(_("A month can be closed only after it has ended."))
    with transaction.atomic():
        record, _created = HoursMonth.objects.select_for_update().get_or_create(month=month)
        if record.is_closed:
            raise ValidationError(_("This month is already closed."))
        record.entries.all().delete()
        live = live_rows(month)
        HoursEntry.objects.bulk_create(
            HoursEntry(
                month=record,
                pair_id=r.pair_id,
                mentor_id=r.mentor_id,
                personnel_number=r.personnel_number,
                mentor_name=r.mentor_name,
                mentee_name=r.mentee_name,
                meetings=r.meetings,
                meeting_minutes=r.meeting_minutes,
                preparation_minutes=r.preparation_minutes,
                minutes=r.minutes,
            )
            for r in live
        )
        record.closed_at = timezone.now()
        record.closed_by = by
        record.save(update_fields=["closed_at", "closed_by"])
        log(
            instance=record,
            action=CLOSE_ACTION,
            user=by,
            data={"month": str(record), "rows": len(live), "minutes": sum(r.minutes for r in live)},
        )
    return record


def reopen(month, by, reason):
    """Open a closed month again (HR admin only, with a reason, logged)."""
    _require_hr_admin(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason why the closed month is reopened."))
    with transaction.atomic():
        record = HoursMonth.objects.select_for_update().filter(month=month_start(month)).first()
        if record is None or not record.is_closed:
            raise ValidationError(_("This month is not closed."))
        record.closed_at = None
        record.closed_by = None
        record.save(update_fields=["closed_at", "closed_by"])
        log(
            instance=record,
            action=REOPEN_ACTION,
            user=by,
            data={"month": str(record), "reason": reason[:500]},
        )
    return record


def adjust(entry, minutes, reason, by):
    """Correct one mentor's frozen minutes in a closed month (HR admin only, logged)."""
    _require_hr_admin(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for the correction."))
    if minutes < 0 or minutes > 31 * 24 * 60:
        raise ValidationError(_("Give the hours as a number from 0 to 744."))
    with transaction.atomic():
        entry = HoursEntry.objects.select_for_update().select_related("month").get(pk=entry.pk)
        if not entry.month.is_closed:
            raise ValidationError(_("This month is open: its hours follow the logged meetings."))
        before = entry.minutes
        entry.minutes = minutes
        entry.note = reason[:500]
        entry.save(update_fields=["minutes", "note"])
        log(
            instance=entry.month,
            action=ADJUST_ACTION,
            user=by,
            data={
                "month": str(entry.month),
                "mentor": entry.mentor_name,
                "pair": entry.pair_id,
                "minutes_before": before,
                "minutes_after": minutes,
                "reason": reason[:500],
            },
        )
    return entry
