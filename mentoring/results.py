"""Programme results that other apps contribute to the HR dashboard.

``mentoring`` sits below ``skills`` and ``curricula`` and may not import them, yet the HR
dashboard (`/programme/results/`) shows their figures too (level-ups per month, tools
mastered). Upper apps register a provider with the Wagtail hook ``RESULTS_HOOK`` in their
``wagtail_hooks.py``; the dashboard calls each provider with the dashboard's filters.

A provider is ``provider(filters: ResultFilters) -> list[ResultSeries]``. It must apply the
confidentiality rule itself: any value computed over fewer than ``MIN_GROUP_SIZE`` distinct
people is returned as ``None`` (shown as "group too small").
"""

import datetime
from dataclasses import dataclass, field

from wagtail import hooks

RESULTS_HOOK = "nastavnik_programme_results"


@dataclass(frozen=True)
class ResultFilters:
    """The dashboard's current filters: an optional cycle and plant, and the months shown."""

    months: tuple[datetime.date, ...]  # first day of each month, oldest first
    cycle_id: int | None = None
    plant_id: int | None = None


@dataclass
class ResultSeries:
    """One named figure: a value per month, optionally a total and a table by group."""

    key: str
    title: str
    by_month: dict[datetime.date, int | None] = field(default_factory=dict)
    total: int | float | None = None
    # rows of (group label, value or None if the group is below MIN_GROUP_SIZE)
    by_group: list[tuple[str, int | float | None]] = field(default_factory=list)
    unit: str = ""


def providers():
    """The results providers upper apps registered with ``RESULTS_HOOK``."""
    return hooks.get_hooks(RESULTS_HOOK)
