"""Admin action for HR: move a pair through its lifecycle (via :meth:`Pair.transition_to`)."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.models import Pair


class TransitionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (required to end a pair early)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Last day of mentoring"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy(
            "No sooner than three working days after today; empty — the earliest such day."
        ),
    )


def transition(request, pk, status):
    """Confirm and apply one lifecycle step; nonsense is refused with the model's message.

    The same rules as everywhere else: activating checks the pairing rules, ending early
    keeps three working days' notice by the production calendar.
    """
    if not request.user.has_perm("mentoring.change_pair"):
        raise PermissionDenied
    pair = get_object_or_404(
        Pair.objects.select_related("cycle", "mentor__user", "mentee__user"), pk=pk
    )
    if status not in Pair.Status.values:
        raise PermissionDenied
    target = Pair.Status(status)
    form = TransitionForm(request.POST or None)
    if target != Pair.Status.ENDED_EARLY:
        del form.fields["ends_on"]
    if request.method == "POST" and form.is_valid():
        try:
            pair.transition_to(
                target,
                form.cleaned_data["reason"],
                on=form.cleaned_data.get("ends_on"),
                by=request.user,
                side=Pair.Side.HR,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Pair “%(pair)s” is now “%(status)s”.") % {"pair": pair, "status": target.label},
            )
            return redirect("pairs:index")
    earliest = None
    if target == Pair.Status.ENDED_EARLY:
        earliest = pair.early_end_date(datetime.date.today())
    return render(
        request,
        "mentoring/admin/pair_transition.html",
        {"pair": pair, "target": target, "form": form, "earliest": earliest},
    )
