"""Forms of the session plans."""

from django import forms
from django.utils.translation import gettext_lazy as _

from curricula.models import SessionPlan, SessionPlanItem
from mentoring.models import Pair


class SessionPlanForm(forms.ModelForm):
    """Title, pair, date and notes of a plan; the pair list holds only the mentor's pairs."""

    class Meta:
        model = SessionPlan
        fields = ["title", "pair", "meeting_date", "notes"]
        widgets = {
            "meeting_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "pair": _("The mentee of this pair will see the plan (read only)."),
            "notes": _("Your own notes for the meeting; the mentee of the pair sees them too."),
        }
        error_messages = {
            "meeting_date": {"invalid": _("Enter the date as DD.MM.YYYY, for example 05.03.2026.")},
            "title": {"required": _("Give the plan a title, for example «Встреча 3: Power BI».")},
        }

    def __init__(self, *args, mentor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pair"].queryset = Pair.objects.filter(mentor=mentor).select_related(
            "mentee__user", "cycle"
        )
        self.fields["pair"].label_from_instance = lambda p: f"{p.mentee.full_name} · {p.cycle.name}"
        self.fields["meeting_date"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]


class ItemMinutesForm(forms.ModelForm):
    """Minutes of one plan item."""

    minutes = forms.IntegerField(
        label=_("Minutes"),
        min_value=1,
        max_value=480,
        error_messages={"invalid": _("Enter whole minutes, for example 20.")},
    )

    class Meta:
        model = SessionPlanItem
        fields = ["minutes"]


ItemFormSet = forms.modelformset_factory(SessionPlanItem, form=ItemMinutesForm, extra=0)
