"""E-mail tasks: reminders to pairs behind their cadence, mass e-mail in the background."""

import datetime

from django.core import mail
from django.urls import reverse

from mentoring import tasks
from tests.mentoring.factories import MeetingFactory, PairFactory, ParticipantFactory


def test_reminders_go_only_to_pairs_behind_their_cadence(db):
    late = PairFactory(started_on=datetime.date.today() - datetime.timedelta(days=40))
    MeetingFactory(pair=late, held_on=datetime.date.today() - datetime.timedelta(days=20))
    fresh = PairFactory()
    MeetingFactory(pair=fresh, held_on=datetime.date.today() - datetime.timedelta(days=2))
    result = tasks.send_meeting_reminders.enqueue()
    assert result.return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [late.mentor.user.email, late.mentee.user.email]
    )
    assert "не встречалась 20 дней" in mail.outbox[0].body


def test_mass_email_from_the_admin_runs_as_a_task(client, hr_admin):
    people = [ParticipantFactory() for _ in range(3)]
    gone = ParticipantFactory(left_company_on=datetime.date.today())
    client.force_login(hr_admin.user)
    response = client.post(
        reverse("programme_mass_mail"),
        {"cycle": "", "subject": "Старт нового цикла", "body": "Приглашаем на встречу"},
    )
    assert response.status_code == 302
    recipients = {m.to[0] for m in mail.outbox}
    assert {p.user.email for p in people} <= recipients
    assert gone.user.email not in recipients
    assert mail.outbox[0].subject == "Старт нового цикла"


def test_mass_email_is_for_hr_admins_only(client, hr_editor):
    client.force_login(hr_editor.user)
    client.post(reverse("programme_mass_mail"), {"cycle": "", "subject": "Спам", "body": "Спам"})
    assert mail.outbox == []
