"""Which consent is in force where: a consent given for the whole programme, for one cycle
or for one pair, read for the programme, a cycle or a pair — as a table."""

import pytest

from mentoring import consents
from mentoring.models import ConsentKind
from tests.mentoring.factories import CycleFactory, PairFactory, ParticipantFactory

KIND = ConsentKind.MENTORING


@pytest.fixture
def world(db):
    person = ParticipantFactory()
    c1, c2 = CycleFactory(), CycleFactory()
    return {
        "person": person,
        "c1": c1,
        "c2": c2,
        "pa": PairFactory(mentor=person, cycle=c1, consented=False),
        "pb": PairFactory(mentor=person, cycle=c1, consented=False),
        "pc": PairFactory(mentor=person, cycle=c2, consented=False),
    }


# where a consent was given -> where it is in force (None: the programme as a whole)
GIVEN_FOR = {
    "programme": ({}, {None, "c1", "c2", "pa", "pb", "pc"}),
    "cycle c1": ({"cycle": "c1"}, {"c1", "pa", "pb"}),
    "pair pa": ({"pair": "pa"}, {"pa"}),
    "pair pa in c1": ({"cycle": "c1", "pair": "pa"}, {"pa"}),
}
READ_IN = [None, "c1", "c2", "pa", "pb", "pc"]


@pytest.mark.parametrize("given_for", list(GIVEN_FOR))
def test_where_a_consent_is_in_force(world, given_for):
    scope, in_force = GIVEN_FOR[given_for]
    consents.record(world["person"], KIND, True, **{k: world[v] for k, v in scope.items()})
    for where in READ_IN:
        if where is None:
            kwargs = {}
        elif where.startswith("c"):
            kwargs = {"cycle": world[where]}
        else:
            kwargs = {"pair": world[where]}
        found = consents.has_consent(world["person"], KIND, **kwargs)
        assert found is (where in in_force), (given_for, where)


def test_a_narrower_withdrawal_does_not_undo_the_wider_consent_elsewhere(world):
    person = world["person"]
    consents.record(person, KIND, True)
    consents.record(person, KIND, False, pair=world["pa"])
    assert not consents.has_consent(person, KIND, pair=world["pa"])
    assert consents.has_consent(person, KIND, pair=world["pb"])
    assert consents.has_consent(person, KIND)


def test_the_newest_record_in_scope_decides(world):
    person = world["person"]
    consents.record(person, KIND, True, cycle=world["c1"])
    consents.record(person, KIND, False, cycle=world["c1"])
    assert not consents.has_consent(person, KIND, cycle=world["c1"])
    consents.record(person, KIND, True, cycle=world["c1"])
    assert consents.has_consent(person, KIND, pair=world["pa"])
    assert consents.latest(person, KIND, cycle=world["c1"]).given is True


def test_a_record_keeps_who_how_and_nothing_else(world, hr_admin):
    from mentoring.models import ConsentRecord

    person = world["person"]
    online = consents.record(person, KIND, True)
    paper = consents.record(
        person, KIND, True, way=ConsentRecord.Way.PAPER, by=hr_admin.user, effect="Подписано"
    )
    online, paper = (ConsentRecord.objects.get(pk=e.pk) for e in (online, paper))
    assert (online.way, online.recorded_by, online.effect) == (ConsentRecord.Way.ONLINE, None, "")
    assert (paper.way, paper.recorded_by, paper.effect) == (
        ConsentRecord.Way.PAPER,
        hr_admin.user,
        "Подписано",
    )


def test_another_persons_consent_is_not_mine(world):
    consents.record(world["person"], KIND, True)
    someone = ParticipantFactory()
    consents.record(someone, KIND, False)
    assert consents.has_consent(world["person"], KIND)
    assert consents.latest(world["person"], KIND).participant == world["person"]
