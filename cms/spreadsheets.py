"""Spreadsheets the site hands out: the one place that makes a value safe for Excel.

Every CSV and XLSX the site writes — the skills matrix, the programme results, the hours
for payroll and every export of the Wagtail admin (our view sets, Wagtail's own reports and
form submissions) — passes its cells through :func:`safe_value`:

* text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
  formula by Excel or LibreOffice (``=HYPERLINK(…)`` in an idea's title, a name typed as
  ``=1+1``); it is written as text with a leading ``'``;
* control characters that XLSX cannot hold (openpyxl refuses them: a 500) are dropped;
* numbers, dates and empty cells stay what they are, so sums and filters keep working.

CSV is written for Excel with Russian regional settings: UTF-8 with a byte-order mark, ``;``
between fields, CRLF line ends, streamed row by row. XLSX uses openpyxl's write-only mode
into a temporary file that is streamed in chunks, so memory stays flat for large exports.
"""

import csv
import datetime
import re
import tempfile
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils.encoding import force_str
from django.utils.functional import Promise

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
CHUNK_BYTES = 64 * 1024
# Characters an XLSX cell cannot hold (XML 1.0), the ones openpyxl raises on.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The longest text a cell holds in Excel.
MAX_CELL_CHARS = 32767
_KEPT_TYPES = (int, float, Decimal, datetime.date, datetime.time, datetime.timedelta)


def safe_value(value):
    """``value`` as a spreadsheet cell that can never run: formula-looking text is prefixed
    with ``'``, control characters are dropped; numbers, dates, booleans and ``None`` are
    returned unchanged."""
    if value is None or isinstance(value, (bool, *_KEPT_TYPES)):
        return value
    if isinstance(value, Promise):
        value = force_str(value)
    if not isinstance(value, str):
        value = force_str(value)
    if value.startswith(FORMULA_START):
        value = "'" + value
    value = _ILLEGAL.sub("", value)
    return value[:MAX_CELL_CHARS]


def safe_row(row):
    return [safe_value(value) for value in row]


def filename_header(filename):
    return f'attachment; filename="{filename}"'


class _Echo:
    """The file-like object ``csv.writer`` writes to: each line is returned, not stored."""

    def write(self, value):
        return value


def csv_lines(rows):
    """The CSV text of ``rows`` line by line, the byte-order mark first."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    yield BOM
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_response(rows, filename):
    """A streamed CSV download of ``rows`` (an iterable of lists, header first)."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(rows)), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = filename_header(filename)
    return response


def xlsx_cell(sheet, value, number_format=None):
    """A write-only cell holding :func:`safe_value` of ``value``; text is always text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=safe_value(value))
    if cell.data_type == "f":
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    return cell


def xlsx_response(sheets, filename):
    """A streamed XLSX download. ``sheets`` is a list of ``(title, rows)``; a row is a list
    of values or of cells made by :func:`xlsx_cell`."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(title))
        for row in rows:
            sheet.append(
                [value if isinstance(value, Cell) else xlsx_cell(sheet, value) for value in row]
            )
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the response is consumed
    workbook.save(handle)
    handle.seek(0)

    def chunks():
        try:
            while block := handle.read(CHUNK_BYTES):
                yield block
        finally:
            handle.close()

    response = StreamingHttpResponse(chunks(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = filename_header(filename)
    return response


def _sheet_title(title):
    """A worksheet title Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    text = re.sub(r"[\[\]:*?/\\]", " ", force_str(title)).strip() or "Sheet1"
    return text[:31]


def install_wagtail_export_safety():
    """Route every export of the Wagtail admin through this module.

    Wagtail's ``SpreadsheetExportMixin`` (model view sets, snippets, reports, form
    submissions) writes CSV cells raw, comma-separated, without a byte-order mark. Its cell
    formatting hook (``preprocess_field_value``) and its CSV writer are replaced here, once,
    at start-up, so no admin export can be missed by a view that forgot a mixin.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_nastavnik_safe", False):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return safe_value(original(self, field, value, export_format))

    def stream_csv(self, queryset):
        header = [self.get_heading(queryset, field) for field in self.list_export]
        writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
        yield BOM.encode("utf-8")
        yield writer.writerow(safe_row(header)).encode("utf-8")
        for item in queryset:
            row = self.to_row_dict(item)
            values = [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in row.items()
            ]
            yield writer.writerow(values).encode("utf-8")

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = filename_header(f"{self.get_filename()}.csv")
        return response

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.stream_csv = stream_csv
    SpreadsheetExportMixin.write_csv_response = write_csv_response
    SpreadsheetExportMixin._nastavnik_safe = True
