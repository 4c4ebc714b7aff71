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
between fields, CRLF line ends, streamed row by row. XLSX is written by :func:`xlsx_chunks`,
a small writer of its own that streams the ZIP package as rows are made (openpyxl's
write-only mode spent ~50 µs a cell in its pure-Python XML writer: minutes for a
holding-wide matrix); memory stays flat whatever the number of rows.
"""

import csv
import datetime
import math
import re
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.functional import Promise

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
# Characters an XLSX cell cannot hold (XML 1.0): the controls openpyxl raised on, lone
# surrogates (no UTF-8 for them) and the two non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
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


# The package parts around the sheets; styles give dates and times a number format.
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{sheets}</sheets></workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{sheets}"
    '<Relationship Id="rIdStyles" Target="styles.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/styles"/></Relationships>'
)
_SHEET_REL = (
    '<Relationship Id="rId{n}" Target="worksheets/sheet{n}.xml" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
)
# Cell formats by index: 0 general, 1 date, 2 date and time, 3 time, 4 a duration in hours.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm"/>'
    '<numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
_SHEET_END = "</sheetData></worksheet>"
_EPOCH = datetime.datetime(1899, 12, 30)
# Characters of sheet XML gathered before they are compressed and handed to the response.
_BATCH_CHARS = 256 * 1024


def _column_letters(index):
    """``0`` → ``A``, ``26`` → ``AA``: the column part of a cell reference."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _serial(value):
    """A date, time or duration as Excel's serial number and the style index that shows it."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return (value - _EPOCH).total_seconds() / 86400, 2
    if isinstance(value, datetime.date):
        return (value - _EPOCH.date()).days, 1
    if isinstance(value, datetime.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400, 3
    return value.total_seconds() / 86400, 4


def _cell_xml(ref, value):
    """One ``<c>`` element for :func:`safe_value` of a value; empty for an empty cell.

    Text is always written as text (``inlineStr``), never as a formula."""
    value = safe_value(value)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, Decimal)) or (isinstance(value, float) and math.isfinite(value)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        number, style = _serial(value)
        return f'<c r="{ref}" s="{style}"><v>{number!r}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


class _Buffer:
    """The unseekable file ``zipfile`` writes the package to; read out after each batch."""

    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data, self.parts = b"".join(self.parts), []
        return data


def xlsx_chunks(sheets):
    """The bytes of an XLSX workbook of ``sheets`` (``(title, rows)``; a row is a list of
    values), yielded while the rows are read, so the whole file is never in memory."""
    buffer = _Buffer()
    titles = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as book:
        for number, (title, rows) in enumerate(sheets, start=1):
            titles.append(_sheet_title(title))
            with book.open(f"xl/worksheets/sheet{number}.xml", "w") as sheet:
                sheet.write(_SHEET_START.encode())
                letters = []
                batch, batch_chars = [], 0
                for row_number, row in enumerate(rows, start=1):
                    while len(letters) < len(row):
                        letters.append(_column_letters(len(letters)))
                    cells = "".join(
                        _cell_xml(f"{letters[i]}{row_number}", v) for i, v in enumerate(row)
                    )
                    batch.append(f'<row r="{row_number}">{cells}</row>')
                    batch_chars += len(cells)
                    if batch_chars >= _BATCH_CHARS:
                        sheet.write("".join(batch).encode())
                        batch, batch_chars = [], 0
                        if data := buffer.take():
                            yield data
                sheet.write(("".join(batch) + _SHEET_END).encode())
            if data := buffer.take():
                yield data
        n = range(1, len(titles) + 1)
        book.writestr(
            "[Content_Types].xml",
            _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=i) for i in n)),
        )
        book.writestr("_rels/.rels", _ROOT_RELS)
        sheet_tags = "".join(
            f'<sheet name={quoteattr(t)} sheetId="{i}" r:id="rId{i}"/>'
            for i, t in enumerate(titles, start=1)
        )
        book.writestr("xl/workbook.xml", _WORKBOOK.format(sheets=sheet_tags))
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(sheets="".join(_SHEET_REL.format(n=i) for i in n)),
        )
        book.writestr("xl/styles.xml", _STYLES)
    yield buffer.take()


def xlsx_response(sheets, filename):
    """A streamed XLSX download. ``sheets`` is a list of ``(title, rows)``; a row is a list
    of values (text, numbers, dates, ``None``), each written through :func:`safe_value`."""
    response = StreamingHttpResponse(xlsx_chunks(sheets), content_type=XLSX_CONTENT_TYPE)
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
