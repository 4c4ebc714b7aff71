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
    # For a count: ``ngettext_lazy("pair", "pairs")``; the total picks the Russian form
    # («1 пара», «2 пары», «9 пар»), which one ``unit`` cannot.
    count_unit: object = None

    @property
    def unit_text(self):
        """The unit as printed after the total."""
        if self.count_unit is not None and isinstance(self.total, int):
            return self.count_unit % self.total
        if self.count_unit is not None and not self.unit:
            return self.count_unit % 5
        return str(self.unit)


def providers():
    """The results providers upper apps registered with ``RESULTS_HOOK``."""
    return hooks.get_hooks(RESULTS_HOOK)
