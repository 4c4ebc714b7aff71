"""HR's matching view in the Wagtail admin: pick a mentee, see mentors ranked, form a pair."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.params import db_id
from mentoring import access, audit, pairing
from mentoring.models import Cycle, Pair, Participant
from skills import matching

MENTEES_PER_PAGE = 30


class PickForm(forms.Form):
    mentor = forms.IntegerField(widget=forms.HiddenInput)
    curator = forms.ModelChoiceField(
        label=gettext_lazy("Curator"), queryset=Participant.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["curator"].queryset = (
            pairing.curators()
            .filter(left_company_on__isnull=True)
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )


def _open_cycles():
    return Cycle.objects.exclude(status=Cycle.Status.FINISHED).order_by("-starts_on")


def _mentees_without_pair(cycle, query):
    taken = Pair.objects.filter(cycle=cycle, status__in=Pair.RUNNING_STATUSES).values("mentee_id")
    people = (
        pairing.mentees()
        .filter(left_company_on__isnull=True, user__is_active=True)
        .exclude(pk__in=taken)
        .select_related("user", "plant", "department")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    plants = list(cycle.plants.values_list("pk", flat=True))
    if plants:
        people = people.filter(plant_id__in=plants)
    departments = list(cycle.departments.values_list("pk", flat=True))
    if departments:
        people = people.filter(department_id__in=departments)
    if query:
        people = people.filter(
            Q(user__last_name__icontains=query) | Q(personnel_number__iexact=query)
        )
    return people


def matching_view(request):
    """`/admin/matching/`: mentees of a cycle without a pair, and for one of them the mentors
    who may take them, ranked with the reasons shown. HR picks; nothing is formed by itself.
    """
    if not request.user.has_perm("mentoring.add_pair"):
        raise PermissionDenied
    cycles = list(_open_cycles())
    cycle = next((c for c in cycles if c.pk == db_id(request.GET.get("cycle"))), None)
    cycle = cycle or (cycles[0] if cycles else None)
    context = {"cycles": cycles, "cycle": cycle, "query": request.GET.get("q", "")[:100]}
    if cycle is None:
        return render(request, "skills/admin/matching.html", context)
    mentees = _mentees_without_pair(cycle, context["query"].strip())
    context["mentees"] = Paginator(mentees, MENTEES_PER_PAGE).get_page(request.GET.get("p"))
    mentee = (
        Participant.objects.select_related("user", "plant")
        .filter(pk=db_id(request.GET.get("mentee")))
        .first()
    )
    if mentee is not None:
        form = PickForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            mentor = Participant.objects.filter(pk=form.cleaned_data["mentor"]).first()
            if mentor is None:
                messages.error(request, _("Choose a mentor from the list."))
            else:
                try:
                    pair = pairing.create_pair(
                        cycle=cycle,
                        mentor=mentor,
                        mentee=mentee,
                        curator=form.cleaned_data["curator"],
                        by=request.user,
                    )
                except ValidationError as error:
                    for message in error.messages:
                        messages.error(request, message)
                else:
                    messages.success(
                        request,
                        _("Pair “%(pair)s” is proposed. Check it and make it active.")
                        % {"pair": pair},
                    )
                    return redirect("pairs:edit", pair.pk)
        goals = matching.goals_of(mentee, cycle)
        goals_visible = access.can_view_person(request.user, mentee)
        if goals_visible and goals:
            audit.record_read(request.user, mentee, "skills", "matching")
        suggestions = matching.suggest(mentee, cycle, viewer=request.user)
        for item in suggestions:
            if item.levels_visible and item.tool_levels:
                audit.record_read(request.user, item.mentor, "skills", "matching")
        scale = matching.scale()
        context.update(
            {
                "mentee": mentee,
                "goals": goals,
                "goals_visible": goals_visible,
                "rows": [(s, s.reasons(scale)) for s in suggestions],
                "form": form,
                "scale": scale,
                "pairs_url": reverse("pairs:index"),
            }
        )
    return render(request, "skills/admin/matching.html", context)
