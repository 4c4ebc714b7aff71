"""The small-group rule counts distinct people, not records.

One mentee with five meetings or one author of five feedback forms is a group of one: every
figure about people stays hidden, however many rows they produce. The same number of records
from ``MIN_GROUP_SIZE`` different people is shown. Ideas implemented are a count that says
nothing about any one person (issue 16): they are shown as they are.
"""

import datetime

import pytest

from mentoring import access, reporting
from mentoring.models import Idea
from tests.mentoring.factories import (
    CycleFactory,
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    ParticipantFactory,
)

TODAY = datetime.date.today()
THIS_MONTH = TODAY.replace(day=1)


@pytest.fixture(autouse=True)
def group_size(settings):
    settings.MIN_GROUP_SIZE = 5
    return 5


def _figures():
    filters = reporting.filters_from({})
    return {series.key: series for series in reporting.compute(filters)}


def _records_of(pairs, per_pair):
    for pair in pairs:
        for day in range(per_pair):
            meeting = MeetingFactory(pair=pair, held_on=THIS_MONTH + datetime.timedelta(days=day))
            FeedbackFactory(meeting=meeting, author=pair.mentee)
            Idea.objects.create(
                author=pair.mentee,
                pair=pair,
                title=f"Идея {day}",
                description="…",
                status=Idea.Status.IMPLEMENTED,
                implemented_on=THIS_MONTH + datetime.timedelta(days=day),
            )


def _assert_hidden(series):
    assert series.total is None, series.key
    assert all(value is None for _label, value in series.by_group), series.key
    if series.by_month:
        assert series.by_month[THIS_MONTH] is None, series.key


def test_one_mentee_with_five_of_everything_is_a_group_of_one(db, group_size):
    pair = PairFactory()
    _records_of([pair], per_pair=group_size)
    figures = _figures()
    for key in ("meetings", "feedback_usefulness", "feedback_dialogue"):
        _assert_hidden(figures[key])
    assert figures["ideas_implemented"].total == group_size


def test_one_mentee_in_five_pairs_is_a_group_of_one(db, group_size):
    mentee = ParticipantFactory()
    for _ in range(group_size):  # one pair per cycle, each active
        PairFactory(mentee=mentee, cycle=CycleFactory())
    _assert_hidden(_figures()["active_pairs"])


def test_one_mentor_in_five_pairs_is_a_group_of_one(db, group_size):
    mentor = ParticipantFactory()
    cycle = CycleFactory()
    for _ in range(group_size):
        PairFactory(mentor=mentor, cycle=cycle)
    _assert_hidden(_figures()["mentors_retained"])


def test_five_people_with_one_record_each_are_shown(db, group_size):
    cycle = CycleFactory()
    plant_mates = ParticipantFactory().department
    pairs = [
        PairFactory(cycle=cycle, mentee=ParticipantFactory(department=plant_mates))
        for _ in range(group_size)
    ]
    _records_of(pairs, per_pair=1)
    figures = _figures()
    assert figures["active_pairs"].total == group_size
    assert figures["meetings"].total == group_size
    assert figures["meetings"].by_month[THIS_MONTH] == group_size
    assert dict(figures["meetings"].by_group)[plant_mates.plant.name] == group_size
    assert figures["ideas_implemented"].by_month[THIS_MONTH] == group_size
    assert figures["feedback_usefulness"].total == 4
    assert figures["mentors_retained"].total == 100


def test_one_person_short_of_the_group_size_is_hidden(db, group_size):
    pairs = [PairFactory(cycle=CycleFactory()) for _ in range(group_size - 1)]
    _records_of(pairs, per_pair=2)
    for key in ("active_pairs", "meetings", "feedback_usefulness"):
        _assert_hidden(_figures()[key])


@pytest.mark.parametrize(("count", "shown"), [(0, False), (4, False), (5, True), (6, True)])
def test_the_threshold_itself(group_size, count, shown):
    assert access.group_is_reportable(count) is shown


