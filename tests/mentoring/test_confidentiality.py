"""Confidentiality of the pair: private notes, feedback authors, issues to the curator.

Every view showing a person's records is tried by every other role and by guessed ids.
"""

import pytest

from django.core import mail
from django.urls import reverse

from mentoring import access
from mentoring.models import Feedback, IssueNote, SupportIssue, TopicRequest
from mentoring.roles import Role
from tests.mentoring.factories import (
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    ParticipantFactory,
    SupportIssueFactory,
)


@pytest.fixture
def world(db):
    pair = PairFactory()
    other = PairFactory(cycle=pair.cycle)
    meeting = MeetingFactory(pair=pair)
    return {
        "pair": pair,
        "meeting": meeting,
        "mentor": pair.mentor,
        "mentee": pair.mentee,
        "curator": pair.curator,
        "other_mentor": other.mentor,
        "other_mentee": other.mentee,
        "other_curator": other.curator,
        "hr_admin": ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR]),
        "hr_editor": ParticipantFactory(roles=[Role.HR_EDITOR]),
    }


NOTE = "Личная заметка пары"


@pytest.mark.parametrize("who", ["mentor", "mentee"])
def test_pair_members_read_private_notes(client, world, who):
    client.force_login(world[who].user)
    body = client.get(reverse("meeting_detail", args=[world["meeting"].pk])).content.decode()
    assert NOTE in body


@pytest.mark.parametrize(
    "who", ["curator", "other_mentor", "other_mentee", "other_curator", "hr_admin", "hr_editor"]
)
def test_nobody_else_reads_the_meeting_or_the_pair(client, world, who):
    client.force_login(world[who].user)
    assert client.get(reverse("meeting_detail", args=[world["meeting"].pk])).status_code == 404
    assert client.get(reverse("pair_detail", args=[world["pair"].pk])).status_code == 404
    assert client.get(reverse("meeting_new", args=[world["pair"].pk])).status_code == 404
    assert client.get(reverse("issue_new", args=[world["pair"].pk])).status_code == 404


def test_staff_superuser_gets_no_front_end_access(client, world):
    boss = ParticipantFactory()
    boss.user.is_staff = boss.user.is_superuser = True
    boss.user.save()
    client.force_login(boss.user)
    assert client.get(reverse("meeting_detail", args=[world["meeting"].pk])).status_code == 404
    assert client.get(reverse("curator_pair", args=[world["pair"].pk])).status_code == 404


def test_guessed_ids_give_404(client, world):
    client.force_login(world["mentor"].user)
    for pk in (world["meeting"].pk + 1, 999999):
        assert client.get(reverse("meeting_detail", args=[pk])).status_code == 404
    assert client.get(reverse("pair_detail", args=[999999])).status_code == 404
    assert client.get(reverse("curator_issue", args=[999999])).status_code == 404


