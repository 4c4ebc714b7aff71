"""Figures for the HR dashboard hide small groups; the /my/ section shows a mentee's summary."""

import datetime

from django.urls import reverse
from django.utils import timezone

from mentoring.dashboard import sections_for
from mentoring.results import ResultFilters, providers
from mentoring.roles import Role
from skills import contributions, services
from skills.models.mastery import Lens
from tests.mentoring.factories import (
    CycleFactory,
    DepartmentFactory,
    PairFactory,
    ParticipantFactory,
)
from tests.skills.factories import tool


def _pairs(count, department, cycle, mentor):
    return [
        PairFactory(cycle=cycle, mentor=mentor, mentee__department=department) for _ in range(count)
    ]


def test_results_hide_groups_below_min_size(db, settings):
    settings.MIN_GROUP_SIZE = 5
    assert contributions.results in providers()
    instrument = tool("Яндекс Трекер")
    cycle = CycleFactory()
    mentor = ParticipantFactory(roles=[Role.MENTOR])
    big, small = DepartmentFactory(name="Большой цех"), DepartmentFactory(name="Малый цех")
    pairs = _pairs(5, big, cycle, mentor) + _pairs(2, small, cycle, mentor)
    for pair in pairs:
        services.record_level(pair.mentee, instrument, Lens.MENTOR, 1)
        services.record_level(pair.mentee, instrument, Lens.MENTOR, 3)
    month = timezone.localdate().replace(day=1)
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    level_ups, mastered = contributions.results(ResultFilters(months=(previous, month)))
    assert level_ups.by_month == {previous: 0, month: 14}
    # the big department is hidden too: the total 7 minus a visible 5 would give away the 2
    assert mastered.total == 7
    assert dict(mastered.by_group) == {"Большой цех": None, "Малый цех": None}
    # only the small department: every figure over fewer than 5 people is hidden
    only_small = ResultFilters(months=(month,), plant_id=small.plant_id)
    level_ups, mastered = contributions.results(only_small)
    assert level_ups.by_month == {month: None}
    assert mastered.total is None
    assert dict(mastered.by_group) == {"Малый цех": None}


def test_my_section_for_mentee_only(rf, pair):
    instrument = tool("GigaChat")
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 3)
    request = rf.get("/my/")
    request.user = pair.mentee.user
    section = contributions.my_skills_section(request)
    assert section.context["tools"] == 1 and section.context["independent"] == 1
    assert section in sections_for(request)
    request.user = pair.mentor.user
    assert contributions.my_skills_section(request) is None


def test_curator_desk_signals_goals_without_progress(client, db):
    from django.urls import reverse

    from skills.models import SkillGoal

    pair = PairFactory()
    stalled, moving = tool("Kaiten"), tool("Яндекс DataLens")
    month_ago = timezone.now() - datetime.timedelta(days=45)
    for instrument in (stalled, moving):
        SkillGoal.objects.create(
            participant=pair.mentee,
            tool=instrument,
            cycle=pair.cycle,
            target_level=3,
            set_at=month_ago,
        )
    services.record_level(pair.mentee, moving, Lens.MENTOR, 2)

    signals = contributions.stalled_goals([pair])
    assert [s.key for s in signals[pair.pk]] == ["stalled_goals"]
    assert signals[pair.pk][0].label == "1 цель без прогресса больше месяца"

    client.force_login(pair.curator.user)
    body = client.get(reverse("curator_desk")).content.decode()
    assert "без прогресса" in body

    services.record_level(pair.mentee, stalled, Lens.SELF, 1)
    assert contributions.stalled_goals([pair]) == {}


def test_a_plant_filter_never_gives_away_the_rest_by_subtraction(client, db, settings):
    """Tools mastered 7 with no filter and 5 with ``?plant=`` gave away the other plant's 2."""
    settings.MIN_GROUP_SIZE = 5
    instrument = tool("Яндекс Трекер")
    cycle = CycleFactory()
    mentor = ParticipantFactory(roles=[Role.MENTOR])
    big, small = DepartmentFactory(name="Большой цех"), DepartmentFactory(name="Малый цех")
    for pair in _pairs(5, big, cycle, mentor) + _pairs(2, small, cycle, mentor):
        services.record_level(pair.mentee, instrument, Lens.MENTOR, 3)
    hr = ParticipantFactory(roles=[Role.HR_EDITOR])
    client.force_login(hr.user)

    def figure(**params):
        response = client.get(reverse("programme_results"), params)
        return {i["series"].key: i["series"] for i in response.context["series"]}

    everyone = figure()["skills_tools_mastered"].total
    big_only = figure(plant=big.plant_id)["skills_tools_mastered"].total
    assert everyone is None or big_only is None
    assert figure(plant=small.plant_id)["skills_tools_mastered"].total is None
