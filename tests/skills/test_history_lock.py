"""Two people recording a level at once: the second waits for the first's row lock.

On PostgreSQL the lock is the mastery row (``select_for_update`` in ``record_level``). The
first writer is held inside its transaction, after it has read the mastery under the lock;
the second writer must then be seen waiting for a lock in ``pg_stat_activity`` — never
finishing first with a stale from-level. This does not depend on timing: without the lock
the second writer runs to its commit while the first is held.

On SQLite the row lock is a no-op by design: every transaction there begins with
``BEGIN IMMEDIATE`` (``transaction_mode`` in the settings), which takes the database's one
write lock, so two writers are serialised before either reads. The SQLite pass checks that
(the interleaving test in ``test_history.py``); this one runs in CI's PostgreSQL pass.
"""

import threading
import time

import pytest

from django.db import connection

from mentoring.models import Participant
from skills import services
from skills.models import Mastery, MasteryEvent, ToolPage
from skills.models.mastery import Lens
from tests.skills.factories import tool

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the row lock exists on PostgreSQL; SQLite serialises writers with BEGIN IMMEDIATE",
)


def _waiting_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_second_writer_waits_for_the_first(monkeypatch):
    from tests.mentoring.factories import PairFactory

    pair = PairFactory()
    instrument = tool("Kaiten")
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 0, by=pair.mentor.user)
    holding, release, second_done = threading.Event(), threading.Event(), threading.Event()
    errors = []
    create = MasteryEvent.objects.create

    def create_and_hold(**kwargs):
        if threading.current_thread().name == "first":
            holding.set()
            release.wait(timeout=30)
        return create(**kwargs)

    monkeypatch.setattr(MasteryEvent.objects, "create", create_and_hold)

    def observe(level, done=None):
        try:
            person = Participant.objects.get(pk=pair.mentee.pk)
            page = ToolPage.objects.get(pk=instrument.pk)
            services.record_level(person, page, Lens.MENTOR, level)
        except Exception as exc:  # the assertions below report it
            errors.append(exc)
        finally:
            if done is not None:
                done.set()
            connection.close()

    first = threading.Thread(target=observe, args=(2,), name="first")
    second = threading.Thread(target=observe, args=(3, second_done), name="second")
    first.start()
    try:
        assert holding.wait(timeout=30), errors
        second.start()
        # wait until the second writer either blocks on a lock or gets through
        for _ in range(600):
            if second_done.is_set() or _waiting_for_a_lock():
                break
            time.sleep(0.05)
        assert not second_done.is_set(), "the second writer did not wait for the row lock"
        assert _waiting_for_a_lock() == 1
    finally:
        release.set()
        first.join(timeout=30)
        if second.ident is not None:
            second.join(timeout=30)
    assert not errors, errors
    events = list(MasteryEvent.objects.filter(mastery__participant=pair.mentee).order_by("pk"))
    assert [(e.from_level, e.to_level) for e in events] == [(None, 0), (0, 2), (2, 3)]
    assert Mastery.objects.get(participant=pair.mentee, tool=instrument).mentor_level == 3
