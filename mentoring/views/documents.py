"""The pair's paperwork for its members: the agreement, ending the pair early, the addendum."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mentoring import access, agreements, certificates, documents_pdf
from mentoring.forms import _tool_queryset as tool_queryset
from mentoring.models import Cycle, MentoringAddendum, Pair


class AgreementForm(forms.Form):
    """What the two sides agree on; the rules come from HR's template."""

    goals = forms.CharField(
        label=gettext_lazy("Goals of the pair"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("What the mentee wants to be able to do by the end of the cycle."),
    )
    tools = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Tools"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    meeting_format = forms.ChoiceField(
        label=gettext_lazy("Meeting format"), choices=Cycle.MeetingFormat.choices
    )
    meeting_every_days = forms.IntegerField(
        label=gettext_lazy("Meet every, days"), min_value=1, max_value=90
    )
    meeting_slot = forms.CharField(
        label=gettext_lazy("When and where"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("E.g. Thursdays at 15:00, meeting room of the shop."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tools"].queryset = tool_queryset()


class EndForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why the pair ends early"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Both sides and the curator read this."),
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Last day of mentoring"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _my_pair(request, pk):
    return access.get_member_pair_or_404(request.user, pk)


def agreement(request, pk):
    """`/my/pairs/<pk>/agreement/`: the current agreement, who accepted it and when."""
    pair = _my_pair(request, pk)
    current = agreements.current(pair)
    side = agreements.side_of(pair, request.user)
    return render(
        request,
        "mentoring/agreement.html",
        {
            "pair": pair,
            "agreement": current,
            "history": pair.agreements.order_by("-version"),
            "side": side,
            "i_accepted": bool(current and getattr(current, f"{side}_accepted_at")),
            "can_edit": pair.status in agreements.EDITABLE_STATUSES,
        },
    )


def agreement_edit(request, pk):
    """Either side writes a new version; the other side is asked to accept it again."""
    pair = _my_pair(request, pk)
    if pair.status not in agreements.EDITABLE_STATUSES:
        messages.error(request, _("The pair has ended: its agreement is no longer changed."))
        return redirect("pair_agreement", pk=pair.pk)
    form = AgreementForm(request.POST or None, initial=agreements.initial(pair))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreements.new_version(
                pair,
                goals=data["goals"],
                tools=data["tools"],
                meeting_format=data["meeting_format"],
                meeting_every_days=data["meeting_every_days"],
                meeting_slot=data["meeting_slot"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(
                request,
                _(
                    "The agreement is saved and accepted on your side; the other side is asked "
                    "to accept it too."
                ),
            )
            return redirect("pair_agreement", pk=pair.pk)
    return render(request, "mentoring/agreement_form.html", {"pair": pair, "form": form})


@require_POST
def agreement_accept(request, pk):
    """Accept the version the person read (its number is posted back with the button)."""
    pair = _my_pair(request, pk)
    current = agreements.current(pair)
    if current is None or str(current.version) != request.POST.get("version"):
        messages.error(request, _("The agreement has changed since you opened it: read it again."))
        return redirect("pair_agreement", pk=pair.pk)
    try:
        agreements.accept(current, request.user)
    except (ValidationError, PermissionDenied):
        messages.error(request, _("Only the mentor and the mentee accept the agreement."))
    else:
        messages.success(request, _("You accepted the agreement."))
    return redirect("pair_agreement", pk=pair.pk)


def agreement_pdf(request, pk, version):
    """The PDF of one version, for the two members of the pair."""
    pair = _my_pair(request, pk)
    found = pair.agreements.filter(version=version).first()
    if found is None:
        raise Http404
    return documents_pdf.agreement_response(request, found)


def addendum_pdf(request, pk):
    """The mentor's own addendum; the mentee never sees the mentor's pay."""
    pair = _my_pair(request, pk)
    me = access.participant_of(request.user)
    if pair.mentor_id != me.pk:
        raise Http404
    addendum = MentoringAddendum.objects.filter(pair=pair).select_related("template").first()
    if addendum is None:
        raise Http404
    return documents_pdf.addendum_response(request, addendum)


def pair_end(request, pk):
    """Either side ends the pair early: the last day is three working days after today or
    later, by the production calendar; the other side and the curator are told."""
    pair = _my_pair(request, pk)
    if pair.status not in Pair.RUNNING_STATUSES:
        messages.error(request, _("This pair has already ended."))
        return redirect("pair_detail", pk=pair.pk)
    today = datetime.date.today()
    earliest = pair.early_end_date(today)
    form = EndForm(request.POST or None, initial={"ends_on": earliest})
    if request.method == "POST" and form.is_valid():
        try:
            pair.transition_to(
                Pair.Status.ENDED_EARLY,
                form.cleaned_data["reason"],
                on=form.cleaned_data["ends_on"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("ends_on", error.messages[0])
        else:
            messages.success(
                request,
                _("The pair ends on %(date)s. The other side and the curator are told.")
                % {"date": pair.ended_on.strftime("%d.%m.%Y")},
            )
            return redirect("pair_detail", pk=pair.pk)
    return render(
        request, "mentoring/pair_end.html", {"pair": pair, "form": form, "earliest": earliest}
    )


def certificate_pdf(request, pk):
    """`/my/pairs/<pk>/certificate/`: my certificate of the cycle, once HR marked the pair
    completed. Only the person it names downloads it here."""
    pair = _my_pair(request, pk)
    me = access.participant_of(request.user)
    if not certificates.is_eligible(pair, me):
        raise Http404
    return documents_pdf.certificate_response(request, pair, me)
