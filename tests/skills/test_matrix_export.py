"""The matrix downloads: streamed while the rows are read, the same table in XLSX and CSV,
levels as numbers, only the people the reader may see, the export logged."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from cms import spreadsheets
from mentoring.models import Cycle, Department
from mentoring.roles import Role
from tests.mentoring.factories import ParticipantFactory, PlantFactory
from tests.skills.factories import bulk_mentees, tool


def body(response):
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


def xlsx_table(data):
    book = load_workbook(io.BytesIO(data))
    assert len(book.worksheets) == 1
    rows = []
    for row in book.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
        rows.append(["" if cell.value is None else cell.value for cell in row])
    return rows


def csv_table(data):
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    return [[int(v) if v.isdigit() else v for v in row] for row in rows]


def test_xlsx_is_handed_out_while_the_rows_are_still_being_read():
    produced = []

    def rows():
        yield ["Имя"] + [f"Инструмент {k}" for k in range(20)]
        for n in range(2000):
            produced.append(n)
            yield [f"Иванов{n} Пётр"] + [(n + k) % 5 for k in range(20)]

    chunks = spreadsheets.xlsx_chunks([("Лист", rows())])
    first = next(chunks)
    assert first.startswith(b"PK")  # a ZIP package begins before the last row is read
    assert len(produced) < 2000
    data = first + b"".join(chunks)
    assert len(produced) == 2000
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    table = xlsx_table(data)
    assert len(table) == 2001
    assert table[1999][:3] == ["Иванов1998 Пётр", 3, 4]


def test_xlsx_cells_keep_their_types_and_never_run():
    moscow = datetime.timezone(datetime.timedelta(hours=3))
    rows = [
        ['=HYPERLINK("http://evil.example")', "+7 900", "@SUM(A1)", "обычный текст"],
        [3, 2.5, Decimal("1.25"), True, None, ""],
        [
            datetime.date(2026, 1, 2),
            datetime.datetime(2026, 11, 27, 12, 26, tzinfo=moscow),
            datetime.timedelta(hours=30),
        ],
        ["a<b>&\"c'", "x\x00y\x07z", "\ud800ok"],
    ]
    data = b"".join(spreadsheets.xlsx_chunks([("Итоги: 2026/27 [черновик]", rows)]))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Итоги  2026 27  черновик"]
    values = list(book.active.iter_rows(values_only=True))
    assert values[0][:4] == (
        '\'=HYPERLINK("http://evil.example")',
        "'+7 900",
        "'@SUM(A1)",
        "обычный текст",
    )
    assert values[1] == (3, 2.5, 1.25, True)  # the empty cells are left out
    assert values[2][0] == datetime.datetime(2026, 1, 2)
    assert values[2][1] == datetime.datetime(2026, 11, 27, 12, 26)  # local time, as shown
    assert values[2][2] == datetime.timedelta(hours=30)
    assert values[3][:3] == ("a<b>&\"c'", "xyz", "ok")


def test_several_sheets_in_one_workbook():
    data = b"".join(spreadsheets.xlsx_chunks([("Первый", [[1]]), ("Второй", [["два"]])]))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Первый", "Второй"]
    assert book["Второй"]["A1"].value == "два"


@pytest.fixture
def holding(db):
    plant = PlantFactory(name="Уралтрубмаш")
    department = Department.objects.create(plant=plant, name="Цех № 3")
    cycle = Cycle.objects.create(
        name="Цикл 2026", starts_on=datetime.date(2026, 1, 12), ends_on=datetime.date(2026, 12, 1)
    )
    mentor = ParticipantFactory(roles=[Role.MENTOR])
    tools = [tool("Power BI"), tool("Excel")]
    shown = bulk_mentees(
        7, mentor=mentor, cycle=cycle, department=department, consent=True, tools=tools
    )
    hidden = bulk_mentees(3, mentor=mentor, cycle=cycle, department=department, tools=tools)
    return {"tools": tools, "shown": shown, "hidden": hidden}


def test_xlsx_and_csv_give_the_same_table_of_consenting_people(client, holding, hr_admin):
    from mentoring.models import RecordAccess

    client.force_login(hr_admin.user)
    xlsx = xlsx_table(body(client.get(reverse("skills_matrix_xlsx"))))
    text = csv_table(body(client.get(reverse("skills_matrix_csv"))))
    width = 3 + 2 * len(holding["tools"])
    assert xlsx == text
    header, *rows = xlsx
    assert len(header) == width
    assert header[3].startswith("Power BI") or header[3].startswith("Excel")
    assert {row[0] for row in rows} == {p.full_name for p in holding["shown"]}
    assert {row[1] for row in rows} == {"Уралтрубмаш"}
    assert len(rows) == 7  # the three who did not consent are left out
    levels = [value for row in rows for value in row[3:]]
    assert len(levels) == 7 * 4
    assert all(isinstance(v, int) and 0 <= v <= 4 for v in levels)
    exports = RecordAccess.objects.filter(action=RecordAccess.Action.EXPORT, what="skills_matrix")
    assert sorted(exports.values_list("detail", "people")) == [("csv", 7), ("xlsx", 7)]
