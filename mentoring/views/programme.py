"""Taking part in the programme beyond one's pair: nominations and improvement ideas."""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cms.once import submit_once
from mentoring import access
from mentoring.forms import IdeaForm, NominationForm
from mentoring.models import Cycle, Idea, Nomination


@submit_once
def nominate(request):
    """`/programme/nominate/`: nominate oneself or recommend a colleague as a mentor.

    The hidden token makes a double submit (a second click, a reload) create one nomination.
    """
    me = access.participant_of(request.user)
    if me is None:
        messages.error(request, _("Your account has no participant profile yet."))
        return redirect("my_dashboard")
    if request.method == "POST":
        form = NominationForm(request.POST, nominator=me)
        token = request.POST.get("token", "")
        existing = (
            Nomination.objects.filter(token=token, nominator=me).first()
            if _is_uuid(token)
            else None
        )
        if existing is not None:
            messages.info(request, _("Your nomination has already been received."))
            return redirect("nominate")
        if form.is_valid():
            nomination = form.save(commit=False)
            nomination.nominator = me
            nomination.token = form.cleaned_data["token"]
            nomination.cycle = Cycle.objects.filter(status=Cycle.Status.PLANNED).first()
            try:
                with transaction.atomic():
                    nomination.save()
                    form.save_m2m()
            except IntegrityError:
                messages.info(request, _("Your nomination has already been received."))
                return redirect("nominate")
            messages.success(request, _("Thank you! HR will review the nomination."))
            return redirect("nominate")
    else:
        form = NominationForm(nominator=me, initial={"token": uuid.uuid4(), "kind": "self"})
    mine = Nomination.objects.filter(nominator=me).select_related("nominee__user")[:20]
    return render(request, "mentoring/nominate.html", {"form": form, "mine": mine})


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@submit_once
def ideas(request):
    """`/programme/ideas/`: propose an improvement; see my ideas and the implemented ones."""
    me = access.participant_of(request.user)
    pairs = access.member_pairs(request.user).select_related("mentor__user", "mentee__user")
    form = IdeaForm(request.POST or None, pairs=pairs)
    if request.method == "POST":
        if me is None:
            messages.error(request, _("Your account has no participant profile yet."))
            return redirect("ideas")
        if form.is_valid():
            idea = form.save(commit=False)
            idea.author = me
            idea.save()
            messages.success(request, _("Thank you! HR will review the idea."))
            return redirect("ideas")
    mine = Idea.objects.filter(author=me) if me else Idea.objects.none()
    implemented = Paginator(
        Idea.objects.filter(status=Idea.Status.IMPLEMENTED).order_by("-implemented_on", "-pk"),
        20,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "mentoring/ideas.html",
        {"form": form, "mine": mine[:50], "implemented": implemented},
    )
