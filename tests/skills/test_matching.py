"""HR's matching view: mentors for a mentee ranked by their level in the mentee's goal tools,
then the same plant, then free places; the reason is shown; only HR forms the pair."""

import pytest

from django.urls import reverse

from mentoring import consents
from mentoring.models import ConsentKind, Pair
from mentoring.roles import Role
from skills import matching
from skills.models import SkillGoal
from skills.services import record_level
from tests.mentoring.factories import (
    CycleFactory,
    DepartmentFactory,
    PairFactory,
    ParticipantFactory,
    give_consents,
)
from tests.skills.factories import tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    cycle = CycleFactory(mentor_capacity=2)
    home = DepartmentFactory()
    away = DepartmentFactory()
    excel, power_bi = tool("Excel"), tool("Power BI")
    mentee = ParticipantFactory(roles=[Role.MENTEE], department=home)
    give_consents(mentee)
    SkillGoal.objects.create(participant=mentee, tool=excel, cycle=cycle, target_level=3)
    SkillGoal.objects.create(participant=mentee, tool=power_bi, cycle=cycle, target_level=2)

    def mentor(department, levels, taken=0):
        person = ParticipantFactory(roles=[Role.MENTOR], department=department)
        give_consents(person, mentoring_cycle=cycle)
        for item, level in zip((excel, power_bi), levels, strict=True):
            if level is not None:
                record_level(person, item, "mentor", level)
        for _ in range(taken):
            PairFactory(cycle=cycle, mentor=person)
        return person

    people = {
        "expert_away": mentor(away, (4, 3)),  # 7
        "good_home_busy": mentor(home, (3, 2), taken=1),  # 5, same plant, 1 free
        "good_home_free": mentor(home, (3, 2)),  # 5, same plant, 2 free
        "good_away": mentor(away, (3, 2)),  # 5, other plant
        "novice_home": mentor(home, (None, 1)),  # 1
        "full": mentor(home, (4, 4), taken=2),  # no free place
        "below": mentor(home, (4, 4)),  # reports to the mentee
        "no_consent": mentor(home, (4, 4)),
    }
    people["below"].manager = mentee
    people["below"].save()
    consents.record(people["no_consent"], ConsentKind.PERSONAL_DATA, False)
    return cycle, mentee, people


def test_ranked_by_level_then_plant_then_free_places(scene, hr_admin):
    cycle, mentee, people = scene
    ranked = [s.mentor for s in matching.suggest(mentee, cycle, viewer=hr_admin.user)]
    assert ranked == [
        people["expert_away"],
        people["good_home_free"],
        people["good_home_busy"],
        people["good_away"],
        people["novice_home"],
    ]


def test_the_view_shows_reasons_and_hr_picks(scene, client, hr_admin):
    cycle, mentee, people = scene
    for person in people.values():
        consents.record(person, ConsentKind.SHARE_WITH_HR, True)
    client.force_login(hr_admin.user)
    url = reverse("pair_matching") + f"?cycle={cycle.pk}&mentee={mentee.pk}"
    page = client.get(url).content.decode()
    assert mentee.full_name in page
    assert page.index(people["expert_away"].full_name) < page.index(
        people["good_home_free"].full_name
    )
    assert "Excel: 4" in page
    assert "Та же площадка, что у наставляемого" in page
    assert "1 свободное место из 2 в цикле" in page
    assert people["full"].full_name not in page
    assert people["below"].full_name not in page
    assert people["no_consent"].full_name not in page
    assert not Pair.objects.filter(mentee=mentee).exists()  # nothing formed by itself
    response = client.post(url, {"mentor": people["good_home_free"].pk, "curator": ""})
    pair = Pair.objects.get(mentee=mentee)
    assert response.url == reverse("pairs:edit", args=[pair.pk])
    assert (pair.mentor, pair.status) == (people["good_home_free"], Pair.Status.PROPOSED)


def test_levels_stay_hidden_without_consent_to_show_them_to_hr(scene, client, hr_admin):
    cycle, mentee, people = scene
    client.force_login(hr_admin.user)
    url = reverse("pair_matching") + f"?cycle={cycle.pk}&mentee={mentee.pk}"
    page = client.get(url).content.decode()
    assert "Excel: 4" not in page
    assert "не показан" in page
    assert page.index(people["expert_away"].full_name) < page.index(people["novice_home"].full_name)


def test_only_hr_with_the_permission_opens_it(scene, client):
    _cycle, mentee, people = scene
    client.force_login(people["expert_away"].user)
    response = client.get(reverse("pair_matching"))
    assert response.status_code in (302, 403)
    assert mentee.full_name not in response.content.decode()


def test_agreement_draft_starts_from_the_mentees_goals(scene):
    from mentoring import agreements

    cycle, mentee, people = scene
    pair = PairFactory(cycle=cycle, mentee=mentee, mentor=people["good_home_free"])
    initial = agreements.initial(pair)
    assert "Excel — достичь уровня 3" in initial["goals"]
    assert len(initial["tools"]) == 2
