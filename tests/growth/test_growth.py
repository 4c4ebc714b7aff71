"""A mentor's growth: competencies as content, evidence sources kept apart, the access
rules for every role, mentee answers only in aggregates, HR figures under the group rule."""

import datetime

import pytest

from django.urls import reverse

from growth import results, services
from growth.models import Competency, CompetencyEvent, Moment, Source, TalentPoolDecision
from mentoring import consents
from mentoring.models import ConsentKind, ConsentText, Cycle, Feedback, Pair, RecordAccess
from mentoring.results import ResultFilters
from mentoring.roles import Role
from tests.mentoring.factories import (
    CycleFactory,
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    ParticipantFactory,
)


@pytest.fixture
def facilitation(db):
    return Competency.objects.get(key="facilitation")


@pytest.fixture
def world(db):
    """One mentor with two mentees under one curator, and a second, unrelated pair."""
    pair = PairFactory()
    second = PairFactory(cycle=pair.cycle, mentor=pair.mentor, curator=pair.curator)
    other = PairFactory(cycle=pair.cycle)
    return {"pair": pair, "second": second, "other": other, "mentor": pair.mentor}


def _url(mentor):
    return reverse("growth_mentor", args=[mentor.pk])


def test_competencies_are_content_with_every_level_described(db):
    leadership = Competency.objects.filter(kind=Competency.Kind.LEADERSHIP)
    selection = Competency.objects.filter(kind=Competency.Kind.SELECTION)
    assert set(leadership.values_list("key", flat=True)) == {
        "facilitation",
        "feedback_upward",
        "presenting_upward",
        "managing_expectations",
    }
    assert set(selection.values_list("key", flat=True)) == {
        "digital_literacy",
        "systems_thinking",
        "expertise",
        "communication",
        "motivation",
    }
    for competency in Competency.objects.all():
        described = dict(competency.levels.values_list("level", "behaviour"))
        assert sorted(described) == [0, 1, 2, 3, 4]
        assert all(len(text) > 20 for text in described.values())


def test_history_is_append_only(world, facilitation):
    event = services.record(
        world["mentor"], facilitation, world["pair"].cycle, Source.SELF, Moment.START, 1
    )
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        CompetencyEvent.objects.all().update(level=4)
    with pytest.raises(PermissionError):
        CompetencyEvent.objects.all().delete()


def test_self_assessment_and_observation_stay_apart(client, world, facilitation):
    mentor, pair = world["mentor"], world["pair"]
    client.force_login(mentor.user)
    url = reverse("growth_self_assess", args=[facilitation.pk])
    page = client.get(url).content.decode()
    assert "Сам строит встречу вокруг задачи наставляемого" in page  # levels in behaviour
    response = client.post(
        url, {"moment": "start", "level": "1", "evidence_text": "Говорил почти всю встречу"}
    )
    assert response.status_code == 302
    client.post(url, {"moment": "end", "level": "3", "evidence_text": "Отдал клавиатуру"})

    client.force_login(pair.curator.user)
    response = client.post(
        _url(mentor),
        {
            "action": "observe",
            "competency": str(facilitation.pk),
            "level": "2",
            "evidence_text": "На встрече 12 марта держал паузу, но подсказывал",
        },
    )
    assert response.status_code == 302
    events = list(CompetencyEvent.objects.order_by("pk").values_list("source", "moment", "level"))
    assert events == [
        (Source.SELF, Moment.START, 1),
        (Source.SELF, Moment.END, 3),
        (Source.CURATOR, Moment.DURING, 2),
    ]
    row = next(r for r in services.overview(mentor, pair.cycle) if r["competency"] == facilitation)
    assert (row["self_start"].level, row["self_end"].level, row["curator_latest"].level) == (
        1,
        3,
        2,
    )
    # the mentor's own page shows both lenses separately, and the chart labels the curator
    client.force_login(mentor.user)
    page = client.get(reverse("my_growth")).content.decode()
    assert "Самооценка в начале" in page and "Наблюдение куратора" in page
    assert "На встрече 12 марта держал паузу" in page
    assert '<svg class="progress-chart"' in page


def test_only_a_mentor_assesses_and_only_the_curator_observes(client, world, facilitation):
    mentee = world["pair"].mentee
    client.force_login(mentee.user)
    url = reverse("growth_self_assess", args=[facilitation.pk])
    assert client.post(url, {"moment": "start", "level": "2"}).status_code == 404
    client.force_login(world["other"].curator.user)
    data = {"action": "observe", "competency": facilitation.pk, "level": 2, "evidence_text": "x"}
    assert client.post(_url(world["mentor"]), data).status_code == 404
    assert not CompetencyEvent.objects.exists()


