"""The library's filters: each one optional, all combined, their state kept in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from curricula.models import Audience, MaterialPage, MaterialTag


def _blank(label):
    return [("", label)]


class LibraryFilterForm(forms.Form):
    """Filters for the library listing; an invalid value is reported and ignored."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_blank(_("Any kind")) + MaterialPage.Kind.choices
    )
    audience = forms.ChoiceField(
        label=_("Audience"), required=False, choices=_blank(_("Anyone")) + Audience.choices
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=_blank(_("Any format")) + MaterialPage.Format.choices,
    )
    tool = forms.ModelChoiceField(
        label=_("Digital tool"),
        required=False,
        queryset=None,
        empty_label=_("Any tool"),
        to_field_name="slug",
    )
    tag = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=None,
        empty_label=_("Any topic"),
        to_field_name="slug",
    )
    min_minutes = forms.IntegerField(
        label=_("From, minutes"),
        required=False,
        min_value=0,
        max_value=1000,
        error_messages={"invalid": _("Enter the number of minutes, for example 15.")},
    )
    max_minutes = forms.IntegerField(
        label=_("To, minutes"),
        required=False,
        min_value=0,
        max_value=1000,
        error_messages={"invalid": _("Enter the number of minutes, for example 45.")},
    )

    def __init__(self, *args, **kwargs):
        from django.apps import apps

        super().__init__(*args, **kwargs)
        tool_model = apps.get_model("skills", "ToolPage")
        self.fields["tool"].queryset = tool_model.objects.live().order_by("title")
        used = MaterialTag.objects.values("tag_id")
        self.fields["tag"].queryset = Tag.objects.filter(pk__in=used).order_by("name")

    def clean(self):
        data = super().clean()
        low, high = data.get("min_minutes"), data.get("max_minutes")
        if low is not None and high is not None and low > high:
            self.add_error("max_minutes", _("“To” must not be less than “from”."))
        return data

    def filter(self, materials):
        """Apply every filter that was given and is valid."""
        if not self.is_bound:
            return materials
        self.is_valid()
        data = self.cleaned_data
        for name in ("kind", "audience", "format"):
            if data.get(name):
                materials = materials.filter(**{name: data[name]})
        if data.get("tool"):
            materials = materials.filter(tools=data["tool"])
        if data.get("tag"):
            materials = materials.filter(tagged_items__tag=data["tag"])
        if data.get("min_minutes") is not None:
            materials = materials.filter(duration_minutes__gte=data["min_minutes"])
        if data.get("max_minutes") is not None and "max_minutes" not in self.errors:
            materials = materials.filter(duration_minutes__lte=data["max_minutes"])
        return materials.distinct()
