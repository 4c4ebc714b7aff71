"""Planned meetings: calendar invitations (parsed back with icalendar), updates and
cancellations, the personal feed behind a secret revocable token, reminders (issue 16)."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentoring import tasks
from mentoring.models import CalendarFeed, PlannedMeeting
from tests.mentoring.factories import PairFactory

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


def _day():
    return timezone.localdate() + datetime.timedelta(days=3)


def _plan(client, pair, **extra):
    data = {
        "day": _day().isoformat(),
        "time": "12:26",
        "duration_minutes": "60",
        "place": "Переговорная цеха № 3",
        "link": "",
        **extra,
    }
    return client.post(reverse("plan_meeting", args=[pair.pk]), data)


def _calendar_of(message):
    (part,) = [a for a in message.attachments if getattr(a, "get_content_type", None)]
    assert part.get_content_type() == "text/calendar"
    return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))


def test_planning_sends_both_an_invitation_in_local_time(client, pair):
    client.force_login(pair.mentee.user)
    response = _plan(client, pair)
    assert response.status_code == 302
    planned = PlannedMeeting.objects.get(pair=pair)
    assert timezone.localtime(planned.starts_at).strftime("%H:%M") == "12:26"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [pair.mentor.user.email, pair.mentee.user.email]
    )
    method, cal = _calendar_of(mail.outbox[0])
    assert method == "REQUEST"
    assert str(cal["method"]) == "REQUEST"
    (event,) = cal.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.tzinfo.key == "Europe/Moscow"
    assert (start.hour, start.minute) == (12, 26)
    assert event.decoded("dtend") - start == datetime.timedelta(minutes=60)
    assert str(event["location"]) == "Переговорная цеха № 3"
    assert str(event["uid"]) == f"{planned.uid}@nastavnik"
    assert pair.mentee.full_name in str(event["summary"])
    assert cal.walk("VTIMEZONE"), "Outlook needs the zone's definition"
    assert "12:26" in mail.outbox[0].body


def test_moving_keeps_the_uid_and_raises_the_sequence_then_cancel(client, pair):
    client.force_login(pair.mentor.user)
    _plan(client, pair)
    planned = PlannedMeeting.objects.get(pair=pair)
    mail.outbox.clear()
    client.post(
        reverse("replan_meeting", args=[pair.pk, planned.pk]),
        {
            "day": _day().isoformat(),
            "time": "15:00",
            "duration_minutes": "45",
            "link": "https://vk.example.ru/call/1",
        },
    )
    _method, cal = _calendar_of(mail.outbox[0])
    (event,) = cal.walk("VEVENT")
    assert str(event["uid"]) == f"{planned.uid}@nastavnik"
    assert int(event["sequence"]) == 1
    assert event.decoded("dtstart").hour == 15
    mail.outbox.clear()
    client.post(reverse("cancel_planned_meeting", args=[pair.pk, planned.pk]))
    method, cal = _calendar_of(mail.outbox[0])
    (event,) = cal.walk("VEVENT")
    assert method == "CANCEL"
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 2


def test_a_past_date_is_refused_in_russian(client, pair):
    client.force_login(pair.mentee.user)
    response = _plan(
        client, pair, day=(timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    )
    assert response.status_code == 200
    assert "в будущем" in response.content.decode()
    assert not PlannedMeeting.objects.exists()


def test_others_cannot_plan_for_a_pair(client, pair):
    stranger = PairFactory().mentor
    client.force_login(stranger.user)
    assert _plan(client, pair).status_code == 404


def _feed(client, token):
    client.logout()
    return client.get(reverse("calendar_feed", args=[token]))


def test_feed_by_secret_token_shows_my_meetings_only(client, pair):
    other = PairFactory()
    start = timezone.now() + datetime.timedelta(days=2)
    PlannedMeeting.objects.create(pair=pair, starts_at=start)
    PlannedMeeting.objects.create(pair=other, starts_at=start)
    client.force_login(pair.mentee.user)
    client.post(reverse("my_calendar"), {"action": "create"})
    feed = CalendarFeed.objects.get(participant=pair.mentee)
    page = client.get(reverse("my_calendar")).content.decode()
    assert feed.token in page
    response = _feed(client, feed.token)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert pair.mentee.full_name in str(events[0]["summary"])
    assert _feed(client, "not-" + feed.token).status_code == 404


def test_feed_token_is_revoked_and_replaced(client, pair):
    client.force_login(pair.mentor.user)
    client.post(reverse("my_calendar"), {"action": "create"})
    old = CalendarFeed.objects.get(participant=pair.mentor).token
    client.post(reverse("my_calendar"), {"action": "create"})
    new = CalendarFeed.objects.get(participant=pair.mentor).token
    assert new != old
    assert _feed(client, old).status_code == 404
    assert _feed(client, new).status_code == 200
    client.force_login(pair.mentor.user)
    client.post(reverse("my_calendar"), {"action": "revoke"})
    assert _feed(client, new).status_code == 404


@pytest.mark.django_db
def test_reminder_waits_for_a_planned_meeting():
    behind = PairFactory(started_on=timezone.localdate() - datetime.timedelta(days=60))
    planned = PairFactory(
        cycle=behind.cycle, started_on=timezone.localdate() - datetime.timedelta(days=60)
    )
    PlannedMeeting.objects.create(
        pair=planned, starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    tasks.send_meeting_reminders.call()
    told = {m.to[0] for m in mail.outbox}
    assert behind.mentee.user.email in told
    assert planned.mentee.user.email not in told


def test_demo_has_planned_meetings_and_a_previous_cycle_with_meetings(db):
    from django.core.management import call_command

    from mentoring.models import Cycle, Meeting

    call_command("load_demo", "--force", verbosity=0)
    assert PlannedMeeting.objects.filter(starts_at__gte=timezone.now()).exists()
    pilot = Cycle.objects.get(status=Cycle.Status.FINISHED)
    assert Meeting.objects.filter(pair__cycle=pilot).count() > 10


def test_the_move_form_shows_iso_values_for_date_and_time_inputs(client, pair):
    start = timezone.make_aware(datetime.datetime.combine(_day(), datetime.time(9, 5)))
    planned = PlannedMeeting.objects.create(pair=pair, starts_at=start)
    client.force_login(pair.mentor.user)
    text = client.get(reverse("replan_meeting", args=[pair.pk, planned.pk])).content.decode()
    assert f'value="{_day().isoformat()}"' in text
    assert 'value="09:05"' in text
