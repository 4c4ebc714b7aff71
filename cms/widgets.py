"""Form widgets shared by the apps."""

from django import forms


class ChoiceRadioSelect(forms.RadioSelect):
    """Radio buttons without Django's empty «---------» choice.

    A model field with choices and no default gets a blank choice, which a ``<select>``
    needs and radio buttons do not: a required question shows nothing picked instead of a
    preselected «---------» button."""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        kept = []
        for group_name, options, index in groups:
            options = [o for o in options if o["value"] not in ("", None)]
            if options:
                kept.append((group_name, options, index))
        return kept
