"""Admin pages for HR admins: bulk import of participants and programme e-mail."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.once import submit_once
from mentoring import access, importing, tasks
from mentoring.forms import ImportUploadForm
from mentoring.models import Cycle, ImportJob, Participant

MAX_UPLOAD_BYTES = importing.MAX_FILE_BYTES


def _require_hr_admin(request):
    if not access.is_hr_admin(request.user):
        raise PermissionDenied


def upload(request):
    """Step 1: upload the spreadsheet; it is read and checked, nothing is written yet."""
    _require_hr_admin(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        if upload_file.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            try:
                rows = importing.parse(upload_file.name, upload_file.read())
            except importing.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                job = ImportJob.objects.create(
                    file_name=upload_file.name[:255],
                    created_by=request.user,
                    rows=rows,
                    errors=importing.validate(rows),
                    total=len(rows),
                )
                return redirect("participant_import_job", pk=job.pk)
    jobs = ImportJob.objects.defer("rows", "errors")[:10]
    return render(request, "mentoring/admin/import_upload.html", {"form": form, "jobs": jobs})


def job(request, pk):
    """Step 2 and 3: the preview with row errors, the confirmation, then the progress."""
    _require_hr_admin(request)
    job = get_object_or_404(ImportJob, pk=pk)
    if request.method == "POST" and job.status == ImportJob.Status.PREVIEW:
        if job.errors:
            messages.error(request, _("Fix the errors in the file and upload it again."))
        else:
            ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED)
            tasks.run_import.enqueue(job.pk)
        return redirect("participant_import_job", pk=job.pk)
    errors = Paginator(job.errors, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "mentoring/admin/import_job.html",
        {
            "job": job,
            "errors": errors,
            "preview": job.rows[:20] if job.status == ImportJob.Status.PREVIEW else [],
            "refresh": job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
        },
    )


class MassMailForm(forms.Form):
    cycle = forms.ModelChoiceField(
        label=gettext_lazy("Participants of the cycle"),
        queryset=Cycle.objects.all(),
        required=False,
        empty_label=gettext_lazy("Everyone in the programme"),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea)


@submit_once
def mass_mail(request):
    """E-mail every active participant (or a cycle's pairs) as a background task."""
    _require_hr_admin(request)
    form = MassMailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        people = Participant.objects.active()
        cycle = form.cleaned_data["cycle"]
        if cycle is not None:
            people = people.filter(pk__in=cycle.pairs.values("mentor")) | people.filter(
                pk__in=cycle.pairs.values("mentee")
            )
        ids = list(people.values_list("pk", flat=True).distinct())
        tasks.send_mass_email.enqueue(form.cleaned_data["subject"], form.cleaned_data["body"], ids)
        messages.success(
            request,
            ngettext(
                "The e-mail to %(count)s person is queued.",
                "The e-mail to %(count)s people is queued.",
                len(ids),
            )
            % {"count": len(ids)},
        )
        return redirect("programme_mass_mail")
    return render(request, "mentoring/admin/mass_mail.html", {"form": form})
