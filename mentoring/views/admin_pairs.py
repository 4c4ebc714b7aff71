"""Admin action for HR: move a pair through its lifecycle (via :meth:`Pair.transition_to`)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.models import Pair, PairTransitionError


class TransitionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (required to end a pair early)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def transition(request, pk, status):
    """Confirm and apply one lifecycle step; nonsense is refused with the model's message."""
    if not request.user.has_perm("mentoring.change_pair"):
        raise PermissionDenied
    pair = get_object_or_404(Pair.objects.select_related("mentor__user", "mentee__user"), pk=pk)
    if status not in Pair.Status.values:
        raise PermissionDenied
    target = Pair.Status(status)
    form = TransitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pair.transition_to(target, form.cleaned_data["reason"])
        except PairTransitionError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(
                request,
                _("Pair “%(pair)s” is now “%(status)s”.") % {"pair": pair, "status": target.label},
            )
            return redirect("pairs:index")
    return render(
        request,
        "mentoring/admin/pair_transition.html",
        {"pair": pair, "target": target, "form": form},
    )
