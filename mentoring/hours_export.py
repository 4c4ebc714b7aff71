"""The payroll files of mentoring hours: a flat CSV for 1С:ЗУП and an XLSX workbook.

Every value goes through :func:`cell`, that is the project's spreadsheet-safety module
(:mod:`cms.spreadsheets`: a leading ``=``, ``+``, ``-``, ``@`` would start a formula).

The CSV is what 1С:ЗУП's «Загрузка данных из файла» reads without settings: UTF-8 with a
byte-order mark (1С and Excel both detect the encoding from it; Windows-1251 is offered for
older set-ups), ``;`` between fields, a decimal comma, dates as ``ДД.ММ.ГГГГ``, CRLF line
ends. One line per mentor and pair: personnel number, name, period, hours, pair.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from cms.spreadsheets import safe_value as cell

ENCODINGS = {"utf-8": "utf-8-sig", "cp1251": "cp1251"}


def header():
    return [
        _("Personnel number"),
        _("Full name"),
        _("Period"),
        _("Hours"),
        _("Pair code"),
        _("Pair"),
        _("Meetings"),
    ]


def values(row):
    """The typed values of one report row, in the order of :func:`header`."""
    return [
        row.personnel_number,
        row.mentor_name,
        row.month,
        row.hours,
        row.pair_id,
        row.pair_label,
        row.meetings,
    ]


def _csv_text(value):
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def csv_bytes(rows, encoding="utf-8"):
    """The 1С:ЗУП file of ``rows`` as bytes in ``encoding`` (``utf-8`` or ``cp1251``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(v) for v in header()])
    for row in rows:
        writer.writerow([cell(_csv_text(v)) for v in values(row)])
    return buffer.getvalue().encode(ENCODINGS.get(encoding, "utf-8-sig"), errors="replace")


def xlsx_bytes(rows, title):
    """The same rows as an XLSX workbook, numbers as numbers and dates as dates."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append([cell(v) for v in header()])
    for row in rows:
        line = []
        for value in values(row):
            item = WriteOnlyCell(sheet, value=cell(value))
            if item.data_type == "f":
                item.data_type = "s"
            if isinstance(value, datetime.date):
                item.number_format = "MM.YYYY"
            elif isinstance(value, Decimal):
                item.number_format = "0.00"
            line.append(item)
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
