"""Import files from HR that nobody cleaned: refused early with the reason in Russian, the
preview applies the database's limits, a failed job says «ошибка» and why."""

import io
import re
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from mentoring import importing, pair_import
from mentoring.models import ImportJob, Participant

HEADER = "ФИО;E-mail;Табельный номер;Завод;Подразделение;Должность;Роль\n"
ROW = "Петров Иван Сергеевич;petrov@utm.example;7001;Уралтрубмаш;Цех № 1;Мастер;наставляемый\n"


def _xlsx(rows, dimension=None):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data
                )
            target.writestr(item, data)
    return out.getvalue()


def _error(name, data):
    with pytest.raises(importing.ImportFileError) as error:
        importing.parse(name, data)
    return str(error.value)


def test_xlsx_declaring_the_whole_sheet_is_refused_before_reading():
    data = _xlsx([["ФИО", "E-mail"], ["Петров Иван", "p@utm.example"]], "A1:XFD1048576")
    assert len(data) < 10_000
    message = _error("people.xlsx", data)
    assert "10000" in message.replace("\xa0", "").replace(" ", "")


def test_xlsx_declaring_too_many_columns_is_refused():
    data = _xlsx([["ФИО", "E-mail"]], "A1:XFD3")
    assert "столбц" in _error("people.xlsx", data)


def test_a_million_row_csv_is_refused_by_its_line_count():
    data = HEADER.encode() + b"x;y\n" * 1_000_000
    assert "разделите" in _error("people.csv", data).lower()


def test_more_rows_than_the_limit_are_refused():
    data = HEADER.encode() + ROW.encode() * (importing.MAX_ROWS + 1)
    assert "10" in _error("people.csv", data)


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 1024 * 1024)
    assert "1 МБ" in _error("people.csv", (HEADER + ROW * 12_000).encode())


def test_header_only_file_has_no_rows_to_import():
    assert "нет строк для импорта" in _error("people.csv", HEADER.encode())
    assert "нет строк для импорта" in _error("people.xlsx", _xlsx([HEADER.strip().split(";")]))
    with pytest.raises(importing.ImportFileError, match="нет строк для импорта"):
        pair_import.read("pairs.csv", "Цикл;Наставник;Наставляемый\n".encode())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1251", "utf-8-sig"])
def test_csv_in_common_encodings_is_read(encoding):
    rows = importing.parse("people.csv", (HEADER + ROW).encode(encoding))
    assert rows[0]["full_name"] == "Петров Иван Сергеевич"


def test_wrongly_read_encoding_is_named():
    garbled = "ФИО;E-mail\nИванов;x@y.z\n".encode("koi8-r")
    assert "Windows-1251" in _error("people.csv", garbled)


def test_preview_applies_the_database_limits(db):
    long_email = "a" * 60 + "@" + "b" * 60 + "." + "c" * 60 + ".example"
    rows = importing.parse(
        "people.csv",
        (
            HEADER
            + f"Петров Иван;{long_email};7001;Уралтрубмаш;;Мастер;наставляемый\n"
            + f"Иванов Пётр;ivanov@utm.example;{'9' * 51};Уралтрубмаш;;Мастер;наставляемый\n"
        ).encode(),
    )
    errors = {e["row"]: " ".join(e["messages"]) for e in importing.validate(rows)}
    assert "E-mail" in errors[2]
    assert "Табельный номер" in errors[3]


def test_a_job_that_fails_shows_the_error_and_its_reason(client, hr_admin, monkeypatch):
    client.force_login(hr_admin.user)
    upload = SimpleUploadedFile("people.csv", (HEADER + ROW).encode(), content_type="text/csv")
    response = client.post(reverse("participant_import"), {"file": upload})
    job = ImportJob.objects.get()

    def broken(rows, progress=None):
        raise DatabaseError("value too long for type character varying(50)")

    monkeypatch.setattr(importing, "apply", broken)
    client.post(reverse("participant_import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    page = client.get(response.url).content.decode()
    assert "ошибка" in page
    assert "value too long" in page
    assert not Participant.objects.filter(personnel_number="7001").exists()
