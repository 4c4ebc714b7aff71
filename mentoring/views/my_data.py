"""«Мои данные»: a person downloads everything the platform holds on them (152-ФЗ art. 14)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from mentoring import access, audit, personal_data


def my_data(request):
    """`/my/data/`: what is held and the download button."""
    me = access.participant_of(request.user)
    titles = [str(s.title) for s in personal_data.sections(me)] if me else []
    return render(request, "mentoring/my_data.html", {"me": me, "titles": titles})


def my_data_zip(request):
    """`/my/data.zip`: the archive (an XLSX and the evidence files), the person's own only."""
    me = access.participant_of(request.user)
    if me is None:
        raise Http404
    data = personal_data.archive(me)
    audit.record_export(request.user, "personal_data", people=1, subject=me)
    response = HttpResponse(data, content_type="application/zip")
    name = f"my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
