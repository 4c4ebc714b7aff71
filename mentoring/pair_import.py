"""Forming many pairs at once from a spreadsheet, by the same rules as one pair in the form.

Columns: Цикл, Наставник (табельный номер), Наставляемый (табельный номер), Куратор
(табельный номер, optional). All rows are formed in one transaction or none: a row that
breaks a rule (:mod:`mentoring.pairing`) is reported with its number and Russian message,
and the rows before it count, so two rows taking the same mentee are caught as well.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mentoring import importing, pairing
from mentoring.models import Cycle, Participant

MAX_ROWS = 5_000
HEADERS = {
    "cycle": {"цикл", "cycle"},
    "mentor": {"наставник", "табельный номер наставника", "mentor"},
    "mentee": {"наставляемый", "табельный номер наставляемого", "mentee"},
    "curator": {"куратор", "табельный номер куратора", "curator"},
}


def read(name, data):
    """Rows as dicts with their spreadsheet row number; raises ``ImportFileError``."""
    raw, _encoding = importing.read_table(name, data)
    header = [importing._normalise_header(v) for v in raw[0]]
    positions = {}
    for column, aliases in HEADERS.items():
        for index, title in enumerate(header):
            if title in aliases:
                positions[column] = index
                break
    if not {"cycle", "mentor", "mentee"} <= set(positions):
        raise importing.ImportFileError(
            _(
                "The first row must name the columns: Цикл, Наставник, Наставляемый, Куратор "
                "(people by their personnel numbers)."
            )
        )
    if len(raw) == 1:
        raise importing.no_rows_error()
    if len(raw) - 1 > MAX_ROWS:
        raise importing.ImportFileError(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        row = {"row": number}
        for column in HEADERS:
            index = positions.get(column)
            row[column] = (
                importing._clean(values[index]) if index is not None and index < len(values) else ""
            )
        rows.append(row)
    return rows


def apply(rows, by=None):
    """Form the pairs (proposed); returns ``(created, errors)``; on any error nothing is kept."""
    cycles = {c.name: c for c in Cycle.objects.exclude(status=Cycle.Status.FINISHED)}
    numbers = {r[c] for r in rows for c in ("mentor", "mentee", "curator") if r[c]}
    people = {
        p.personnel_number: p
        for p in Participant.objects.filter(personnel_number__in=numbers).select_related("user")
    }
    errors, created = [], 0
    with transaction.atomic():
        for row in rows:
            messages = []
            cycle = cycles.get(row["cycle"])
            if cycle is None:
                messages.append(
                    _("No planned or running cycle is called “%(name)s”.") % {"name": row["cycle"]}
                )
            found = {}
            for column, label in (
                ("mentor", _("mentor")),
                ("mentee", _("mentee")),
                ("curator", _("curator")),
            ):
                if not row[column]:
                    if column != "curator":
                        messages.append(
                            _("The %(who)s's personnel number is missing.") % {"who": label}
                        )
                    continue
                found[column] = people.get(row[column])
                if found[column] is None:
                    messages.append(
                        _("Nobody has the personnel number %(number)s (%(who)s).")
                        % {"number": row[column], "who": label}
                    )
            if not messages:
                try:
                    with transaction.atomic():
                        pairing.create_pair(
                            cycle=cycle,
                            mentor=found["mentor"],
                            mentee=found["mentee"],
                            curator=found.get("curator"),
                            by=by,
                        )
                    created += 1
                except ValidationError as error:
                    messages.extend(error.messages)
            if messages:
                errors.append({"row": row["row"], "messages": messages})
        if errors:
            transaction.set_rollback(True)
            created = 0
    return created, errors
