"""Nominations (no double submission, outcome e-mail) and improvement ideas."""

import datetime
import uuid

from django.core import mail
from django.urls import reverse

from mentoring.models import Idea, Nomination
from tests.mentoring.factories import ParticipantFactory

SCORES = {
    "digital_literacy": "5",
    "systems_thinking": "4",
    "expertise": "5",
    "communication": "4",
    "motivation": "5",
}


def test_self_nomination_posted_twice_is_saved_once(client, pair):
    client.force_login(pair.mentee.user)
    data = {"kind": "self", "token": str(uuid.uuid4()), "statement": "Веду Excel-курсы", **SCORES}
    first = client.post(reverse("nominate"), data, follow=True)
    second = client.post(reverse("nominate"), data, follow=True)
    nomination = Nomination.objects.get()
    assert nomination.nominee == nomination.nominator == pair.mentee
    assert nomination.digital_literacy == 5
    assert "HR рассмотрит заявку" in first.content.decode()
    assert "Ваша заявка уже получена" in second.content.decode()


def test_a_second_form_for_the_same_person_is_refused(client, pair):
    client.force_login(pair.mentee.user)
    client.post(reverse("nominate"), {"kind": "self", "token": str(uuid.uuid4()), **SCORES})
    response = client.post(
        reverse("nominate"), {"kind": "self", "token": str(uuid.uuid4()), **SCORES}
    )
    assert "Вы уже выдвинули этого человека" in response.content.decode()
    assert Nomination.objects.count() == 1


def test_recommending_a_colleague_by_email(client, pair):
    colleague = ParticipantFactory()
    client.force_login(pair.mentor.user)
    client.post(
        reverse("nominate"),
        {
            "kind": "recommendation",
            "colleague_email": colleague.user.email.upper(),
            "token": str(uuid.uuid4()),
            **SCORES,
        },
    )
    assert Nomination.objects.get().nominee == colleague


def test_the_answer_never_tells_whether_an_email_is_a_participant(client, pair):
    """It used to answer «nobody in the programme has this address» (enumeration)."""
    colleague = ParticipantFactory()
    client.force_login(pair.mentor.user)

    def recommend(email):
        response = client.post(
            reverse("nominate"),
            {
                "kind": "recommendation",
                "colleague_email": email,
                "token": str(uuid.uuid4()),
                "statement": "Отличный специалист",
                **SCORES,
            },
            follow=True,
        )
        body = response.content.decode()
        return response.status_code, response.redirect_chain, _message(body)

    known = recommend(colleague.user.email)
    unknown = recommend("nobody@example.com")
    assert known == unknown
    assert "нет участника" not in client.get(reverse("nominate")).content.decode()
    body = client.get(reverse("nominate")).content.decode()
    assert colleague.full_name not in body  # the list shows the address as typed
    assert Nomination.objects.get(nominee_email="nobody@example.com").nominee is None
    assert Nomination.objects.get(nominee_email=colleague.user.email).nominee == colleague


def _message(body):
    import re

    return re.findall(r'class="message[^"]*"[^>]*>(.*?)<', body, flags=re.S)


def test_hr_decision_in_the_admin_emails_the_nominee_once(
    client, pair, hr_admin, django_capture_on_commit_callbacks
):
    nomination = Nomination.objects.create(
        kind="self",
        nominator=pair.mentee,
        nominee=pair.mentee,
        **{k: int(v) for k, v in SCORES.items()},
    )
    client.force_login(hr_admin.user)
    url = reverse("nominations:edit", args=[nomination.pk])
    data = {"cycle": "", "status": "accepted", "hr_comment": "Ждём на обучении наставников"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.ACCEPTED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [pair.mentee.user.email]
    assert "принял" in mail.outbox[0].body
    assert "Ждём на обучении наставников" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert len(mail.outbox) == 1


def test_idea_is_proposed_and_its_implementation_recorded(client, pair):
    client.force_login(pair.mentee.user)
    client.post(
        reverse("ideas"),
        {
            "title": "QR-коды на станках",
            "description": "Инструкции по наладке по QR-коду",
            "pair": str(pair.pk),
        },
    )
    idea = Idea.objects.get()
    assert (idea.author, idea.pair, idea.status) == (pair.mentee, pair, Idea.Status.PROPOSED)
    idea.status = Idea.Status.IMPLEMENTED
    idea.effect = "Наладка быстрее на 15 минут"
    idea.save()
    assert idea.implemented_on == datetime.date.today()
    client.force_login(pair.mentor.user)
    body = client.get(reverse("ideas")).content.decode()
    assert "Наладка быстрее на 15 минут" in body


def test_idea_cannot_name_a_pair_of_others(client, pair):
    from tests.mentoring.factories import PairFactory

    other = PairFactory()
    client.force_login(pair.mentee.user)
    client.post(
        reverse("ideas"), {"title": "Идея", "description": "Описание", "pair": str(other.pk)}
    )
    assert not Idea.objects.exists()
