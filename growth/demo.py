"""Demo growth of the demo mentors: self-assessments at the start (and, in last year's
finished pilot, the end) of a cycle, the curator's observations, the mentees' answers about
their mentor, a few mentor-track modules done and HR's talent-pool decisions.

Idempotent: a mentor with records in a cycle is left as is.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from curricula.models import ModulePage, TrackPage
from curricula.progress import mark_done
from growth import services
from growth.content import COMPETENCIES, ensure_competencies
from growth.models import (
    Competency,
    CompetencyEvent,
    CompetencyLevel,
    Moment,
    Source,
    TalentPoolDecision,
)
from mentoring.models import Cycle, Feedback

RUNNING = "Пилотный цикл «Цифровой цех»"
FINISHED = "Пилот 2025 «Первые шаги»"

# What a mentor wrote about themselves, and what the curator saw, by competency key.
SELF_NOTES = {
    "facilitation": [
        "На первой встрече почти всё время говорил сам, показывал на своём ноутбуке.",
        "Стал отдавать клавиатуру: Виктор Петрович сам построил сводную таблицу.",
    ],
    "feedback_upward": [
        "Не решился сказать начальнику цеха, что отчёт можно делать вдвое быстрее.",
        "Сказал по схеме «ситуация — действие — результат», договорились попробовать.",
    ],
    "presenting_upward": [
        "Идею с дашбордом простоев рассказал мастеру, дальше не пошло.",
        "Показал дашборд на планёрке директора, ответил на вопрос о стоимости.",
    ],
    "managing_expectations": [
        "Пообещал научить всему Excel за месяц — не успели.",
        "В соглашении пары записали две реальные цели, о переносе встречи предупредил заранее.",
    ],
}
CURATOR_NOTES = [
    "Был на встрече 3 числа: наставник задавал открытые вопросы и выдерживал паузу.",
    "На разборе с куратором сам предложил, как сказать руководителю о сроках.",
    "На встрече торопился и подсказывал раньше, чем наставляемый успевал подумать.",
    "Подготовил короткое предложение для начальника цеха: проблема, решение, эффект.",
]


def _at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _link_tracks():
    for key, _kind, _name, _summary, slug, _levels in COMPETENCIES:
        track = TrackPage.objects.filter(slug=slug).first() if slug else None
        competency = Competency.objects.filter(key=key).first()
        if track and competency and not competency.tracks.filter(pk=track.pk).exists():
            competency.tracks.add(track)


def _cycle_growth(cycle, mentor, curator_user, leadership, *, finished, rng):
    if CompetencyEvent.objects.filter(participant=mentor, cycle=cycle).exists():
        return 0
    start = cycle.starts_on + datetime.timedelta(days=10)
    end = min(cycle.ends_on, datetime.date.today()) - datetime.timedelta(days=5)
    middle = start + (end - start) / 2
    created = 0
    for competency in leadership:
        first = rng.choice([1, 1, 2])
        notes = SELF_NOTES.get(competency.key, ["", ""])
        services.record(
            mentor,
            competency,
            cycle,
            Source.SELF,
            Moment.START,
            first,
            by=mentor.user,
            at=_at(start),
            evidence_text=notes[0],
        )
        observed = first + rng.choice([0, 0, 1])
        services.record(
            mentor,
            competency,
            cycle,
            Source.CURATOR,
            Moment.DURING,
            max(observed - rng.choice([0, 1, 1]), 0),
            by=curator_user,
            at=_at(start + datetime.timedelta(days=14), 15),
            evidence_text=rng.choice(CURATOR_NOTES),
        )
        services.record(
            mentor,
            competency,
            cycle,
            Source.CURATOR,
            Moment.DURING,
            observed,
            by=curator_user,
            at=_at(middle, 15),
            evidence_text=rng.choice(CURATOR_NOTES),
        )
        created += 3
        if finished:
            services.record(
                mentor,
                competency,
                cycle,
                Source.SELF,
                Moment.END,
                min(first + rng.choice([1, 1, 2, 0]), 4),
                by=mentor.user,
                at=_at(end),
                evidence_text=notes[1],
            )
            created += 1
    return created


def _mentee_answers():
    """The mentees' two answers about their mentor on the demo feedback that lacks them."""
    updated = 0
    for feedback in Feedback.objects.filter(
        side=Feedback.Side.MENTEE, mentor_facilitation__isnull=True
    ).select_related("meeting__pair__mentor__user"):
        rng = random.Random(f"answers-{feedback.pk}")
        low = feedback.meeting.pair.mentor.user.username == "mentor4"
        feedback.mentor_facilitation = rng.choice([2, 3, 3] if low else [3, 4, 4, 5, 5])
        feedback.mentor_feedback = rng.choice([2, 3] if low else [4, 4, 5, 5])
        feedback.save(update_fields=["mentor_facilitation", "mentor_feedback"])
        updated += 1
    return updated


def _tracks_done(mentors):
    """Each demo mentor has done a few modules of «Основы фасилитации»."""
    track = TrackPage.objects.filter(slug="osnovy-fasilitatsii").first()
    if track is None:
        return
    modules = list(ModulePage.objects.live().child_of(track).order_by("path"))
    for index, mentor in enumerate(mentors):
        for module in modules[: 1 + index % max(len(modules), 1)]:
            mark_done(mentor.user, module)


def load(stdout=None):
    """Growth of the demo mentors over the running and the finished cycle."""
    ensure_competencies(Competency, CompetencyLevel)
    _link_tracks()
    leadership = list(
        Competency.objects.filter(kind=Competency.Kind.LEADERSHIP, active=True).order_by(
            "sort_order"
        )
    )
    hr = get_user_model().objects.filter(username="hr").first()
    created = 0
    for name, finished in ((FINISHED, True), (RUNNING, False)):
        cycle = Cycle.objects.filter(name=name).first()
        if cycle is None:
            continue
        pairs = cycle.pairs.select_related("mentor__user", "curator__user").order_by("pk")
        mentors = []
        for pair in pairs:
            if pair.mentor in mentors or pair.curator is None:
                continue
            mentors.append(pair.mentor)
            rng = random.Random(f"growth-{cycle.pk}-{pair.mentor.user.username}")
            created += _cycle_growth(
                cycle, pair.mentor, pair.curator.user, leadership, finished=finished, rng=rng
            )
        if not finished:
            _tracks_done(mentors)
        if finished and hr is not None:
            for index, mentor in enumerate(mentors):
                if not mentor.consent_to_share:
                    continue
                if TalentPoolDecision.objects.filter(participant=mentor, cycle=cycle).exists():
                    continue
                ready = index % 2 == 0
                services.decide(
                    mentor,
                    cycle,
                    "ready" if ready else "not_yet",
                    by=hr,
                    note=(
                        "Сам ведёт встречи и представил идею руководству; рекомендация куратора."
                        if ready
                        else "Хороший наставник; предложить ещё один цикл, фокус — обратная связь."
                    ),
                )
    answers = _mentee_answers()
    if stdout:
        stdout.write(f"  growth records: +{created}, mentee answers: +{answers}")
