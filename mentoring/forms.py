"""Forms people fill in about themselves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentoring.models import Participant


class ConsentForm(forms.ModelForm):
    """The mentee's own switch: may HR see my progress by name?"""

    class Meta:
        model = Participant
        fields = ["consent_to_share"]
        labels = {"consent_to_share": _("Show my progress to HR by name")}
