"""The small-group rule, applied in one place to every aggregate a person's data feeds.

Statistical agencies protect a table in two steps, and so does this module:

* **primary suppression** — a cell over fewer than ``MIN_GROUP_SIZE`` distinct people is
  hidden (:func:`group_is_reportable`);
* **complementary (secondary) suppression** — a hidden cell must not be recoverable by
  subtraction. In every partition of a figure (by plant, by cycle, by month…) the hidden
  cells together must cover ``MIN_GROUP_SIZE`` people or more, or the total must be hidden;
  otherwise the next-smallest visible cell is hidden too. A part that is never displayed
  (pairs without a plant, ideas older than the months shown) counts as hidden, with its
  own people. When the total is hidden, each partition keeps at least one hidden cell, so
  the total cannot be rebuilt as the sum of the parts.
* **across filters** — a figure shown for one plant or one cycle is a cell of the figure
  without that filter (:func:`reconcile`): it is hidden whenever that cell is hidden, and
  each of its cells is hidden when the rest of the unfiltered cell («the other plants»)
  is a small group.

Views never apply the threshold themselves: they build :class:`Cell` objects with the
distinct people behind each value and call :func:`protect` (the HR results, upper apps'
result providers) or :func:`protect_table` (the skills matrix summary).
"""

from dataclasses import dataclass, field

from django.conf import settings


def min_group_size():
    return settings.MIN_GROUP_SIZE


def group_is_reportable(count):
    """An aggregate over ``count`` distinct people may be shown only from ``MIN_GROUP_SIZE``."""
    return count >= settings.MIN_GROUP_SIZE


@dataclass
class Cell:
    """One figure of a table: its value, the distinct people behind it, where it sits."""

    value: object
    people: int
    dimension: str = ""
    key: object = None
    label: str = ""
    displayed: bool = True
    hidden: bool = False

    @property
    def shown(self):
        return None if self.hidden else self.value


def _sensitive(cell):
    return cell.people > 0 and not group_is_reportable(cell.people)


def _number(value):
    return value if isinstance(value, int | float) else 0


def _hide_next(part):
    candidates = [c for c in part if not c.hidden and c.people > 0]
    if not candidates:
        return False
    smallest = min(candidates, key=lambda c: (c.people, _number(c.value)))
    smallest.hidden = True
    return True


def suppress(total, partitions):
    """Primary and complementary suppression of ``total`` and its ``partitions`` in place.

    ``partitions`` is a list of lists of :class:`Cell`, each list splitting the total one
    way. Returns ``total`` for convenience.
    """
    cells = [c for part in partitions for c in part]
    # a total over nobody says nothing useful and is hidden like a small group
    if not group_is_reportable(total.people):
        total.hidden = True
    for cell in cells:
        if not cell.displayed or _sensitive(cell):
            cell.hidden = True
    changed = True
    while changed:
        changed = False
        for part in partitions:
            hidden = [c for c in part if c.hidden and c.people > 0]
            if total.hidden:
                if not hidden and any(c.people > 0 for c in part):
                    changed |= _hide_next(part)
                continue
            if hidden and not group_is_reportable(sum(c.people for c in hidden)):
                if not _hide_next(part):
                    total.hidden = True
                changed = True
    return total


@dataclass
class Table:
    """A figure before protection: a total and the partitions that split it."""

    total: Cell
    partitions: list = field(default_factory=list)

    def cells(self):
        return [c for part in self.partitions for c in part]

    def find(self, dimension, key):
        for cell in self.cells():
            if cell.dimension == dimension and cell.key == key:
                return cell
        return None


def protect_table(table):
    suppress(table.total, table.partitions)
    return table


def hide_all(table):
    table.total.hidden = True
    for cell in table.cells():
        if cell.people > 0:
            cell.hidden = True


def reconcile(table, parent, dimension, key):
    """Make a filtered ``table`` (``dimension`` = ``key``) consistent with its ``parent``.

    ``parent`` is the same figure without that filter, already protected. The filtered
    figure is the parent's cell for ``key``: hidden if that cell is hidden; each of its
    cells hidden where the parent's matching cell minus it is a small group.
    """
    own = parent.find(dimension, key)
    if own is not None and own.hidden:
        hide_all(table)
        return protect_table(table)
    pairs = [(table.total, parent.total)]
    for cell in table.cells():
        match = parent.find(cell.dimension, cell.key)
        if match is not None:
            pairs.append((cell, match))
    for cell, match in pairs:
        if cell.hidden or match.hidden:
            continue
        rest = match.people - cell.people
        if rest > 0 and not group_is_reportable(rest):
            cell.hidden = True
    return protect_table(table)
