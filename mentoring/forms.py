"""Forms people fill in about themselves."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from cms import limits
from mentoring.models import Feedback, Idea, Meeting, Nomination, Participant, SupportIssue


class ConsentForm(forms.ModelForm):
    """The mentee's own switch: may HR see my progress by name?"""

    class Meta:
        model = Participant
        fields = ["consent_to_share"]
        labels = {"consent_to_share": _("Show my progress to HR by name")}


def _tool_queryset():
    """Live tools of the catalogue, reached through the lazy relation (no skills import)."""
    model = Meeting.tools.field.related_model
    qs = model.objects.all()
    if hasattr(qs, "live"):
        qs = qs.live()
    return qs.order_by("title")


class MeetingForm(forms.ModelForm):
    """A pair member logs a meeting: date, minutes, tools, topics and private notes."""

    tools = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Tools worked on"),
    )

    class Meta:
        model = Meeting
        fields = ["held_on", "duration_minutes", "tools", "topics_requested", "private_notes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "topics_requested": forms.Textarea(attrs={"rows": 3}),
            "private_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, pair=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = pair
        if pair is not None:
            self.instance.pair = pair
        self.fields["tools"].queryset = _tool_queryset()
        self.fields["duration_minutes"].min_value = 5

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > datetime.date.today():
            raise forms.ValidationError(_("A meeting can be logged only once it has taken place."))
        return held_on

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if not 5 <= minutes <= 480:
            raise forms.ValidationError(_("Give the duration in minutes, from 5 to 480."))
        return minutes


class TopicRequestForm(forms.Form):
    """The mentee asks for a topic for the next meeting."""

    text = forms.CharField(
        label=_("What would you like to work on next time?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FeedbackForm(forms.ModelForm):
    """Three short questions after a meeting, the same for both sides."""

    class Meta:
        model = Feedback
        fields = ["usefulness", "equal_dialogue", "what_to_change"]
        widgets = {
            "usefulness": forms.RadioSelect,
            "equal_dialogue": forms.RadioSelect,
            "what_to_change": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "usefulness": _("How useful was the meeting? (1 — not at all, 5 — very)"),
            "equal_dialogue": _("Did it feel like an equal dialogue? (1 — not at all, 5 — fully)"),
        }


class IssueForm(forms.ModelForm):
    """A private message to the curator: the other side of the pair will not see it."""

    class Meta:
        model = SupportIssue
        fields = ["subject", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class IssueNoteForm(forms.Form):
    """The curator's working note and, optionally, a new status."""

    status = forms.ChoiceField(label=_("Status"), choices=())
    text = forms.CharField(
        label=_("Note (only you and HR admins see it)"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = SupportIssue.Status.choices


class NominationForm(forms.ModelForm):
    """Self-nomination or a recommendation of a colleague as a mentor.

    ``token`` is rendered with the form: posting the same form twice creates one nomination.
    """

    colleague_email = forms.EmailField(
        label=_("Colleague's work e-mail"),
        required=False,
        help_text=_("Only for a recommendation: the e-mail of the colleague you recommend."),
    )
    token = forms.UUIDField(widget=forms.HiddenInput)
    tools = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Tools they can teach"),
    )

    class Meta:
        model = Nomination
        fields = [
            "kind",
            "digital_literacy",
            "systems_thinking",
            "expertise",
            "communication",
            "motivation",
            "tools",
            "statement",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "digital_literacy": forms.RadioSelect,
            "systems_thinking": forms.RadioSelect,
            "expertise": forms.RadioSelect,
            "communication": forms.RadioSelect,
            "motivation": forms.RadioSelect,
            "statement": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, nominator=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominator = nominator
        self.fields["tools"].queryset = _tool_queryset()

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == Nomination.Kind.RECOMMENDATION:
            email = data.get("colleague_email")
            if not email:
                self.add_error("colleague_email", _("Give the e-mail of the colleague."))
                return data
            nominee = (
                Participant.objects.filter(user__email__iexact=email).select_related("user").first()
            )
            if nominee is None:
                self.add_error(
                    "colleague_email", _("Nobody in the programme has this e-mail address.")
                )
                return data
            if nominee.pk == self.nominator.pk:
                self.add_error(
                    "colleague_email",
                    _("This is your own address: choose self-nomination instead."),
                )
                return data
            self.instance.nominee = nominee
        elif kind == Nomination.Kind.SELF:
            self.instance.nominee = self.nominator
        nominee = getattr(self.instance, "nominee", None)
        if (
            nominee is not None
            and Nomination.objects.filter(
                nominator=self.nominator, nominee=nominee, status=Nomination.Status.SUBMITTED
            )
            .exclude(token=data.get("token"))
            .exists()
        ):
            raise forms.ValidationError(
                _("You have already nominated this person; HR is reviewing it.")
            )
        return data


class IdeaForm(forms.ModelForm):
    """Anyone in the programme proposes an improvement."""

    class Meta:
        model = Idea
        fields = ["title", "description", "pair"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, pairs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pair"].queryset = pairs
        self.fields["pair"].required = False


class ImportUploadForm(forms.Form):
    """The HR spreadsheet of participants (XLSX or CSV)."""

    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_(
            "Columns: full name, e-mail, personnel number, plant, department, position, role."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not (name.endswith(".xlsx") or name.endswith(".csv")):
            raise forms.ValidationError(_("Upload an XLSX or CSV file."))
        return upload
