"""What an admin spreadsheet export prints in each cell: what the screen shows.

Wagtail's export writes a model's raw values: choice codes (``active``, ``self``,
``waiting_list``), ``True``/``False`` and times in UTC (9:26 where the screen says 12:26).
:func:`readable_row` turns each value into what a person reads on the screen: the choice's
label, «да»/«нет», the local time (``settings.TIME_ZONE``), and in CSV the Russian date
format. How the file is written (encoding, separator, formula safety) is not decided here.
"""

import datetime
from collections import OrderedDict

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.coreutils import multigetattr

CSV_DATE = "%d.%m.%Y"
CSV_DATETIME = "%d.%m.%Y %H:%M"


def _choice_label(item, path, value):
    owner, _dot, name = path.rpartition(".")
    owner = multigetattr(item, owner) if owner else item
    meta = getattr(owner, "_meta", None)
    if meta is None or value in (None, ""):
        return value
    try:
        field = meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if not getattr(field, "choices", None):
        return value
    return str(dict(field.flatchoices).get(value, value))


def readable(value, export_format):
    """One value as the screen shows it; ``export_format`` is ``"csv"`` or ``"xlsx"``."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)  # to settings.TIME_ZONE
        return value.strftime(CSV_DATETIME) if export_format == "csv" else value
    if isinstance(value, datetime.date):
        return value.strftime(CSV_DATE) if export_format == "csv" else value
    return value


def readable_row(view, item):
    """Wagtail's ``to_row_dict`` with each value made readable (see the module docstring)."""
    export_format = view.request.GET.get("export", "csv") if view.request else "csv"
    row = OrderedDict()
    for path in view.list_export:
        value = multigetattr(item, path)
        value = _choice_label(item, path, value)
        row[path] = readable(value, export_format)
    return row


def install():
    """Every admin export (model and snippet listings, reports) writes readable values."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    SpreadsheetExportMixin.to_row_dict = readable_row
