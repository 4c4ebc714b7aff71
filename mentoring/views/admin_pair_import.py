"""HR forms a cycle's pairs from a spreadsheet; each row obeys the pairing rules."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mentoring import importing, pair_import

MAX_BYTES = 5 * 1024 * 1024


class PairFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (XLSX or CSV)"),
        help_text=gettext_lazy(
            "Columns: Цикл, Наставник, Наставляемый, Куратор — people by personnel number."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an XLSX or CSV file."))
        return upload


def upload(request):
    """Form the pairs of the file, all or none, with row-level Russian errors."""
    if not request.user.has_perm("mentoring.add_pair"):
        raise PermissionDenied
    form = PairFileForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            rows = pair_import.read(upload_file.name, upload_file.read())
        except importing.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            created, errors = pair_import.apply(rows, by=request.user)
            if not errors:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s pair is proposed.", "%(count)s pairs are proposed.", created
                    )
                    % {"count": created},
                )
                return redirect("pairs:index")
    return render(request, "mentoring/admin/pair_import.html", {"form": form, "errors": errors})
