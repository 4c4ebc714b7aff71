"""`/programme/results/`: the programme's results for HR, as aggregates only."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms import generations, spreadsheets
from mentoring import access, reporting
from mentoring.models import Cycle, Plant


def _require_hr(request):
    if not access.is_hr(request.user):
        raise PermissionDenied


def _figures(filters):
    """:func:`reporting.compute`, the same for every HR reader: kept in the shared cache until
    a record or the content changes (``cms.generations``), so the dashboard costs its forty
    queries once per change, not once per view."""
    parts = (filters.months[0], filters.months[-1], filters.cycle_id, filters.plant_id)
    return generations.cached(
        "programme-results",
        lambda: reporting.compute(filters),
        *parts,
        get_language(),
        scopes=(generations.CONTENT, generations.RECORDS),
    )


def results(request):
    """Charts and tables of the programme's figures, filtered by cycle and plant.

    HR roles only (403 for everyone else); every group below ``MIN_GROUP_SIZE`` is hidden.
    """
    _require_hr(request)
    filters = reporting.filters_from(request.GET)
    series = _figures(filters)
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
    filters = reporting.filters_from(request.GET)
    series = _figures(filters)

    def rows():
        too_small = _("group too small")
        for s in series:
            yield [str(s.title)]
            yield [_("Total"), too_small if s.total is None else s.total, s.unit_text]
            for month, value in s.by_month.items():
                yield [formats.date_format(month, "F Y"), too_small if value is None else value]
            for label, value in s.by_group:
                yield [str(label), too_small if value is None else value]
            yield []

    return spreadsheets.xlsx_response([(_("Results"), rows())], "programme-results.xlsx")