def test_bad_input_is_refused_in_russian_and_kept(client, world, facilitation):
    client.force_login(world["mentor"].user)
    url = reverse("growth_self_assess", args=[facilitation.pk])
    response = client.post(url, {"moment": "start", "level": "9", "evidence_text": "Мой пример"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Выберите корректный вариант" in body
    assert "Мой пример" in body
    assert not CompetencyEvent.objects.exists()


@pytest.mark.parametrize(
    "who, status",
    [
        ("mentor", 302),  # own page lives at /my/growth/
        ("curator", 200),
        ("other_curator", 404),
        ("mentee", 404),
        ("other_mentor", 404),
        ("hr_without_consent", 404),
        ("hr_with_consent", 200),
        ("superuser", 404),
    ],
)
def test_access_to_a_mentor_growth_follows_the_rules_table(client, world, who, status):
    mentor = world["mentor"]
    if who == "hr_with_consent":
        mentor.consent_to_share = True
        mentor.save(update_fields=["consent_to_share"])
    people = {
        "mentor": mentor,
        "curator": world["pair"].curator,
        "other_curator": world["other"].curator,
        "mentee": world["pair"].mentee,
        "other_mentor": world["other"].mentor,
        "hr_without_consent": ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR]),
        "hr_with_consent": ParticipantFactory(roles=[Role.HR_EDITOR]),
        "superuser": ParticipantFactory(user__is_superuser=True, user__is_staff=True),
    }
    client.force_login(people[who].user)
    assert client.get(_url(mentor)).status_code == status
    listed = client.get(reverse("growth_mentors")).content.decode()
    assert (_url(mentor) in listed) == (status == 200)


def test_consent_to_hr_given_and_withdrawn_through_the_consent_records(client, world):
    mentor = world["mentor"]
    ConsentText.objects.get_or_create(
        kind=ConsentKind.SHARE_WITH_HR, version=1, defaults={"body": "Согласие"}
    )
    hr = ParticipantFactory(roles=[Role.HR_EDITOR])
    client.force_login(hr.user)
    assert client.get(_url(mentor)).status_code == 404
    consents.record(mentor, ConsentKind.SHARE_WITH_HR, True)
    assert client.get(_url(mentor)).status_code == 200
    consents.record(mentor, ConsentKind.SHARE_WITH_HR, False)
    assert client.get(_url(mentor)).status_code == 404


def test_a_curator_read_is_logged(client, world):
    client.force_login(world["pair"].curator.user)
    client.get(_url(world["mentor"]))
    assert RecordAccess.objects.filter(
        subject=world["mentor"], actor=world["pair"].curator.user, what="growth"
    ).exists()


def _answers(pair, values):
    for offset, value in enumerate(values):
        meeting = MeetingFactory(
            pair=pair, held_on=datetime.date.today() - datetime.timedelta(days=60 - offset)
        )
        FeedbackFactory(meeting=meeting, mentor_facilitation=value, mentor_feedback=value)


def test_the_mentee_answers_two_questions_the_mentor_none(client, world):
    meeting = MeetingFactory(pair=world["pair"])
    url = reverse("meeting_detail", args=[meeting.pk])
    client.force_login(world["mentor"].user)
    assert "mentor_facilitation" not in client.get(url).content.decode()
    client.force_login(world["pair"].mentee.user)
    page = client.get(url).content.decode()
    assert 'name="mentor_facilitation"' in page and 'name="mentor_feedback"' in page
    client.post(
        url,
        {
            "usefulness": "4",
            "equal_dialogue": "5",
            "mentor_facilitation": "2",
            "mentor_feedback": "5",
        },
    )
    saved = Feedback.objects.get()
    assert (saved.mentor_facilitation, saved.mentor_feedback) == (2, 5)
    # the answer does not become a level of the mentor: the sources stay apart
    assert not CompetencyEvent.objects.exists()


def test_mentee_answers_reach_the_mentor_only_as_an_average_of_enough(client, world):
    mentor, pair = world["mentor"], world["pair"]
    _answers(pair, [1, 2, 3, 4])
    shown = services.mentee_answers(mentor, pair.cycle)["mentor_facilitation"]
    assert (shown["answers"], shown["shown"], shown["average"]) == (4, 0, None)
    client.force_login(mentor.user)
    page = client.get(reverse("my_growth")).content.decode()
    assert "Пока 4 ответа; показываем от 5" in page

    _answers(world["second"], [5])
    shown = services.mentee_answers(mentor, pair.cycle)["mentor_facilitation"]
    assert (shown["shown"], shown["average"]) == (5, 3.0)
    # one more answer does not move the figure: it could be worked out by subtraction
    _answers(world["second"], [1])
    shown = services.mentee_answers(mentor, pair.cycle)["mentor_facilitation"]
    assert (shown["answers"], shown["shown"], shown["average"]) == (6, 5, 3.0)
    page = client.get(reverse("my_growth")).content.decode()
    assert "3,0" in page or "3.0" in page


def _growth(mentor, cycle, competency, start, end):
    services.record(mentor, competency, cycle, Source.SELF, Moment.START, start)
    services.record(mentor, competency, cycle, Source.SELF, Moment.END, end)


