"""A create-form sent twice with its token creates one record; the second sending is
answered with the page the first one led to."""

import threading
import uuid

import pytest

from django.db import connection
from django.test import Client
from django.urls import reverse

from cms.models import FormSubmission
from cms.once import TOKEN_FIELD
from curricula.models import SessionPlan
from mentoring.models import Idea, Meeting, SupportIssue, TopicRequest
from skills.models import MasteryEvent
from tests.mentoring.factories import PairFactory
from tests.skills.factories import tool


def _twice(client, url, data):
    data = {**data, TOKEN_FIELD: str(uuid.uuid4())}
    first = client.post(url, data)
    second = client.post(url, data)
    return first, second


def _meeting_data(pair):
    import datetime

    return {
        "held_on": datetime.date.today().isoformat(),
        "duration_minutes": 60,
        "topics_requested": "Сводные таблицы",
        "private_notes": "",
    }


@pytest.fixture
def world(db):
    return PairFactory()


def _cases(pair):
    instrument = tool("Power BI")
    return [
        (pair.mentee, reverse("topic_request", args=[pair.pk]), {"text": "Сводные"}, TopicRequest),
        (
            pair.mentee,
            reverse("issue_new", args=[pair.pk]),
            {"subject": "Встречи", "description": "Не приходит"},
            SupportIssue,
        ),
        (pair.mentee, reverse("ideas"), {"title": "Чат смены", "description": "Чат"}, Idea),
        (pair.mentor, reverse("plan_create"), {"title": "Первая встреча"}, SessionPlan),
        (
            pair.mentee,
            reverse("skills_self_assess", args=[instrument.pk]),
            {"level": 2, "evidence_text": "Сделал сам"},
            MasteryEvent,
        ),
    ]


def test_each_create_form_sent_twice_creates_once(client, world):
    for person, url, data, model in _cases(world):
        client.force_login(person.user)
        before = model.objects.count()
        first, second = _twice(client, url, data)
        assert first.status_code == 302, (url, first.content.decode()[:2000])
        assert model.objects.count() == before + 1, url
        assert second.status_code == 302
        assert second["Location"] == first["Location"], url


def test_meeting_sent_twice_is_logged_once_and_mailed_once(client, world, mailoutbox):
    client.force_login(world.mentor.user)
    url = reverse("meeting_new", args=[world.pk])
    page = client.get(url).content.decode()
    assert f'name="{TOKEN_FIELD}"' in page
    data = _meeting_data(world)
    first, second = _twice(client, url, data)
    assert first.status_code == 302, first.content.decode()[:3000]
    assert Meeting.objects.count() == 1
    assert second["Location"] == first["Location"]
    assert len(mailoutbox) <= 2  # one request per side at most, never doubled


def test_a_form_with_errors_keeps_its_token_for_the_corrected_sending(client, world):
    client.force_login(world.mentee.user)
    token = str(uuid.uuid4())
    url = reverse("ideas")
    shown = client.post(url, {"title": "", "description": "", TOKEN_FIELD: token})
    assert shown.status_code == 200
    assert token in shown.content.decode()
    assert not FormSubmission.objects.exists()
    client.post(url, {"title": "Идея", "description": "Описание", TOKEN_FIELD: token})
    assert Idea.objects.count() == 1


def test_another_persons_token_is_not_their_page(client, world):
    token = str(uuid.uuid4())
    data = {"title": "Идея", "description": "Описание", TOKEN_FIELD: token}
    client.force_login(world.mentee.user)
    client.post(reverse("ideas"), data)
    client.force_login(world.mentor.user)
    response = client.post(reverse("ideas"), data)
    assert response.status_code == 302
    assert Idea.objects.filter(author=world.mentor).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sendings_at_the_same_time_create_one_record():
    """Two threads, two database connections, one token (PostgreSQL serialises them on the
    unique index; SQLite on its write lock)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    pair = PairFactory()
    data = {"title": "Идея", "description": "Описание", TOKEN_FIELD: str(uuid.uuid4())}
    answers, barrier = [], threading.Barrier(2)

    def send():
        client = Client()
        client.force_login(pair.mentee.user)
        barrier.wait()
        answers.append(client.post(reverse("ideas"), data))
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Idea.objects.count() == 1
    assert [a.status_code for a in answers] == [302, 302]
