"""Programme results that other apps contribute to the HR dashboard.

``mentoring`` sits below ``skills`` and ``curricula`` and may not import them, yet the HR
dashboard (`/programme/results/`) shows their figures too (level-ups per month, tools
mastered). Upper apps register a provider with the Wagtail hook ``RESULTS_HOOK`` in their
``wagtail_hooks.py``; the dashboard calls each provider with the dashboard's filters.

A provider is ``provider(filters: ResultFilters) -> list[ResultSeries]``. It never applies
the small-group rule itself: it returns raw figures with the distinct people behind each
(:meth:`ResultSeries.from_table` over a :class:`mentoring.disclosure.Table`), and the
dashboard protects every series in one place (:mod:`mentoring.disclosure`), totals,
months, groups and other filters together.
"""

import datetime
from dataclasses import dataclass, field

from wagtail import hooks

from mentoring.disclosure import Cell, Table, protect_table

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
    # the raw figures with their people, protected by mentoring.disclosure before display
    table: Table | None = None

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

    @classmethod
    def from_table(cls, table, **fields):
        series = cls(table=protect_table(table), **fields)
        series.refresh()
        return series

    def refresh(self):
        """Fill ``total``, ``by_month`` and ``by_group`` from the (protected) table."""
        if self.table is None:
            return
        self.total = self.table.total.shown
        self.by_month = {
            c.key: (0 if c.people == 0 and not c.value else c.shown)
            for c in self.table.cells()
            if c.dimension == "month" and c.displayed
        }
        self.by_group = [
            (c.label, c.shown) for c in self.table.cells() if c.dimension != "month" and c.displayed
        ]


def month_cells(months, found, earlier=None):
    """A partition by month: ``found`` maps a month to ``(value, people)``; ``earlier`` is
    the ``(value, people)`` outside the months shown (never displayed, still protected)."""
    cells = [Cell(*found.get(m, (0, 0)), dimension="month", key=m, label=str(m)) for m in months]
    if earlier is not None and earlier[0]:
        cells.append(Cell(*earlier, dimension="month", key="earlier", displayed=False))
    return cells


def providers():
    """The results providers upper apps registered with ``RESULTS_HOOK``."""
    return hooks.get_hooks(RESULTS_HOOK)
