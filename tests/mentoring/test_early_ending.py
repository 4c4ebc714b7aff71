"""Ending a pair early: three working days by the Russian production calendar.

Real dates: the May holidays of 2025 (1–4 and 8–11 May), New Year 2026 (31 December 2025 a
day off by transfer, 1–11 January off), the working Saturday 1 November 2025 and 20 February
2027, and HR's own corrections winning over the library.
"""

import datetime

import pytest

from django.core import mail
from django.urls import reverse

from mentoring import addenda, workdays
from mentoring.models import CalendarDay, MentoringAddendum, Pair, PairTransitionError
from tests.mentoring.factories import PairFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(
    ("notice", "last_day"),
    [
        (D(2025, 4, 28), D(2025, 5, 5)),  # Mon: 29, 30 Apr, then 1–4 May off → 5 May
        (D(2025, 4, 30), D(2025, 5, 7)),  # 1–4 May off: 5, 6, 7 May
        (D(2025, 5, 6), D(2025, 5, 13)),  # 8–11 May off (8 May moved from 23 Feb): 7, 12, 13
        (D(2025, 12, 29), D(2026, 1, 13)),  # 31 Dec moved from 5 Jan; 1–11 Jan off
        (D(2025, 10, 30), D(2025, 11, 5)),  # Sat 1 Nov works; 3 Nov (moved) and 4 Nov off
        (D(2026, 4, 29), D(2026, 5, 5)),  # 1 May (Fri) off: 30 Apr, 4, 5 May
        (D(2026, 12, 30), D(2027, 1, 13)),  # 31 Dec 2026 moved from 4 Jan; 1–10 Jan off
        (D(2027, 2, 18), D(2027, 2, 24)),  # Sat 20 Feb works; 22 Feb moved, 23 Feb holiday
    ],
)
def test_three_working_days_on_real_dates(notice, last_day):
    assert workdays.earliest_early_end(notice) == last_day


def test_the_library_knows_the_transferred_working_saturdays():
    assert workdays.is_working_day(D(2025, 11, 1))
    assert workdays.is_working_day(D(2027, 2, 20))
    assert not workdays.is_working_day(D(2025, 11, 8))
    assert not workdays.is_working_day(D(2025, 5, 2))


def test_hr_corrections_win_over_the_library():
    CalendarDay.objects.create(day=D(2026, 1, 12), is_working=False, note="Приказ № 1")
    assert workdays.earliest_early_end(D(2025, 12, 29)) == D(2026, 1, 14)
    CalendarDay.objects.create(day=D(2026, 1, 10), is_working=True, note="Приказ № 2")
    assert workdays.earliest_early_end(D(2025, 12, 29)) == D(2026, 1, 13)


def test_ending_early_sets_the_last_day_tells_everyone_and_ends_the_addendum(
    pair, django_capture_on_commit_callbacks
):
    addendum = addenda.draft(pair)
    with django_capture_on_commit_callbacks(execute=True):
        pair.transition_to(
            Pair.Status.ENDED_EARLY,
            "Наставник переходит на другую площадку",
            by=pair.mentor.user,
            notice_on=D(2025, 4, 30),
        )
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ENDED_EARLY
    assert (pair.end_notice_on, pair.ended_on) == (D(2025, 4, 30), D(2025, 5, 7))
    assert pair.end_started_side == Pair.Side.MENTOR
    addendum.refresh_from_db()
    assert (addendum.status, addendum.ended_on) == (MentoringAddendum.Status.ENDED, D(2025, 5, 7))
    recipients = {m.to[0] for m in mail.outbox}
    assert recipients == {pair.mentor.user.email, pair.mentee.user.email, pair.curator.user.email}
    assert "07.05.2025" in mail.outbox[0].subject
    assert "Наставник переходит на другую площадку" in mail.outbox[0].body


def test_an_earlier_end_date_is_refused(pair):
    with pytest.raises(PairTransitionError) as error:
        pair.transition_to(
            Pair.Status.ENDED_EARLY, "Причина", on=D(2025, 5, 6), notice_on=D(2025, 4, 30)
        )
    assert "не раньше 07.05.2025" in error.value.messages[0]
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE


def test_a_later_end_date_is_kept(pair):
    pair.transition_to(
        Pair.Status.ENDED_EARLY, "Причина", on=D(2025, 5, 20), notice_on=D(2025, 4, 30)
    )
    assert pair.ended_on == D(2025, 5, 20)


def test_a_proposed_pair_is_simply_cancelled():
    pair = PairFactory(status=Pair.Status.PROPOSED)
    pair.transition_to(Pair.Status.ENDED_EARLY, "Не сложилось")
    assert pair.ended_on == datetime.date.today()
    assert pair.end_notice_on is None
    assert not mail.outbox


def test_either_side_starts_it_on_the_site(client, pair):
    client.force_login(pair.mentee.user)
    url = reverse("pair_end", args=[pair.pk])
    earliest = workdays.earliest_early_end(datetime.date.today())
    assert earliest.strftime("%Y-%m-%d") in client.get(url).content.decode()
    too_early = earliest - datetime.timedelta(days=1)
    response = client.post(url, {"reason": "Сменился график", "ends_on": too_early.isoformat()})
    assert "не раньше" in response.content.decode()
    client.post(url, {"reason": "Сменился график", "ends_on": ""})
    pair.refresh_from_db()
    assert (pair.status, pair.ended_on) == (Pair.Status.ENDED_EARLY, earliest)
    assert pair.end_started_side == Pair.Side.MENTEE
    # during the notice period the pair may still log a meeting
    assert client.get(reverse("meeting_new", args=[pair.pk])).status_code == 200


def test_hr_starts_it_in_the_admin(client, pair, hr_admin):
    client.force_login(hr_admin.user)
    url = reverse("pair_transition", args=[pair.pk, "ended_early"])
    earliest = workdays.earliest_early_end(datetime.date.today())
    assert earliest.strftime("%d.%m.%Y") in client.get(url).content.decode()
    client.post(url, {"reason": "Реорганизация цеха"})
    pair.refresh_from_db()
    assert (pair.ended_on, pair.end_started_side) == (earliest, Pair.Side.HR)


def test_a_stranger_cannot_end_a_pair(client, pair):
    other = PairFactory()
    client.force_login(other.mentor.user)
    assert client.post(reverse("pair_end", args=[pair.pk]), {"reason": "x"}).status_code == 404


def test_the_mentor_reads_the_mentees_records_until_the_last_day_only(pair):
    """During the notice period the pair still works, so the mentor and the curator keep
    reading the mentee's records; from the day after the last day they do not."""
    from mentoring import access

    today = datetime.date.today()
    pair.transition_to(
        Pair.Status.ENDED_EARLY,
        "Сменился график",
        on=workdays.earliest_early_end(today),
        notice_on=today,
    )
    for reader in (pair.mentor.user, pair.curator.user):
        assert access.can_view_person(reader, pair.mentee)
    Pair.objects.filter(pk=pair.pk).update(ended_on=today - datetime.timedelta(days=1))
    for reader in (pair.mentor.user, pair.curator.user):
        assert not access.can_view_person(reader, pair.mentee)
