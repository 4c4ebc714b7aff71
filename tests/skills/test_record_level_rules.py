"""What one recorded level keeps: who, when, the evidence, and the lens it belongs to."""

import datetime

import pytest

from django.utils import timezone

from skills import services
from skills.models import Mastery, MasteryEvent
from skills.models.mastery import Lens
from tests.mentoring.factories import MeetingFactory
from tests.skills.factories import tool


@pytest.fixture
def instrument(db):
    return tool("Битрикс24")


def test_the_event_keeps_who_when_and_the_evidence(pair, instrument):
    meeting = MeetingFactory(pair=pair)
    at = timezone.now() - datetime.timedelta(days=2)
    event = services.record_level(
        pair.mentee,
        instrument,
        Lens.MENTOR,
        2,
        by=pair.mentor.user,
        at=at,
        evidence_text="Сам настроил канбан участка",
        evidence_link="https://portal.example/board",
        meeting=meeting,
    )
    saved = MasteryEvent.objects.get(pk=event.pk)
    assert saved.recorded_by == pair.mentor.user
    assert saved.recorded_at == at
    assert saved.evidence_text == "Сам настроил канбан участка"
    assert saved.evidence_link == "https://portal.example/board"
    assert saved.meeting == meeting
    mastery = Mastery.objects.get(participant=pair.mentee, tool=instrument)
    assert mastery.updated_at == at


def test_without_a_time_the_event_is_recorded_now(pair, instrument):
    before = timezone.now()
    event = services.record_level(pair.mentee, instrument, Lens.SELF, 1, by=pair.mentee.user)
    after = timezone.now()
    saved = MasteryEvent.objects.get(pk=event.pk)
    assert before <= saved.recorded_at <= after
    assert saved.recorded_by == pair.mentee.user
    assert Mastery.objects.get(pk=saved.mastery_id).updated_at == saved.recorded_at


def test_the_two_lenses_are_kept_side_by_side(pair, instrument):
    services.record_level(pair.mentee, instrument, Lens.SELF, 4, by=pair.mentee.user)
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 1, by=pair.mentor.user)
    services.record_level(pair.mentee, instrument, Lens.SELF, 3, by=pair.mentee.user)
    mastery = Mastery.objects.get(participant=pair.mentee, tool=instrument)
    assert (mastery.self_level, mastery.mentor_level) == (3, 1)
    chain = MasteryEvent.objects.filter(mastery=mastery).order_by("pk")
    assert [(e.lens, e.from_level, e.to_level) for e in chain] == [
        (Lens.SELF, None, 4),
        (Lens.MENTOR, None, 1),
        (Lens.SELF, 4, 3),
    ]


def test_an_unknown_lens_is_refused_and_nothing_is_written(pair, instrument):
    with pytest.raises(ValueError):
        services.record_level(pair.mentee, instrument, "boss", 2)
    assert not Mastery.objects.exists()
    assert not MasteryEvent.objects.exists()
