"""«Кто смотрел мои записи»: each person sees who read their records and when."""

from django.core.paginator import Paginator
from django.shortcuts import render

from mentoring import access, audit
from mentoring.models import RecordAccess


def my_access_log(request):
    """`/my/access-log/`: reads of my records by others and exports that named me.

    Why: the programme promises that what a person shares stays with the people it was
    shared with; the log lets the person check that promise themselves.
    """
    me = access.participant_of(request.user)
    rows = RecordAccess.objects.none()
    if me is not None:
        rows = RecordAccess.objects.filter(subject=me).select_related("actor")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.what_label = audit.what_label(row.what)
    return render(request, "mentoring/my_access_log.html", {"page_obj": page, "me": me})
