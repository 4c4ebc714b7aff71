"""Mentoring hours for HR and payroll: the monthly report, its files, closing the month."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from mentoring import access, audit, hours, hours_export
from mentoring.models import HoursEntry, HoursMonth


def _default_month():
    return hours.month_start(timezone.localdate()) - datetime.timedelta(days=1)


def _month_of(request):
    return hours.parse_month(request.GET.get("month"), hours.month_start(_default_month()))


class AdjustColumn(Column):
    """A link to correct a frozen line of a closed month."""

    def get_value(self, instance):
        if instance.entry_id is None:
            return ""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("mentoring_hours_adjust", args=[instance.entry_id]),
            _("Correct"),
        )


class HoursReportView(ReportView):
    """Hours per mentor and pair for one month: live while open, frozen once closed.

    Export as XLSX (Wagtail's spreadsheet export) or as the 1С:ЗУП CSV.
    """

    page_title = gettext_lazy("Mentoring hours")
    template_name = "mentoring/admin/hours_report.html"
    index_url_name = "mentoring_hours"
    index_results_url_name = "mentoring_hours_results"
    header_icon = "time"
    paginate_by = 100
    list_export = [
        "personnel_number",
        "mentor_name",
        "period",
        "hours",
        "pair_id",
        "pair_label",
        "meetings",
    ]
    export_headings = {
        "personnel_number": gettext_lazy("Personnel number"),
        "mentor_name": gettext_lazy("Full name"),
        "period": gettext_lazy("Period"),
        "hours": gettext_lazy("Hours"),
        "pair_id": gettext_lazy("Pair code"),
        "pair_label": gettext_lazy("Pair"),
        "meetings": gettext_lazy("Meetings"),
    }
    base_columns = [
        Column("personnel_number", label=gettext_lazy("Personnel number")),
        Column("mentor_name", label=gettext_lazy("Mentor")),
        Column("mentee_name", label=gettext_lazy("Mentee")),
        Column("cycle_name", label=gettext_lazy("Cycle")),
        Column("meetings", label=gettext_lazy("Meetings")),
        Column("meeting_minutes", label=gettext_lazy("Meetings, minutes")),
        Column("preparation_minutes", label=gettext_lazy("Preparation, minutes")),
        Column("hours", label=gettext_lazy("Hours")),
        Column("note", label=gettext_lazy("Correction")),
    ]

    @cached_property
    def columns(self):
        if access.is_hr_admin(self.request.user):
            return [*self.base_columns, AdjustColumn("adjust", label="")]
        return self.base_columns

    def dispatch(self, request, *args, **kwargs):
        if not access.is_hr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"mentoring-hours-{self.month:%Y-%m}"

    @property
    def month(self):
        return _month_of(self.request)

    def get_queryset(self):
        return hours.rows(self.month)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.record_export(self.request.user, "mentoring_hours", people=len(queryset))
        if spreadsheet_format == self.FORMAT_XLSX:
            data = hours_export.xlsx_bytes(queryset, _("Mentoring hours"))
            response = HttpResponse(
                data,
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.xlsx"'
            return response
        return _payroll_csv(self.month, queryset, "utf-8")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = self.month
        record = HoursMonth.objects.filter(month=month).select_related("closed_by").first()
        rows = self.object_list
        context.update(
            {
                "month": month,
                "month_value": f"{month:%Y-%m}",
                "record": record,
                "closed": bool(record and record.is_closed),
                "can_close": access.is_hr_admin(self.request.user),
                "month_ended": hours.month_end(month) < timezone.localdate(),
                "total_hours": hours.hours(sum(r.minutes for r in rows)),
                "csv_url": reverse("mentoring_hours_csv") + f"?month={month:%Y-%m}",
            }
        )
        return context


def _payroll_csv(month, rows, encoding):
    data = hours_export.csv_bytes(rows, encoding=encoding)
    charset = "windows-1251" if encoding == "cp1251" else "utf-8"
    response = HttpResponse(data, content_type=f"text/csv; charset={charset}")
    response["Content-Disposition"] = f'attachment; filename="mentoring-hours-{month:%Y-%m}.csv"'
    return response


def payroll_csv(request):
    """The flat file 1С:ЗУП loads: personnel number; name; period; hours; pair."""
    if not access.is_hr(request.user):
        raise PermissionDenied
    month = _month_of(request)
    rows = hours.rows(month)
    audit.record_export(request.user, "mentoring_hours_1c", people=len(rows))
    encoding = "cp1251" if request.GET.get("encoding") == "cp1251" else "utf-8"
    return _payroll_csv(month, rows, encoding)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class AdjustForm(ReasonForm):
    hours = forms.DecimalField(
        label=gettext_lazy("Hours"), min_value=0, max_value=744, decimal_places=2, localize=True
    )


def _back(month):
    return redirect(reverse("mentoring_hours") + f"?month={month:%Y-%m}")


@require_POST
def close_month(request):
    """Close the month for payroll (HR admin only; logged)."""
    month = hours.parse_month(request.POST.get("month"))
    if month is None:
        messages.error(request, _("Choose a month."))
        return redirect("mentoring_hours")
    try:
        hours.close(month, request.user)
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The month %(month)s is closed.") % {"month": f"{month:%m.%Y}"})
    return _back(month)


@require_POST
def reopen_month(request):
    month = hours.parse_month(request.POST.get("month"))
    form = ReasonForm(request.POST)
    if month is None or not form.is_valid():
        messages.error(request, _("Give the reason why the closed month is reopened."))
        return _back(month or _default_month())
    try:
        hours.reopen(month, request.user, form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("The month %(month)s is open again.") % {"month": f"{month:%m.%Y}"}
        )
    return _back(month)


def adjust_entry(request, pk):
    """Correct one frozen line of a closed month (HR admin only; logged with the reason)."""
    if not access.is_hr_admin(request.user):
        raise PermissionDenied
    entry = get_object_or_404(HoursEntry.objects.select_related("month", "pair"), pk=pk)
    form = AdjustForm(
        request.POST or None, initial={"hours": hours.hours(entry.minutes), "reason": entry.note}
    )
    if request.method == "POST" and form.is_valid():
        minutes = int((form.cleaned_data["hours"] * 60).to_integral_value())
        try:
            hours.adjust(entry, minutes, form.cleaned_data["reason"], request.user)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The correction is saved and logged."))
            return _back(entry.month.month)
    return render(request, "mentoring/admin/hours_adjust.html", {"entry": entry, "form": form})
