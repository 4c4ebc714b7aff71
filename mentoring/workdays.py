"""Working days by the Russian production calendar.

The calendar is the maintained ``holidays`` library (``RU``: public holidays, and the
government's yearly transfers of days off, including Saturdays made working days), corrected
by the days HR enters in the admin (:class:`~mentoring.models.CalendarDay`), which always
win. Nothing here is a hard-coded list of dates.
"""

import datetime
from functools import lru_cache

import holidays

from mentoring.models import CalendarDay

# Labour Code, art. 351.8: either side may end mentoring early with three working days' notice.
NOTICE_WORKING_DAYS = 3


@lru_cache(maxsize=16)
def _library_year(year):
    return holidays.country_holidays("RU", years=year, language="ru")


def library_is_working_day(day):
    """The library's answer alone: weekends, holidays and transfers for ``day``'s year."""
    return _library_year(day.year).is_working_day(day)


def holiday_name(day):
    """The library's name of the holiday on ``day`` (Russian), or ``""``."""
    return _library_year(day.year).get(day, "") or ""


def corrections(start, end):
    """``{date: is_working}`` HR entered between ``start`` and ``end`` (one query)."""
    return dict(
        CalendarDay.objects.filter(day__range=(start, end)).values_list("day", "is_working")
    )


def is_working_day(day, overrides=None):
    """Is ``day`` a working day: HR's correction if there is one, else the library's."""
    if overrides is None:
        overrides = corrections(day, day)
    if day in overrides:
        return overrides[day]
    return library_is_working_day(day)


def add_working_days(day, count):
    """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
    found = 0
    window_start = day
    window_end = day + datetime.timedelta(days=count * 3 + 21)
    overrides = corrections(window_start, window_end)
    current = day
    while found < count:
        current += datetime.timedelta(days=1)
        if current > window_end:
            window_start, window_end = current, current + datetime.timedelta(days=60)
            overrides = corrections(window_start, window_end)
        if is_working_day(current, overrides):
            found += 1
    return current


def earliest_early_end(notice_on):
    """The first day an early ending with notice given on ``notice_on`` may take effect."""
    return add_working_days(notice_on, NOTICE_WORKING_DAYS)
