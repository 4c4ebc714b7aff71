"""HR admins see every export of personal data (who, what, how many people, when)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from mentoring import access
from mentoring.models import RecordAccess


class ExportsReportView(ReportView):
    """`/admin/personal-data-exports/`: the access log's exports, newest first.

    Why: an export leaves the platform's access rules behind; HR admins answer for where
    personal data went, so each file handed out is listed here (mentoring/audit.py).
    """

    page_title = gettext_lazy("Exports of personal data")
    index_url_name = "personal_data_exports"
    index_results_url_name = "personal_data_exports_results"
    header_icon = "download"
    paginate_by = 50
    columns = [
        DateColumn("last_at", label=gettext_lazy("When")),
        Column("actor", label=gettext_lazy("Who")),
        Column("what", label=gettext_lazy("What")),
        Column("detail", label=gettext_lazy("Detail")),
        Column("people", label=gettext_lazy("People in the export")),
        Column("subject", label=gettext_lazy("Whose records")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not access.is_hr_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return RecordAccess.objects.filter(action=RecordAccess.Action.EXPORT).select_related(
            "actor", "subject__user"
        )