def test_hr_results_hide_small_groups(db, facilitation):
    cycle = CycleFactory()
    pairs = [PairFactory(cycle=cycle) for _ in range(4)]
    for pair in pairs:
        _growth(pair.mentor, cycle, facilitation, 1, 2)
    filters = ResultFilters(months=(), cycle_id=cycle.pk)
    series = results.grew_by_skill(filters)
    row = dict(series.by_group)
    assert row["Фасилитация встречи — по самооценке"] is None
    assert series.total is None

    fifth = PairFactory(cycle=cycle)
    _growth(fifth.mentor, cycle, facilitation, 2, 2)
    series = results.grew_by_skill(filters)
    assert dict(series.by_group)["Фасилитация встречи — по самооценке"] == "4 из 5"
    assert series.total == 4


def test_talent_pool_and_came_back_under_the_group_rule(db):
    old = CycleFactory(
        status=Cycle.Status.FINISHED,
        starts_on=datetime.date.today() - datetime.timedelta(days=400),
        ends_on=datetime.date.today() - datetime.timedelta(days=250),
    )
    new = CycleFactory()
    old_pairs = [PairFactory(cycle=old, status=Pair.Status.COMPLETED) for _ in range(5)]
    for pair in old_pairs[:3]:
        PairFactory(cycle=new, mentor=pair.mentor)
    series = results.came_back(ResultFilters(months=()))
    assert series.total == 60
    assert dict(series.by_group)[old.name] == 60

    hr = ParticipantFactory(roles=[Role.HR_EDITOR])
    services.decide(old_pairs[0].mentor, old, "ready", by=hr.user)
    assert results.talent_pool(ResultFilters(months=(), cycle_id=old.pk)).total == 1
    small = CycleFactory()
    lone = PairFactory(cycle=small)
    services.decide(lone.mentor, small, "ready", by=hr.user)
    assert results.talent_pool(ResultFilters(months=(), cycle_id=small.pk)).total is None


def test_mentee_answers_for_hr_need_enough_mentors_and_mentees(db):
    cycle = CycleFactory()
    pairs = [PairFactory(cycle=cycle) for _ in range(4)]
    for pair in pairs:
        _answers(pair, [4])
    filters = ResultFilters(months=(), cycle_id=cycle.pk)
    assert all(value is None for _label, value in results.mentee_answers(filters).by_group)
    _answers(PairFactory(cycle=cycle), [5])
    values = [value for _label, value in results.mentee_answers(filters).by_group]
    assert values == [4.2, 4.2]


def test_results_page_shows_the_growth_figures(client, hr_editor):
    client.force_login(hr_editor.user)
    page = client.get(reverse("programme_results")).content.decode()
    assert "Наставники, выросшие хотя бы на один уровень за цикл" in page


def test_hr_records_a_talent_pool_decision_only_with_consent(client, world):
    mentor = world["mentor"]
    hr = ParticipantFactory(roles=[Role.HR_EDITOR])
    client.force_login(hr.user)
    data = {"action": "decide", "decision": "ready", "note": "Ведёт встречи сам"}
    assert client.post(_url(mentor), data).status_code == 404
    mentor.consent_to_share = True
    mentor.save(update_fields=["consent_to_share"])
    assert client.post(_url(mentor), data).status_code == 302
    decision = TalentPoolDecision.objects.get()
    assert (decision.participant, decision.decision) == (mentor, "ready")
    # the mentor sees HR's decision about them
    client.force_login(mentor.user)
    assert "Ведёт встречи сам" in client.get(reverse("my_growth")).content.decode()


def test_linked_from_my_page_and_the_curator_desk(client, world):
    client.force_login(world["mentor"].user)
    assert reverse("my_growth") in client.get(reverse("my_dashboard")).content.decode()
    client.force_login(world["pair"].curator.user)
    desk = client.get(reverse("curator_desk")).content.decode()
    assert _url(world["mentor"]) in desk


def test_one_hidden_cycle_hides_the_total_too(db):
    def finished(days):
        return CycleFactory(
            status=Cycle.Status.FINISHED,
            starts_on=datetime.date.today() - datetime.timedelta(days=days),
            ends_on=datetime.date.today() - datetime.timedelta(days=days - 100),
        )

    big, small = finished(700), finished(400)
    for _ in range(5):
        PairFactory(cycle=big, status=Pair.Status.COMPLETED)
    PairFactory(cycle=small, status=Pair.Status.COMPLETED)
    series = results.came_back(ResultFilters(months=()))
    assert dict(series.by_group)[small.name] is None
    assert series.total is None


def test_the_growth_page_costs_the_same_queries_whatever_the_history(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mentor, cycle = world["mentor"], world["pair"].cycle
    client.force_login(mentor.user)
    client.get(reverse("my_growth"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("my_growth"))
    for competency in Competency.objects.all():
        _growth(mentor, cycle, competency, 1, 3)
        services.record(mentor, competency, cycle, Source.CURATOR, Moment.DURING, 2)
    _answers(world["pair"], [4, 5, 4, 5, 4, 5])
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("my_growth"))
    assert len(many) <= len(few)
