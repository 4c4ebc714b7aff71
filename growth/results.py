"""What mentor growth adds to the HR results (`/programme/results/`): aggregates only.

Every figure is computed over distinct mentors and hidden (``None``) when that group is
below the small-group rule (:func:`mentoring.access.group_is_reportable`).
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from growth import services
from growth.models import Competency, Source, TalentPoolDecision
from mentoring import access
from mentoring.models import Cycle, Feedback, Pair
from mentoring.results import ResultSeries


def _mentor_pairs(filters):
    pairs = Pair.objects.filter(status__in=access.RECORD_ACCESS_STATUSES)
    if filters.cycle_id:
        pairs = pairs.filter(cycle_id=filters.cycle_id)
    if filters.plant_id:
        pairs = pairs.filter(mentor__plant_id=filters.plant_id)
    return pairs


def _shown(value, people):
    return value if access.group_is_reportable(people) else None


def grew_by_skill(filters):
    """Per competency and lens: mentors who grew by at least one level within a cycle, out
    of the mentors with a first and a last level in it. Hidden below the group size."""
    pairs = _mentor_pairs(filters)
    cycle_ids = set(pairs.values_list("cycle_id", flat=True))
    mentor_ids = set(pairs.values_list("mentor_id", flat=True))
    found = services.growth_in_cycle(cycle_ids, mentor_ids)
    series = ResultSeries(
        key="growth_level_up",
        title=_("Mentors who grew by at least one level in a cycle"),
    )
    lens = {Source.SELF: _("by their own view"), Source.CURATOR: _("by the curator")}
    anyone, assessed = set(), set()
    for competency in Competency.objects.filter(active=True, kind=Competency.Kind.LEADERSHIP):
        for source in (Source.SELF, Source.CURATOR):
            chains = found.get((competency.pk, source), {})
            people = {mentor for mentor, _cycle in chains}
            grew = {m for (m, _c), (first, last) in chains.items() if last - first >= 1}
            assessed |= people
            anyone |= grew
            label = f"{competency.name} — {lens[source]}"
            value = _("%(grew)s of %(total)s") % {"grew": len(grew), "total": len(people)}
            series.by_group.append((label, _shown(value, len(people))))
    series.total = _shown(len(anyone), len(assessed))
    return series


def talent_pool(filters):
    """Mentors whose latest HR decision in the cycle(s) is «ready for the talent pool»."""
    pairs = _mentor_pairs(filters)
    mentor_ids = set(pairs.values_list("mentor_id", flat=True))
    decisions = TalentPoolDecision.objects.filter(participant_id__in=mentor_ids)
    if filters.cycle_id:
        decisions = decisions.filter(cycle_id=filters.cycle_id)
    latest = {}
    for participant_id, decision in decisions.order_by("decided_at", "pk").values_list(
        "participant_id", "decision"
    ):
        latest[participant_id] = decision
    ready = sum(1 for d in latest.values() if d == TalentPoolDecision.Decision.READY)
    return ResultSeries(
        key="growth_talent_pool",
        title=_("Mentors HR found ready for the talent pool"),
        total=_shown(ready, len(mentor_ids)),
    )


def came_back(filters):
    """Of the mentors of a finished cycle, the share who mentor again in a later cycle."""
    finished = Cycle.objects.filter(status=Cycle.Status.FINISHED)
    if filters.cycle_id:
        finished = finished.filter(pk=filters.cycle_id)
    series = ResultSeries(
        key="growth_mentors_came_back",
        title=_("Mentors who came back for another cycle"),
        unit="%",
    )
    total_mentors, total_back = 0, 0
    for cycle in finished.order_by("starts_on"):
        pairs = Pair.objects.filter(cycle=cycle).exclude(
            status__in=(Pair.Status.PROPOSED, Pair.Status.ENDED_EARLY)
        )
        if filters.plant_id:
            pairs = pairs.filter(mentor__plant_id=filters.plant_id)
        mentors = set(pairs.values_list("mentor_id", flat=True))
        later = Pair.objects.filter(
            mentor_id__in=mentors, cycle__starts_on__gt=cycle.starts_on
        ).exclude(status=Pair.Status.PROPOSED)
        back = set(later.values_list("mentor_id", flat=True))
        share = round(100 * len(back) / len(mentors)) if mentors else None
        series.by_group.append((cycle.name, _shown(share, len(mentors))))
        total_mentors += len(mentors)
        total_back += len(back)
    share = round(100 * total_back / total_mentors) if total_mentors else None
    series.total = _shown(share, total_mentors)
    if sum(1 for _label, value in series.by_group if value is None) == 1:
        series.total = None  # else the one hidden cycle follows from the total by subtraction
    return series


def mentee_answers(filters):
    """The mentees' answers about their mentors, averaged over at least the group size of
    mentors and of mentees (1–5)."""
    feedback = Feedback.objects.filter(meeting__pair__in=_mentor_pairs(filters)).filter(
        Q(mentor_facilitation__isnull=False) | Q(mentor_feedback__isnull=False)
    )
    found = services.mentee_answer_averages(feedback)
    people = min(found["authors"], found["mentors"])
    series = ResultSeries(
        key="growth_mentee_answers",
        title=_("What mentees say about their mentors (average, 1–5)"),
    )
    series.total = _shown(found["answers"], people)
    series.unit = ngettext("answer", "answers", found["answers"])
    for label, value in (
        (_("Let the mentee try and ask freely"), found["facilitation"]),
        (_("Remarks clear, useful and respectful"), found["feedback"]),
    ):
        series.by_group.append(
            (label, _shown(round(value, 1), people) if value is not None else None)
        )
    return series


def results(filters):
    """The provider registered with ``RESULTS_HOOK``."""
    return [
        grew_by_skill(filters),
        talent_pool(filters),
        came_back(filters),
        mentee_answers(filters),
    ]
