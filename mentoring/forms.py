"""Forms people fill in about themselves."""

import datetime

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import limits
from cms.widgets import ChoiceRadioSelect
from mentoring.models import (
    Feedback,
    Idea,
    Meeting,
    Nomination,
    Participant,
    PlannedMeeting,
    SupportIssue,
)


class ConsentForm(forms.ModelForm):
    """The person's own two switches: may HR see my progress by name? May colleagues see me
    in «whom to ask» lists? Two consents, never one for the other."""

    class Meta:
        model = Participant
        fields = ["consent_to_share", "listed_as_expert"]
        labels = {
            "consent_to_share": _("Show my progress to HR by name"),
            "listed_as_expert": _(
                "List me for all colleagues as someone to ask about the tools I know well "
                "(name, position, department, level)"
            ),
        }


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
    """Short questions after a meeting: three for both sides, two optional for the mentee.

    The mentee's two questions are about the mentor's facilitation and feedback; the mentor
    sees them only averaged over at least ``MIN_GROUP_SIZE`` answers, never per meeting.
    """

    MENTEE_ONLY = ("mentor_facilitation", "mentor_feedback")

    class Meta:
        model = Feedback
        fields = [
            "usefulness",
            "equal_dialogue",
            "mentor_facilitation",
            "mentor_feedback",
            "what_to_change",
        ]
        widgets = {
            "usefulness": ChoiceRadioSelect,
            "equal_dialogue": ChoiceRadioSelect,
            "mentor_facilitation": ChoiceRadioSelect,
            "mentor_feedback": ChoiceRadioSelect,
            "what_to_change": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "usefulness": _("How useful was the meeting? (1 — not at all, 5 — very)"),
            "equal_dialogue": _("Did it feel like an equal dialogue? (1 — not at all, 5 — fully)"),
            "mentor_facilitation": _(
                "Did the mentor let you try things yourself and ask anything? "
                "(1 — not at all, 5 — fully)"
            ),
            "mentor_feedback": _(
                "Were the mentor's remarks clear, useful and respectful? "
                "(1 — not at all, 5 — fully)"
            ),
        }

    def __init__(self, *args, side=None, **kwargs):
        super().__init__(*args, **kwargs)
        if side == Feedback.Side.MENTEE:
            hint = _(
                "Your mentor sees this only as an average over at least %(count)s answers, "
                "never for one meeting."
            ) % {"count": settings.MIN_GROUP_SIZE}
            for name in self.MENTEE_ONLY:  # optional: a mentee may skip them
                self.fields[name].help_text = hint
                self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        else:
            for name in self.MENTEE_ONLY:
                del self.fields[name]


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
        label=_("Note (only the curator of the pair sees the curator's notes)"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = SupportIssue.Status.choices


class HandoverForm(forms.Form):
    """The curator hands an issue over to HR admins: a recorded step its author sees."""

    reason = forms.CharField(
        label=_("Why HR is needed (HR admins and the author of the issue read this)"),
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


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
            "kind": ChoiceRadioSelect,
            "digital_literacy": ChoiceRadioSelect,
            "systems_thinking": ChoiceRadioSelect,
            "expertise": ChoiceRadioSelect,
            "communication": ChoiceRadioSelect,
            "motivation": ChoiceRadioSelect,
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
            if email.lower() == (self.nominator.user.email or "").lower():
                self.add_error(
                    "colleague_email",
                    _("This is your own address: choose self-nomination instead."),
                )
                return data
            # The same answer whether or not the address is a participant's: the nomination
            # is kept with the address, and HR sees whom it names (no enumeration).
            self.instance.nominee = (
                Participant.objects.filter(user__email__iexact=email).select_related("user").first()
            )
            self.instance.nominee_email = email
            same = Q(nominee_email__iexact=email)
        elif kind == Nomination.Kind.SELF:
            self.instance.nominee = self.nominator
            self.instance.nominee_email = ""
            same = Q(nominee=self.nominator, kind=Nomination.Kind.SELF)
        else:
            return data
        if (
            Nomination.objects.filter(same, nominator=self.nominator)
            .filter(status=Nomination.Status.SUBMITTED)
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


class PlannedMeetingForm(forms.ModelForm):
    """The pair plans its next meeting: day and time (local), place or link."""

    # HTML date and time inputs take ISO values whatever the language of the page
    day = forms.DateField(
        label=_("Date"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    link = forms.URLField(
        label=_("link to the online meeting"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = PlannedMeeting
        fields = ["duration_minutes", "place", "link"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duration_minutes"].min_value = 15
        self.fields["duration_minutes"].max_value = 480
        self.order_fields(["day", "time", "duration_minutes", "place", "link"])
        if self.instance.pk:
            local = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("day", local.date())
            self.initial.setdefault("time", local.time().replace(second=0, microsecond=0))

    def clean(self):
        data = super().clean()
        day, time = data.get("day"), data.get("time")
        if day and time:
            starts_at = timezone.make_aware(datetime.datetime.combine(day, time))
            if starts_at <= timezone.now():
                self.add_error("day", _("Choose a date and time in the future."))
            self.instance.starts_at = starts_at
        duration = data.get("duration_minutes")
        if duration is not None and not 15 <= duration <= 480:
            self.add_error("duration_minutes", _("A meeting lasts from 15 to 480 minutes."))
        return data
