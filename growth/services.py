"""Reading and recording a mentor's growth: each source of evidence on its own.

The sources are never merged into one score: the mentor's self-assessment, the curator's
observation, the mentees' answers about the mentor (only as an aggregate) and the mentor
tracks completed are computed and shown separately.
"""

from django.db import transaction
from django.db.models import Avg, Count, Prefetch
from django.utils import timezone

from curricula.models import Audience, TrackPage
from curricula.progress import progress_by_track
from growth.models import (
    Competency,
    CompetencyEvent,
    CompetencyLevel,
    Moment,
    Source,
    TalentPoolDecision,
)
from mentoring import access
from mentoring.models import Cycle, Feedback, Pair


def competencies():
    """Competencies in use, leadership skills first, with their level descriptions."""
    levels = Prefetch("levels", queryset=CompetencyLevel.objects.order_by("level"))
    return list(
        Competency.objects.filter(active=True)
        .prefetch_related(levels)
        .order_by("kind", "sort_order", "name")
    )


def mentor_cycles(mentor):
    """Cycles in which ``mentor`` mentors a pair that gives access to records, newest first."""
    pairs = Pair.objects.filter(mentor=mentor, status__in=access.RECORD_ACCESS_STATUSES)
    return list(Cycle.objects.filter(pk__in=pairs.values("cycle_id")).order_by("-starts_on", "-pk"))


def record(mentor, competency, cycle, source, moment, level, *, by=None, at=None, **evidence):
    """Append one level of ``mentor`` in ``competency``; the history is never rewritten."""
    Source(source)
    Moment(moment)
    with transaction.atomic():
        return CompetencyEvent.objects.create(
            participant=mentor,
            competency=competency,
            cycle=cycle,
            source=source,
            moment=moment,
            level=level,
            recorded_by=by,
            recorded_at=at or timezone.now(),
            **evidence,
        )


def _latest(events, source, moments):
    found = [e for e in events if e.source == source and e.moment in moments]
    return found[-1] if found else None


def overview(mentor, cycle):
    """One row per competency for ``mentor`` in ``cycle``, in three queries.

    Each row: the competency, its level descriptions, the self-assessment at the start and
    at the end, the curator's first and latest observation, and the events oldest first.
    """
    items = competencies()
    events = {}
    if cycle is not None:
        for event in (
            CompetencyEvent.objects.filter(participant=mentor, cycle=cycle)
            .select_related("recorded_by")
            .order_by("recorded_at", "pk")
        ):
            events.setdefault(event.competency_id, []).append(event)
    rows = []
    for competency in items:
        mine = events.get(competency.pk, [])
        observed = [e for e in mine if e.source == Source.CURATOR]
        row = {
            "competency": competency,
            "levels": list(competency.levels.all()),
            "self_start": _latest(mine, Source.SELF, {Moment.START}),
            "self_end": _latest(mine, Source.SELF, {Moment.END, Moment.DURING}),
            "curator_first": observed[0] if observed else None,
            "curator_latest": observed[-1] if observed else None,
            "events": mine,
        }
        for name in ("self_start", "self_end", "curator_latest"):
            row[f"{name}_level"] = row[name].level if row[name] else None
        rows.append(row)
    return rows


QUESTIONS = ("mentor_facilitation", "mentor_feedback")


def mentee_answers(mentor, cycle):
    """The mentees' answers about ``mentor`` in ``cycle``, as averages only.

    Per question: how many answers exist, how many enter the average (whole blocks of
    ``MIN_GROUP_SIZE`` in the order the answers were given, so a late or back-dated
    answer never shifts a block; see :func:`mentoring.access.mentee_answers_shown`)
    and the average over those, or ``None`` while there are too few.
    """
    result = {}
    for question in QUESTIONS:
        answers = Feedback.objects.filter(
            side=Feedback.Side.MENTEE,
            meeting__pair__mentor=mentor,
            meeting__pair__status__in=access.RECORD_ACCESS_STATUSES,
            **{f"{question}__isnull": False},
        )
        if cycle is not None:
            answers = answers.filter(meeting__pair__cycle=cycle)
        values = list(answers.order_by("pk").values_list(question, flat=True))
        shown = access.mentee_answers_shown(len(values))
        average = round(sum(values[:shown]) / shown, 1) if shown else None
        result[question] = {"answers": len(values), "shown": shown, "average": average}
    return result


def mentor_tracks(mentor):
    """The mentor tracks and how far ``mentor`` went in each: ``(track, done, total)``."""
    tracks = list(
        TrackPage.objects.live()
        .filter(audience=Audience.MENTOR)
        .prefetch_related("competencies")
        .order_by("path")
    )
    progress = progress_by_track(mentor.user, tracks)
    return [(t, *progress[t.pk]) for t in tracks]


def talent_pool_history(mentor):
    """HR's decisions about ``mentor``, oldest first; the last one is in force."""
    return list(
        TalentPoolDecision.objects.filter(participant=mentor)
        .select_related("cycle", "decided_by")
        .order_by("decided_at", "pk")
    )


def decide(mentor, cycle, decision, *, by, note=""):
    TalentPoolDecision.Decision(decision)
    return TalentPoolDecision.objects.create(
        participant=mentor, cycle=cycle, decision=decision, note=note, decided_by=by
    )


def growth_in_cycle(cycle_ids, mentor_ids=None):
    """``{(competency_id, source): {mentor_id: (first, last)}}`` for the given cycles.

    Self: the start level and the end level; curator: the first and the latest observation.
    Only mentors with both a first and a last level (two different records) are included.
    """
    events = CompetencyEvent.objects.filter(cycle_id__in=cycle_ids)
    if mentor_ids is not None:
        events = events.filter(participant_id__in=mentor_ids)
    chains = {}
    for participant_id, competency_id, cycle_id, source, moment, level in events.order_by(
        "recorded_at", "pk"
    ).values_list("participant_id", "competency_id", "cycle_id", "source", "moment", "level"):
        key = (competency_id, source)
        chain = chains.setdefault(key, {}).setdefault((participant_id, cycle_id), {})
        if source == Source.SELF:
            slot = "first" if moment == Moment.START else "last"
            chain[slot] = level
        else:
            chain.setdefault("first", level)
            chain["count"] = chain.get("count", 0) + 1
            chain["last"] = level
    result = {}
    for key, by_person in chains.items():
        for (participant_id, _cycle), chain in by_person.items():
            if "first" not in chain or "last" not in chain:
                continue
            if key[1] == Source.CURATOR and chain["count"] < 2:
                continue
            result.setdefault(key, {})[(participant_id, _cycle)] = (chain["first"], chain["last"])
    return result


def mentee_answer_averages(feedback):
    """Averages of the mentees' answers about mentors over ``feedback``, with head counts."""
    return feedback.filter(side=Feedback.Side.MENTEE).aggregate(
        facilitation=Avg("mentor_facilitation"),
        feedback=Avg("mentor_feedback"),
        authors=Count("author", distinct=True),
        mentors=Count("meeting__pair__mentor", distinct=True),
        answers=Count("mentor_facilitation"),
    )
