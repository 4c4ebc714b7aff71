"""Forms for recording levels, goals and evidence; every message in plain Russian."""

from pathlib import PurePosixPath

import filetype

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from skills.models import ToolPage

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
ALLOWED_EVIDENCE_TYPES = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WebP",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
}


def _detected_type(upload):
    head = upload.read(8192)
    upload.seek(0)
    return filetype.guess(head)


def safe_evidence_name(upload):
    """The upload's name with the extension of its real content: a PNG named ``.html`` is
    stored as ``.png`` (and served as an image), never as a page a browser would run."""
    kind = _detected_type(upload)
    stem = slugify(PurePosixPath(upload.name or "").stem, allow_unicode=True)[:60] or "evidence"
    return f"{stem}.{kind.extension}"


def validate_evidence_file(upload):
    """Check size and the real type of the content (not the name) of an uploaded file."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise forms.ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_EVIDENCE_BYTES),
            },
            code="too_large",
        )
    kind = _detected_type(upload)
    if kind is None or kind.mime not in ALLOWED_EVIDENCE_TYPES:
        raise forms.ValidationError(
            _("This kind of file cannot be attached. Allowed: %(types)s."),
            params={"types": ", ".join(sorted(set(ALLOWED_EVIDENCE_TYPES.values())))},
            code="bad_type",
        )
    return upload


class LevelForm(forms.Form):
    """A level with its evidence; the scale is passed in (it is editable data)."""

    level = forms.TypedChoiceField(label=_("Level"), coerce=int)
    evidence_text = forms.CharField(
        label=_("What shows it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("For example: built the shift report on my own at the planning meeting."),
    )
    evidence_link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    def __init__(self, *args, level_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = level_choices


class ObservationForm(LevelForm):
    """A mentor's observation of a mentee, optionally tied to a meeting and a file."""

    field_order = ["tool", "level", "evidence_text", "evidence_link", "evidence_file", "meeting"]

    tool = forms.ModelChoiceField(label=_("Tool"), queryset=ToolPage.objects.none())
    evidence_file = forms.FileField(
        label=_("File"),
        required=False,
        validators=[validate_evidence_file],
        help_text=_("PDF, image or Office document, up to 5 MB."),
    )
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None, required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tool"].queryset = ToolPage.objects.live().order_by("title")
        self.fields["meeting"].queryset = meetings

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            upload.name = safe_evidence_name(upload)
        return upload


class GoalForm(forms.Form):
    target_level = forms.TypedChoiceField(label=_("My goal for this cycle"), coerce=int)

    def __init__(self, *args, level_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_level"].choices = level_choices
