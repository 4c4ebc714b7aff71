"""`/programme/results/`: the programme's results for HR, as aggregates only."""

import io

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _

from mentoring import access, reporting
from mentoring.models import Cycle, Plant


def _require_hr(request):
    if not access.is_hr(request.user):
        raise PermissionDenied


def results(request):
    """Charts and tables of the programme's figures, filtered by cycle and plant.

    HR roles only (403 for everyone else); every group below ``MIN_GROUP_SIZE`` is hidden.
    """
    _require_hr(request)
    filters = reporting.filters_from(request.GET)
    series = reporting.compute(filters)
    return render(
        request,
        "mentoring/results.html",
        {
            "series": [{"series": s, "chart": reporting.chart(s)} for s in series],
            "filters": filters,
            "cycles": Cycle.objects.all(),
            "plants": Plant.objects.all(),
            "min_group_size": access.min_group_size(),
            "query": request.GET.urlencode(),
        },
    )


def results_xlsx(request):
    """The same figures as a spreadsheet, streamed in chunks."""
    _require_hr(request)
    from openpyxl import Workbook

    filters = reporting.filters_from(request.GET)
    series = reporting.compute(filters)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Results"))
    too_small = _("group too small")
    for s in series:
        sheet.append([str(s.title)])
        sheet.append([_("Total"), too_small if s.total is None else s.total, s.unit_text])
        for month, value in s.by_month.items():
            sheet.append([formats.date_format(month, "F Y"), too_small if value is None else value])
        for label, value in s.by_group:
            sheet.append([str(label), too_small if value is None else value])
        sheet.append([])
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()

    def chunks(size=64 * 1024):
        for start in range(0, len(data), size):
            yield data[start : start + size]

    response = StreamingHttpResponse(
        chunks(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="programme-results.xlsx"'
    return response
