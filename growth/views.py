"""A mentor's growth page: levels in the leadership skills and the evidence, by source.

Who reads it is decided by :mod:`mentoring.access` (the mentor, their curator, HR only with
the mentor's consent); reads by others are logged in the access log.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from growth import forms, services
from growth.models import Competency, Moment, Source
from mentoring import access, audit
from skills.charts import progress_svg
from skills.models.mastery import Lens
from skills.services import levels

AUDIT_WHAT = "growth"


def _chosen_cycle(request, cycles):
    wanted = request.GET.get("cycle", "")
    for cycle in cycles:
        if str(cycle.pk) == wanted:
            return cycle
    return cycles[0] if cycles else None


def _page(request, mentor, *, extra=None, status=200):
    cycles = services.mentor_cycles(mentor)
    cycle = _chosen_cycle(request, cycles)
    scale = levels()
    rows = services.overview(mentor, cycle)
    chart_labels = {Lens.SELF: Source.SELF.label, Lens.MENTOR: Source.CURATOR.label}
    for row in rows:
        row["chart"] = progress_svg(
            row["events"],
            scale,
            title=row["competency"].name,
            key=f"c{row['competency'].pk}",
            labels=chart_labels,
        )
    context = {
        "mentor": mentor,
        "cycles": cycles,
        "cycle": cycle,
        "scale": scale,
        "leadership": [r for r in rows if r["competency"].kind == Competency.Kind.LEADERSHIP],
        "selection": [r for r in rows if r["competency"].kind == Competency.Kind.SELECTION],
        "answers": services.mentee_answers(mentor, cycle),
        "min_group_size": access.min_group_size(),
        "tracks": services.mentor_tracks(mentor),
        "decisions": services.talent_pool_history(mentor),
        "is_own": access.is_own_record(request.user, mentor.pk),
        **(extra or {}),
    }
    return render(request, "growth/growth.html", context, status=status)


def my_growth(request):
    """`/my/growth/`: my own growth as a mentor, and where I assess myself."""
    me = access.participant_of(request.user)
    if me is None:
        return render(request, "growth/growth.html", {"mentor": None})
    return _page(request, me)


def self_assess(request, competency_id):
    """The mentor records their own level in a competency at the start or end of a cycle."""
    me = access.participant_of(request.user)
    cycles = services.mentor_cycles(me) if me is not None else []
    if not cycles:
        raise Http404
    competency = get_object_or_404(Competency.objects.filter(active=True), pk=competency_id)
    cycle = _chosen_cycle(request, cycles)
    choices = forms.level_choices(competency.levels.order_by("level"), levels())
    form = forms.SelfAssessmentForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record(
            me,
            competency,
            cycle,
            Source.SELF,
            data["moment"],
            data["level"],
            by=request.user,
            evidence_text=data["evidence_text"],
        )
        messages.success(request, _("Your self-assessment is saved."))
        return redirect(f"{reverse('my_growth')}?cycle={cycle.pk}")
    return render(
        request,
        "growth/self_assess.html",
        {"form": form, "competency": competency, "cycle": cycle},
        status=400 if form.is_bound else 200,
    )


def mentor_growth(request, participant_id):
    """`/growth/mentors/<id>/`: a mentor's growth for their curator, or HR with consent.

    The curator records an observation here; HR with the mentor's consent records a
    talent-pool decision. Anyone else gets a 404.
    """
    mentor = access.get_visible_mentor_or_404(request.user, participant_id)
    if access.is_own_record(request.user, mentor.pk):
        return redirect("my_growth")
    audit.record_read(request.user, mentor, AUDIT_WHAT, "mentor growth page")
    observe = access.is_curator_of_mentor(request.user, mentor)
    decide = access.can_decide_talent_pool(request.user, mentor)
    cycles = services.mentor_cycles(mentor)
    cycle = _chosen_cycle(request, cycles)
    action = request.POST.get("action") if request.method == "POST" else None
    items = services.competencies()
    observation = None
    if observe and cycle is not None:
        observation = forms.ObservationForm(
            request.POST if action == "observe" else None,
            competencies=items,
            choices=forms.level_choices([], levels()),
        )
    decision = None
    if decide and cycle is not None:
        decision = forms.TalentPoolForm(request.POST if action == "decide" else None)
    if action == "observe" and observation is not None:
        if observation.is_valid():
            data = observation.cleaned_data
            competency = next(c for c in items if c.pk == data["competency"])
            services.record(
                mentor,
                competency,
                cycle,
                Source.CURATOR,
                Moment.DURING,
                data["level"],
                by=request.user,
                evidence_text=data["evidence_text"],
            )
            messages.success(request, _("The observation is saved."))
            return redirect(f"{request.path}?cycle={cycle.pk}")
    elif action == "decide" and decision is not None:
        if decision.is_valid():
            services.decide(
                mentor,
                cycle,
                decision.cleaned_data["decision"],
                by=request.user,
                note=decision.cleaned_data["note"],
            )
            messages.success(request, _("The decision is recorded."))
            return redirect(f"{request.path}?cycle={cycle.pk}")
    elif request.method == "POST":
        raise Http404
    bound = (observation is not None and observation.is_bound) or (
        decision is not None and decision.is_bound
    )
    return _page(
        request,
        mentor,
        extra={"observation_form": observation, "decision_form": decision},
        status=400 if bound else 200,
    )


def mentors(request):
    """`/growth/mentors/`: the mentors whose growth the reader follows (curator, or HR with
    each mentor's consent); HR sees everyone else only in the programme results."""
    visible = (
        access.mentor_growth_visible_to(request.user)
        .exclude(pk=getattr(access.participant_of(request.user), "pk", None))
        .select_related("user", "plant", "department")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    page_obj = Paginator(visible, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "growth/mentors.html",
        {"page_obj": page_obj, "is_hr": access.is_hr(request.user)},
    )
