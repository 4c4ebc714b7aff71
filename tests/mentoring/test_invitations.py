"""Invitations: imported people get a Russian e-mail with a one-time link to set a password,
valid 7 days, that HR can send again; «Забыли пароль?» runs Django's reset flow in the
site's look without telling whether an address is known."""

import datetime
import re

import pytest

from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from mentoring import invitations
from mentoring.models import ImportJob, Participant
from tests.mentoring.factories import ParticipantFactory
from tests.mentoring.test_import import GOOD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/invitation/[^\s]+/)")
RESET_LINK = re.compile(r"https?://[^/\s]+(/password-reset/[^\s]+/)")


def _import(client, hr_admin):
    client.force_login(hr_admin.user)
    upload = SimpleUploadedFile("people.csv", GOOD.encode(), content_type="text/csv")
    client.post(reverse("participant_import"), {"file": upload})
    job = ImportJob.objects.latest("pk")
    client.post(reverse("participant_import_job", args=[job.pk]))
    client.logout()


def _invitation_to(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def test_import_invites_each_new_person_once_in_russian(client, hr_admin):
    _import(client, hr_admin)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ershov@utm.example",
        "petrov@utm.example",
        "smirnova@utm.example",
    ]
    message = _invitation_to("petrov@utm.example")
    assert "Наставник" in message.subject
    assert "Здравствуйте, Иван Петров!" in message.body
    assert "7 дней" in message.body
    assert "petrov@utm.example" in message.body  # the login
    # Importing the same file again invites nobody a second time.
    mail.outbox.clear()
    _import(client, hr_admin)
    assert mail.outbox == []


def test_the_link_sets_the_password_once(client, hr_admin):
    _import(client, hr_admin)
    path = LINK.search(_invitation_to("smirnova@utm.example").body).group(1)
    page = client.get(path, follow=True)
    assert "Задайте пароль" in page.content.decode()
    response = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Цех-7-прокат", "new_password2": "Цех-7-прокат"},
    )
    assert response.url == reverse("invitation_complete")
    user = Participant.objects.get(personnel_number="7002").user
    assert user.check_password("Цех-7-прокат")
    client.logout()
    again = client.get(path, follow=True).content.decode()
    assert "Ссылка больше не действует" in again


def test_the_link_expires_after_seven_days(client, hr_admin, monkeypatch):
    _import(client, hr_admin)
    path = LINK.search(_invitation_to("ershov@utm.example").body).group(1)
    later = datetime.datetime.now() + datetime.timedelta(days=7, hours=1)
    monkeypatch.setattr(invitations.InvitationTokenGenerator, "_now", lambda self: later)
    assert "Ссылка больше не действует" in client.get(path, follow=True).content.decode()
    sooner = datetime.datetime.now() + datetime.timedelta(days=6, hours=23)
    monkeypatch.setattr(invitations.InvitationTokenGenerator, "_now", lambda self: sooner)
    assert "Задайте пароль" in client.get(path, follow=True).content.decode()


def test_an_invitation_is_not_a_reset_link(client, hr_admin):
    person = ParticipantFactory()
    person.user.set_unusable_password()
    person.user.save()
    uid = urlsafe_base64_encode(force_bytes(person.user.pk))
    reset_token = default_token_generator.make_token(person.user)
    path = reverse("invitation_confirm", args=[uid, reset_token])
    assert "Ссылка больше не действует" in client.get(path, follow=True).content.decode()


def test_hr_sends_the_invitation_again(client, hr_admin):
    person = ParticipantFactory()
    person.user.set_unusable_password()
    person.user.save()
    client.force_login(hr_admin.user)
    listing = client.get(reverse("participants:index")).content.decode()
    url = reverse("participant_invite", args=[person.pk])
    assert url in listing
    assert "Приглашение ещё не отправлялось" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert mail.outbox[-1].to == [person.user.email]
    assert invitations.last_sent(person) is not None
    # A person with a password is told to use the reset instead; nothing is sent.
    other = ParticipantFactory()
    count = len(mail.outbox)
    body = client.post(reverse("participant_invite", args=[other.pk])).content.decode()
    assert "уже задал пароль" in body
    assert len(mail.outbox) == count


def test_programme_roles_cannot_resend_invitations(client, pair):
    client.force_login(pair.mentor.user)
    assert client.post(reverse("participant_invite", args=[pair.mentee.pk])).status_code in (
        302,
        403,
    )
    assert mail.outbox == []


def test_forgot_password_link_and_reset_flow(client):
    person = ParticipantFactory()
    login_page = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in login_page
    assert "Забыли пароль?" in login_page
    known = client.post(reverse("password_reset"), {"email": person.user.email})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@utm.example"})
    # The same answer whether or not the address is known: no enumeration.
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == [person.user.email]
    assert "Наставник" in message.subject
    path = RESET_LINK.search(message.body).group(1)
    page = client.get(path, follow=True)
    assert "Задайте новый пароль" in page.content.decode()
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Новый-пароль-2026", "new_password2": "Новый-пароль-2026"},
    )
    person.user.refresh_from_db()
    assert person.user.check_password("Новый-пароль-2026")
    assert "Ссылка больше не действует" in client.get(path, follow=True).content.decode()
    done = client.get(reverse("password_reset_done")).content.decode()
    assert "Проверьте почту" in done


def test_hr_adds_a_participant_in_the_admin_and_they_are_invited(
    client, hr_admin, django_capture_on_commit_callbacks
):
    client.force_login(hr_admin.user)
    data = {
        "last_name": "Крылова",
        "first_name": "Анна",
        "patronymic": "Сергеевна",
        "email": "krylova@utm.example",
        "personnel_number": "7100",
        "plant": "",
        "department": "",
        "position": "Мастер участка",
        "left_company_on": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("participants:add"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    person = Participant.objects.select_related("user").get(personnel_number="7100")
    assert person.user.get_full_name() == "Крылова Анна Сергеевна"
    assert not person.user.has_usable_password()
    message = _invitation_to("krylova@utm.example")
    assert LINK.search(message.body)
    # The same address twice is refused with a clear message, the typed data kept.
    again = client.post(reverse("participants:add"), {**data, "personnel_number": "7101"})
    body = again.content.decode()
    assert "уже есть этот адрес" in body
    assert "Мастер участка" in body
    assert Participant.objects.filter(personnel_number="7101").count() == 0
