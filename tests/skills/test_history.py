"""Mastery history is append-only, the current level follows the last event, nothing is lost."""

import threading

import pytest

from django.db import close_old_connections, connection

from mentoring.models import Participant
from skills import services
from skills.models import Mastery, MasteryEvent, ToolPage
from skills.models.mastery import Lens
from tests.skills.factories import tool


@pytest.fixture
def instrument(db):
    return tool("Яндекс DataLens")


def test_current_level_follows_last_event_up_and_down(pair, instrument):
    for level in (1, 3, 2):
        services.record_level(pair.mentee, instrument, Lens.MENTOR, level, by=pair.mentor.user)
    services.record_level(pair.mentee, instrument, Lens.SELF, 4, by=pair.mentee.user)
    mastery = Mastery.objects.get(participant=pair.mentee, tool=instrument)
    assert mastery.mentor_level == 2  # levels may go down: the right to make mistakes
    assert mastery.self_level == 4
    events = list(MasteryEvent.objects.filter(mastery=mastery, lens=Lens.MENTOR))
    assert [(e.from_level, e.to_level) for e in events] == [(None, 1), (1, 3), (3, 2)]
    assert events[-1].to_level == mastery.mentor_level


def test_events_cannot_be_changed_or_deleted(pair, instrument):
    event = services.record_level(pair.mentee, instrument, Lens.SELF, 1, by=pair.mentee.user)
    event.to_level = 4
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        MasteryEvent.objects.filter(pk=event.pk).update(to_level=4)
    with pytest.raises(PermissionError):
        MasteryEvent.objects.filter(pk=event.pk).delete()
    assert MasteryEvent.objects.get(pk=event.pk).to_level == 1


def test_interleaved_writers_with_stale_reads_lose_nothing(pair, instrument):
    """Two requests read the mastery, then both write: the second writer's from-level is
    taken under the lock, not from its stale read, and both events survive."""
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 1, by=pair.mentor.user)
    stale_a = Mastery.objects.get(participant=pair.mentee, tool=instrument)
    stale_b = Mastery.objects.get(participant=pair.mentee, tool=instrument)
    assert stale_a.mentor_level == stale_b.mentor_level == 1
    services.record_level(stale_a.participant, stale_a.tool, Lens.MENTOR, 2, by=pair.mentor.user)
    services.record_level(stale_b.participant, stale_b.tool, Lens.MENTOR, 3, by=pair.mentor.user)
    events = list(MasteryEvent.objects.filter(mastery__participant=pair.mentee))
    assert [(e.from_level, e.to_level) for e in events] == [(None, 1), (1, 2), (2, 3)]
    assert Mastery.objects.get(pk=stale_a.pk).mentor_level == 3


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="in-memory SQLite locks whole tables across threads; the interleaving test above "
    "covers SQLite and CI runs this one on PostgreSQL",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_observations_both_survive():
    from tests.mentoring.factories import PairFactory

    pair = PairFactory()
    instrument = tool("Kaiten")
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 0, by=pair.mentor.user)
    barrier = threading.Barrier(2)
    errors = []

    def observe(level):
        try:
            person = Participant.objects.get(pk=pair.mentee.pk)
            page = ToolPage.objects.get(pk=instrument.pk)
            barrier.wait(timeout=10)
            services.record_level(person, page, Lens.MENTOR, level)
        except Exception as exc:  # the assertion below reports it
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=observe, args=(level,)) for level in (2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    events = list(MasteryEvent.objects.filter(mastery__participant=pair.mentee).order_by("pk"))
    assert sorted(e.to_level for e in events[1:]) == [2, 3]
    # chained: the second event starts where the first ended
    assert events[2].from_level == events[1].to_level
    mastery = Mastery.objects.get(participant=pair.mentee, tool=instrument)
    assert mastery.mentor_level == events[-1].to_level
