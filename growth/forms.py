"""Forms for a mentor's self-assessment, the curator's observation and HR's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from growth.models import Moment, TalentPoolDecision

EVIDENCE_MAX = 4000


def level_choices(competency_levels, scale):
    """Each level with its label and what it looks like in this competency, in words."""
    behaviour = {row.level: row.behaviour for row in competency_levels}
    choices = []
    for value, level in sorted(scale.items()):
        text = f"{value} — {level.label}"
        if behaviour.get(value):
            text = f"{text}: {behaviour[value]}"
        choices.append((value, text))
    return choices


class _LevelForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Level"), coerce=int, widget=forms.RadioSelect)
    evidence_text = forms.CharField(
        label=_("What shows it"),
        required=False,
        max_length=EVIDENCE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = choices


class SelfAssessmentForm(_LevelForm):
    """The mentor's own view of a competency at the start or the end of a cycle."""

    moment = forms.ChoiceField(
        label=_("When"),
        choices=[(Moment.START, Moment.START.label), (Moment.END, Moment.END.label)],
        widget=forms.RadioSelect,
    )
    field_order = ["moment", "level", "evidence_text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_text"].help_text = _(
            "A real situation: for example, how you led a meeting or said something hard."
        )


class ObservationForm(_LevelForm):
    """What the curator saw of the mentor's competency (a meeting, a conversation)."""

    competency = forms.TypedChoiceField(label=_("Competency"), coerce=int)
    field_order = ["competency", "level", "evidence_text"]

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].choices = [(c.pk, c.name) for c in competencies]
        self.fields["evidence_text"].required = True
        self.fields["evidence_text"].help_text = _(
            "What you saw, where and when: an observation, not a grade."
        )


class TalentPoolForm(forms.Form):
    """HR's decision about the talent pool; the product only shows the evidence."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=TalentPoolDecision.Decision.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Reasons"),
        required=False,
        max_length=EVIDENCE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