def test_curator_sees_the_pair_but_not_its_private_notes(client, world):
    client.force_login(world["curator"].user)
    response = client.get(reverse("curator_pair", args=[world["pair"].pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert world["mentee"].full_name in body
    assert NOTE not in body


@pytest.mark.parametrize("who", ["mentor", "mentee", "other_curator", "hr_editor", "hr_admin"])
def test_curator_pair_page_is_refused_to_others(client, world, who):
    client.force_login(world[who].user)
    assert client.get(reverse("curator_pair", args=[world["pair"].pk])).status_code == 404


def test_logging_a_meeting_asks_both_sides_for_feedback(
    client, world, django_capture_on_commit_callbacks
):
    pair = world["pair"]
    topic = TopicRequest.objects.create(pair=pair, text="Как строить диаграмму Парето")
    client.force_login(world["mentor"].user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meeting_new", args=[pair.pk]),
            {
                "held_on": "2026-01-15",
                "duration_minutes": "45",
                "topics_requested": "Парето",
                "private_notes": "Договорились о домашнем задании",
                "covered": [str(topic.pk)],
            },
        )
    meeting = pair.meetings.get(held_on="2026-01-15")
    assert response.status_code == 302
    assert meeting.logged_by == world["mentor"].user
    assert meeting.private_notes == "Договорились о домашнем задании"
    topic.refresh_from_db()
    assert topic.covered_in == meeting
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["mentor"].user.email, world["mentee"].user.email]
    )
    assert "Как прошла ваша встреча" in mail.outbox[0].subject


def test_meeting_in_the_future_is_refused_and_input_kept(client, world):
    client.force_login(world["mentee"].user)
    response = client.post(
        reverse("meeting_new", args=[world["pair"].pk]),
        {"held_on": "2099-01-01", "duration_minutes": "60", "private_notes": "Черновик"},
    )
    body = response.content.decode()
    assert "Встречу можно записать только после того, как она состоялась" in body
    assert "Черновик" in body


def test_mentee_posts_a_topic_and_the_mentor_sees_it(client, world):
    pair = world["pair"]
    client.force_login(world["mentee"].user)
    client.post(reverse("topic_request", args=[pair.pk]), {"text": "Power BI для планёрки"})
    client.force_login(world["mentor"].user)
    body = client.get(reverse("pair_detail", args=[pair.pk])).content.decode()
    assert "Power BI для планёрки" in body
    assert [t.text for t in access.open_topic_requests(world["mentor"].user, pair)] == [
        "Power BI для планёрки"
    ]
    assert not access.open_topic_requests(world["curator"].user, pair).exists()
    # the mentor cannot post topics: the mentee is the customer of topics
    client.post(reverse("topic_request", args=[pair.pk]), {"text": "Чужая тема"})
    assert not TopicRequest.objects.filter(text="Чужая тема").exists()


def test_feedback_authors_are_hidden_from_the_other_side(client, world):
    meeting = world["meeting"]
    client.force_login(world["mentee"].user)
    client.post(
        reverse("meeting_detail", args=[meeting.pk]),
        {"usefulness": "2", "equal_dialogue": "3", "what_to_change": "Меньше теории"},
    )
    feedback = Feedback.objects.get()
    assert (feedback.author, feedback.side) == (world["mentee"], Feedback.Side.MENTEE)

    client.force_login(world["mentor"].user)
    body = client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert "Меньше теории" not in body
    body = client.get(reverse("pair_detail", args=[world["pair"].pk])).content.decode()
    assert "Меньше теории" not in body

    client.force_login(world["curator"].user)
    body = client.get(reverse("curator_pair", args=[world["pair"].pk])).content.decode()
    assert "Меньше теории" in body
    assert world["mentee"].full_name in body


def test_feedback_posted_twice_is_saved_once(client, world):
    client.force_login(world["mentee"].user)
    data = {"usefulness": "5", "equal_dialogue": "5", "what_to_change": ""}
    url = reverse("meeting_detail", args=[world["meeting"].pk])
    client.post(url, data)
    client.post(url, data)
    assert Feedback.objects.count() == 1


def test_feedback_out_of_range_is_refused(client, world):
    client.force_login(world["mentee"].user)
    url = reverse("meeting_detail", args=[world["meeting"].pk])
    response = client.post(url, {"usefulness": "9", "equal_dialogue": "1"})
    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_issue_goes_to_the_curator_and_stays_invisible_to_the_other_side(
    client, world, django_capture_on_commit_callbacks
):
    pair = world["pair"]
    client.force_login(world["mentee"].user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("issue_new", args=[pair.pk]),
            {"subject": "Наставник говорит слишком быстро", "description": "Не успеваю записывать"},
        )
    issue = SupportIssue.objects.get()
    assert issue.raised_by == world["mentee"]
    assert mail.outbox[0].to == [world["curator"].user.email]
    assert "Не успеваю" not in mail.outbox[0].body

    client.force_login(world["mentor"].user)
    for url in (
        reverse("my_issues"),
        reverse("pair_detail", args=[pair.pk]),
        reverse("my_dashboard"),
    ):
        assert "Наставник говорит слишком быстро" not in client.get(url).content.decode()
    assert client.get(reverse("curator_issue", args=[issue.pk])).status_code == 404
    assert not access.issues_visible_to(world["mentor"].user).exists()

    client.force_login(world["curator"].user)
    assert (
        "Наставник говорит слишком быстро" in client.get(reverse("curator_desk")).content.decode()
    )


def test_hr_admin_never_reads_named_feedback(client, world):
    """The feedback form promises «only the curator reads your answers with your name»."""
    FeedbackFactory(meeting=world["meeting"], what_to_change="Меньше теории, больше практики")
    client.force_login(world["hr_admin"].user)
    response = client.get(reverse("curator_pair", args=[world["pair"].pk]))
    assert response.status_code == 404
    assert "Меньше теории" not in response.content.decode()
    assert not access.can_read_feedback_authors(world["hr_admin"].user, world["pair"])


def test_curator_tracks_the_issue_with_notes_only_the_curator_sees(client, world):
    issue = SupportIssueFactory(pair=world["pair"])
    client.force_login(world["curator"].user)
    client.post(
        reverse("curator_issue", args=[issue.pk]),
        {"status": "in_progress", "text": "Поговорила с наставником, договорились о темпе"},
    )
    issue.refresh_from_db()
    assert issue.status == SupportIssue.Status.IN_PROGRESS
    assert IssueNote.objects.get().author == world["curator"]

    client.force_login(world["hr_admin"].user)
    assert client.get(reverse("curator_issue", args=[issue.pk])).status_code == 404
    assert issue.subject not in client.get(reverse("curator_desk")).content.decode()

    client.force_login(world["mentee"].user)
    body = client.get(reverse("my_issues")).content.decode()
    assert issue.subject in body
    assert "договорились о темпе" not in body
    assert client.get(reverse("curator_issue", args=[issue.pk])).status_code == 404

    for who in ("hr_editor", "other_curator", "mentor"):
        client.force_login(world[who].user)
        assert client.get(reverse("curator_issue", args=[issue.pk])).status_code == 404

    client.force_login(world["curator"].user)
    client.post(reverse("curator_issue", args=[issue.pk]), {"status": "resolved", "text": ""})
    issue.refresh_from_db()
    assert issue.status == SupportIssue.Status.RESOLVED
    assert issue.resolved_at is not None


def test_feedback_factory_author_is_from_the_pair(world):
    feedback = FeedbackFactory(meeting=world["meeting"])
    assert access.can_read_feedback_authors(world["curator"].user, world["pair"])
    assert not access.can_read_feedback_authors(world["mentor"].user, world["pair"])
    assert list(access.own_feedback(world["mentor"].user)) == []
    assert list(access.own_feedback(world["mentee"].user)) == [feedback]


def test_pair_page_queries_do_not_grow_with_meetings(client, world):
    from tests.utils import query_count

    client.force_login(world["mentor"].user)
    url = reverse("pair_detail", args=[world["pair"].pk])
    small = query_count(client.get, url)
    for _ in range(8):
        FeedbackFactory(meeting=MeetingFactory(pair=world["pair"]), author=world["mentor"])
    assert query_count(client.get, url) == small


def test_dashboard_links_members_to_the_pair_page(client, world):
    client.force_login(world["mentee"].user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert reverse("pair_detail", args=[world["pair"].pk]) in body
    client.force_login(world["curator"].user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert reverse("curator_pair", args=[world["pair"].pk]) in body


def test_issue_reaches_hr_admin_only_after_the_curator_hands_it_over(client, world):
    issue = SupportIssueFactory(pair=world["pair"], raised_by=world["mentee"])
    IssueNote.objects.create(issue=issue, author=world["curator"], text="Моя рабочая заметка")
    url = reverse("curator_issue", args=[issue.pk])
    client.force_login(world["hr_admin"].user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"hand_over": "1", "reason": "x"}).status_code == 404

    # only the curator hands over; the mentee cannot
    client.force_login(world["mentee"].user)
    client.post(url, {"hand_over": "1", "reason": "Сам передам"})
    issue.refresh_from_db()
    assert not issue.handed_to_hr

    client.force_login(world["curator"].user)
    client.post(url, {"hand_over": "1", "reason": "Нужен перевод в другую пару"})
    issue.refresh_from_db()
    assert issue.handed_to_hr and issue.handed_to_hr_by == world["curator"]
    assert issue.handover_reason == "Нужен перевод в другую пару"

    client.force_login(world["hr_admin"].user)
    body = client.get(url).content.decode()
    assert issue.description in body and "Нужен перевод в другую пару" in body
    assert "Моя рабочая заметка" not in body
    assert issue.subject in client.get(reverse("curator_desk")).content.decode()
    client.post(url, {"status": "in_progress", "text": "HR подберёт другую пару"})
    client.force_login(world["curator"].user)
    assert "HR подберёт другую пару" in client.get(url).content.decode()

    client.force_login(world["mentee"].user)
    body = client.get(reverse("my_issues")).content.decode()
    assert "передал обращение HR-администраторам" in body
    assert "Нужен перевод в другую пару" in body
    assert "Моя рабочая заметка" not in body

    for who in ("hr_editor", "other_curator", "mentor"):
        client.force_login(world[who].user)
        assert client.get(url).status_code == 404


def test_promises_on_screen_match_the_rule(client, world):
    client.force_login(world["mentee"].user)
    body = client.get(reverse("issue_new", args=[world["pair"].pk])).content.decode()
    assert "HR-администраторы читают" not in body
    body = client.get(reverse("meeting_detail", args=[world["meeting"].pk])).content.decode()
    assert "читает только куратор" in body
