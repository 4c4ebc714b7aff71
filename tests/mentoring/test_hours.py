"""Mentoring hours come from the logged meetings; a closed month changes only by an HR
admin, and every change is in the audit log."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry

from mentoring import hours, hours_export
from mentoring.forms import MeetingForm
from mentoring.models import HoursMonth
from tests.mentoring.factories import MeetingFactory, PairFactory

pytestmark = pytest.mark.django_db
OCTOBER = datetime.date(2026, 10, 1)


@pytest.fixture
def logged(db):
    pair = PairFactory(cycle__preparation_minutes=30, mentor__personnel_number="УТМ-0042")
    other = PairFactory(cycle=pair.cycle, mentor=pair.mentor)
    for day, minutes in ((2, 60), (16, 45), (30, 90)):
        MeetingFactory(pair=pair, held_on=OCTOBER.replace(day=day), duration_minutes=minutes)
    MeetingFactory(pair=other, held_on=OCTOBER.replace(day=20), duration_minutes=50)
    MeetingFactory(pair=pair, held_on=datetime.date(2026, 9, 30), duration_minutes=60)
    MeetingFactory(pair=pair, held_on=datetime.date(2026, 11, 1), duration_minutes=60)
    return pair, other


def test_hours_equal_the_logged_meetings_plus_preparation(logged):
    pair, other = logged
    rows = {r.pair_id: r for r in hours.rows(OCTOBER)}
    assert set(rows) == {pair.pk, other.pk}
    assert (rows[pair.pk].meetings, rows[pair.pk].meeting_minutes) == (3, 195)
    assert rows[pair.pk].preparation_minutes == 90
    assert rows[pair.pk].hours == Decimal("4.75")
    assert rows[other.pk].hours == Decimal("1.33")  # 50 + 30 minutes
    assert rows[pair.pk].personnel_number == "УТМ-0042"


def test_payroll_csv_is_what_1c_loads(logged):
    pair, _other = logged
    data = hours_export.csv_bytes(hours.rows(OCTOBER))
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Табельный номер", "ФИО", "Период", "Часы", "Код пары", "Пара", "Встречи"]
    mine = next(line for line in lines if line[4] == str(pair.pk))
    assert mine[:4] == ["УТМ-0042", pair.mentor.full_name, "01.10.2026", "4,75"]
    assert b"\r\n" in data
    legacy = hours_export.csv_bytes(hours.rows(OCTOBER), encoding="cp1251")
    assert "Табельный номер".encode("cp1251") in legacy


def test_spreadsheet_cells_never_run_as_formulas():
    assert hours_export.cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert hours_export.cell("Лебедев") == "Лебедев"


def test_report_and_files_in_the_admin(logged, client, hr_admin):
    client.force_login(hr_admin.user)
    page = client.get(reverse("mentoring_hours") + "?month=2026-10").content.decode()
    assert logged[0].mentor.full_name in page
    assert "4.75" in page or "4,75" in page
    response = client.get(reverse("mentoring_hours") + "?month=2026-10&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Табельный номер"
    assert Decimal(str(values[1][3])) + Decimal(str(values[2][3])) == Decimal("6.08")
    response = client.get(reverse("mentoring_hours_csv") + "?month=2026-10")
    assert response["Content-Type"].startswith("text/csv")
    assert "4,75" in response.content.decode("utf-8-sig")


def test_closing_freezes_the_month_and_refuses_new_meetings(logged, hr_admin):
    pair, _other = logged
    hours.close(OCTOBER, hr_admin.user)
    form = MeetingForm({"held_on": "2026-10-12", "duration_minutes": 60}, pair=pair)
    assert not form.is_valid()
    assert "закрыты для расчёта зарплаты" in form.errors["held_on"][0]
    MeetingFactory(pair=pair, held_on=OCTOBER.replace(day=5), duration_minutes=600)
    assert {r.pair_id: r.hours for r in hours.rows(OCTOBER)}[pair.pk] == Decimal("4.75")
    assert ModelLogEntry.objects.filter(action=hours.CLOSE_ACTION).count() == 1


def test_only_an_hr_admin_changes_a_closed_month_and_it_is_logged(logged, hr_admin, hr_editor):
    pair, _other = logged
    record = hours.close(OCTOBER, hr_admin.user)
    entry = record.entries.get(pair=pair)
    for user in (hr_editor.user, pair.mentor.user):
        with pytest.raises(PermissionDenied):
            hours.adjust(entry, 300, "Встреча не отмечена", user)
        with pytest.raises(PermissionDenied):
            hours.reopen(OCTOBER, user, "Ошибка")
    with pytest.raises(ValidationError):
        hours.adjust(entry, 300, "  ", hr_admin.user)
    hours.adjust(entry, 345, "Встреча 23.10 не была отмечена", hr_admin.user)
    assert {r.pair_id: r.hours for r in hours.rows(OCTOBER)}[pair.pk] == Decimal("5.75")
    log = ModelLogEntry.objects.get(action=hours.ADJUST_ACTION)
    assert log.user == hr_admin.user
    assert (log.data["minutes_before"], log.data["minutes_after"]) == (285, 345)
    hours.reopen(OCTOBER, hr_admin.user, "Пересчёт по заявлению")
    assert not HoursMonth.objects.get(month=OCTOBER).is_closed
    assert ModelLogEntry.objects.filter(action=hours.REOPEN_ACTION).count() == 1


def test_hr_editor_cannot_close_or_adjust_in_the_admin(logged, client, hr_admin, hr_editor):
    client.force_login(hr_editor.user)
    response = client.post(reverse("mentoring_hours_close"), {"month": "2026-10"})
    assert response.status_code in (302, 403)
    assert not HoursMonth.objects.filter(closed_at__isnull=False).exists()
    record = hours.close(OCTOBER, hr_admin.user)
    entry = record.entries.first()
    response = client.post(
        reverse("mentoring_hours_adjust", args=[entry.pk]), {"hours": "9", "reason": "x"}
    )
    assert response.status_code in (302, 403)
    entry.refresh_from_db()
    assert entry.minutes != 540
    client.force_login(hr_admin.user)
    response = client.post(
        reverse("mentoring_hours_adjust", args=[entry.pk]),
        {"hours": "9,5", "reason": "Подтверждено служебной запиской"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.minutes, entry.note) == (570, "Подтверждено служебной запиской")


def test_a_month_not_yet_over_cannot_be_closed(hr_admin):
    this_month = hours.month_start(datetime.date.today())
    with pytest.raises(ValidationError):
        hours.close(this_month, hr_admin.user)