def test_the_threshold_follows_the_setting(settings):
    settings.MIN_GROUP_SIZE = 3
    assert access.group_is_reportable(3)
    assert not access.group_is_reportable(2)


def test_every_month_of_the_window_counts_and_empty_months_are_zero(db, group_size):
    filters = reporting.filters_from({})
    first, last = filters.months[0], filters.months[-1]
    for _ in range(group_size):
        MeetingFactory(pair=PairFactory(cycle=CycleFactory()), held_on=first)
    meetings = _figures()["meetings"]
    assert meetings.by_month[first] == group_size
    assert meetings.by_month[last] == 0
    assert set(meetings.by_month.values()) == {group_size, 0}


def test_a_meeting_after_the_months_shown_is_not_recoverable_from_the_total(db, group_size):
    # the window January–March 2025; one mentee met on 1 April, the first day after it.
    # The months shown and the part outside them split the total: if that meeting fell out
    # of both, the total minus the months would give one person's meeting away.
    from mentoring.results import ResultFilters

    filters = ResultFilters(months=reporting.last_months(3, today=datetime.date(2025, 3, 15)))
    march, april = datetime.date(2025, 3, 31), datetime.date(2025, 4, 1)
    cycle = CycleFactory()
    for _ in range(group_size):
        MeetingFactory(pair=PairFactory(cycle=cycle), held_on=march)
    MeetingFactory(pair=PairFactory(cycle=cycle), held_on=april)
    meetings = {s.key: s for s in reporting.compute(filters)}["meetings"]
    months = list(meetings.by_month.values())
    assert months[:2] == [0, 0]
    if meetings.total is not None and None not in months:
        rest = meetings.total - sum(months)
        assert rest == 0 or access.group_is_reportable(rest), (meetings.total, months)
    assert meetings.total == group_size + 1  # six meetings of six people in all
    assert months[2] is None  # March goes with the hidden part outside the window


def test_a_plant_hidden_as_the_complement_stays_hidden_when_filtered_to(db, group_size):
    # plant «small» (2 people) is hidden, «middle» (6) with it so that 17 − 9 − 6 cannot
    # give the 2 away; filtered to «middle», the figure would give the 6 back
    from tests.mentoring.factories import DepartmentFactory

    cycle = CycleFactory()
    departments = {}
    for name, count in (("small", 2), ("middle", 6), ("large", 9)):
        departments[name] = DepartmentFactory()
        for _ in range(count):
            pair = PairFactory(cycle=cycle, mentee=ParticipantFactory(department=departments[name]))
            MeetingFactory(pair=pair, held_on=THIS_MONTH)
    everyone = _figures()["meetings"]
    by_plant = dict(everyone.by_group)
    assert [by_plant[departments[n].plant.name] for n in ("small", "middle", "large")] == [
        None,
        None,
        9,
    ]
    middle = reporting.filters_from({"plant": str(departments["middle"].plant_id)})
    filtered = {s.key: s for s in reporting.compute(middle)}["meetings"]
    assert filtered.total is None
    assert filtered.by_month[THIS_MONTH] is None


def test_ideas_implemented_are_counted_as_ideas_per_month_and_plant(db, group_size):
    # a count of ideas says nothing about any one person: three ideas of one author are 3
    pair = PairFactory(cycle=CycleFactory())
    colleague = ParticipantFactory(department=pair.mentee.department)
    for author, count in ((pair.mentee, 3), (colleague, 1)):
        for number in range(count):
            Idea.objects.create(
                author=author,
                pair=pair,
                title=f"Идея {number}",
                description="…",
                status=Idea.Status.IMPLEMENTED,
                implemented_on=THIS_MONTH,
            )
    ideas = _figures()["ideas_implemented"]
    earlier = reporting.filters_from({}).months[0]
    assert ideas.total == 4
    assert ideas.by_month[THIS_MONTH] == 4
    assert ideas.by_month[earlier] == 0  # a month without ideas shows none
    assert ideas.by_group == [(pair.mentee.plant.name, 4)]
