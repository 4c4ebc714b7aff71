"""Bulk import of participants: preview with row errors, all-or-nothing, idempotent."""

import io

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring import importing
from mentoring.models import Department, ImportJob, Participant, Plant
from mentoring.roles import Role
from tests.mentoring.factories import ParticipantFactory

HEADER = "ФИО;E-mail;Табельный номер;Завод;Подразделение;Должность;Роль\n"
GOOD = (
    HEADER
    + "Петров Иван Сергеевич;petrov@utm.example;7001;Уралтрубмаш;Цех № 1;Мастер;наставляемый\n"
    + "Смирнова Анна Олеговна;smirnova@utm.example;7002;Уралтрубмаш;ОИТ;Аналитик;наставник\n"
    + "Ершов Павел;ershov@utm.example;7003;Полевской;;Инженер;наставник, куратор\n"
)


def _xlsx(text):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for line in text.strip().split("\n"):
        values = line.split(";")
        sheet.append([int(v) if v.isdigit() else v for v in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_csv_import_creates_people_with_roles(db):
    rows = importing.parse("people.csv", GOOD.encode())
    assert importing.validate(rows) == []
    summary = importing.apply(rows)
    assert summary.created == 3
    petrov = Participant.objects.get(personnel_number="7001")
    assert petrov.user.last_name == "Петров"
    assert petrov.user.patronymic == "Сергеевич"
    assert petrov.department.name == "Цех № 1"
    assert petrov.roles == {Role.MENTEE}
    assert Participant.objects.get(personnel_number="7003").roles == {Role.MENTOR, Role.CURATOR}
    assert Plant.objects.filter(name="Полевской").exists()


def test_reimporting_the_same_file_changes_nothing(db):
    rows = importing.parse("people.csv", GOOD.encode())
    importing.apply(rows)
    before = list(
        Participant.objects.order_by("pk").values_list(
            "pk", "user__last_name", "plant", "department", "position"
        )
    )
    counts = (Plant.objects.count(), Department.objects.count())
    summary = importing.apply(importing.parse("people.csv", GOOD.encode()))
    assert (summary.created, summary.updated, summary.unchanged, summary.roles_added) == (
        0,
        0,
        3,
        0,
    )
    after = list(
        Participant.objects.order_by("pk").values_list(
            "pk", "user__last_name", "plant", "department", "position"
        )
    )
    assert after == before
    assert (Plant.objects.count(), Department.objects.count()) == counts


def test_a_changed_row_updates_the_person_matched_on_personnel_number(db):
    importing.apply(importing.parse("people.csv", GOOD.encode()))
    changed = GOOD.replace("Мастер;", "Старший мастер;")
    summary = importing.apply(importing.parse("people.csv", changed.encode()))
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 2)
    assert Participant.objects.get(personnel_number="7001").position == "Старший мастер"


def test_xlsx_with_numeric_personnel_numbers(db):
    rows = importing.parse("people.xlsx", _xlsx(GOOD))
    assert rows[0]["personnel_number"] == "7001"
    importing.apply(rows)
    summary = importing.apply(importing.parse("people.csv", GOOD.encode()))
    assert summary.unchanged == 3


BAD = (
    HEADER
    + "Петров Иван;petrov@utm.example;7001;Завод;Цех;Мастер;наставляемый\n"
    + "Иванов;не-почта;7002;Завод;Цех;Мастер;начальник\n"
    + "Сидоров Пётр;sidorov@utm.example;7001;;Цех;Мастер;\n"
)


def test_row_errors_are_clear_and_nothing_is_written(db):
    rows = importing.parse("people.csv", BAD.encode())
    errors = {e["row"]: " ".join(e["messages"]) for e in importing.validate(rows)}
    assert set(errors) == {3, 4}
    assert "Укажите ФИО" in errors[3]
    assert "«не-почта» — не адрес e-mail" in errors[3]
    assert "Неизвестная роль «начальник»" in errors[3]
    assert "Табельный номер 7001 уже есть в строке 2" in errors[4]
    assert "Не указан завод" in errors[4]
    with pytest.raises(ValueError):
        importing.apply(rows)
    assert not Participant.objects.exists()
    assert not Plant.objects.exists()


def test_email_of_another_person_is_an_error(db):
    other = ParticipantFactory(personnel_number="1", user__email="petrov@utm.example")
    rows = importing.parse("people.csv", GOOD.encode())
    errors = importing.validate(rows)
    assert errors[0]["row"] == 2
    assert "принадлежит сотруднику с табельным номером 1" in errors[0]["messages"][0]
    assert Participant.objects.count() == 1
    assert other.user.email == "petrov@utm.example"


def test_missing_columns_are_named(db):
    with pytest.raises(importing.ImportFileError) as error:
        importing.parse("people.csv", "ФИО;Должность\nИванов Иван;Мастер\n".encode())
    assert "Не найдены: E-mail, Табельный номер, Завод" in str(error.value)


def test_all_or_nothing_when_the_database_refuses_a_row(db, monkeypatch):
    rows = importing.parse("people.csv", GOOD.encode())
    calls = []
    original = importing._apply_chunk

    def fail_on_second_chunk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(importing, "CHUNK", 2)
    monkeypatch.setattr(importing, "_apply_chunk", fail_on_second_chunk)
    with pytest.raises(RuntimeError):
        importing.apply(rows)
    assert not Participant.objects.exists()


def test_admin_flow_upload_preview_confirm(client, hr_admin):
    client.force_login(hr_admin.user)
    upload = SimpleUploadedFile("people.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(reverse("participant_import"), {"file": upload})
    job = ImportJob.objects.get()
    assert response.url == reverse("participant_import_job", args=[job.pk])
    body = client.get(response.url).content.decode()
    assert "Ошибок не найдено" in body
    assert "Смирнова Анна Олеговна" in body
    assert not Participant.objects.filter(personnel_number="7001").exists()

    client.post(reverse("participant_import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.processed == 3
    assert job.summary["created"] == 3
    assert "создано 3" in client.get(response.url).content.decode()


def test_admin_preview_shows_row_errors_and_refuses_to_import(client, hr_admin):
    client.force_login(hr_admin.user)
    upload = SimpleUploadedFile("people.csv", BAD.encode(), content_type="text/csv")
    response = client.post(reverse("participant_import"), {"file": upload}, follow=True)
    body = response.content.decode()
    assert "Ничего не сохранено" in body
    assert "Неизвестная роль «начальник»" in body
    job = ImportJob.objects.get()
    client.post(reverse("participant_import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEW
    assert not Participant.objects.filter(personnel_number="7001").exists()


def test_wrong_file_type_is_refused_in_russian(client, hr_admin):
    client.force_login(hr_admin.user)
    upload = SimpleUploadedFile("people.pdf", b"%PDF", content_type="application/pdf")
    body = client.post(reverse("participant_import"), {"file": upload}).content.decode()
    assert "Загрузите файл XLSX или CSV" in body


def test_import_is_for_hr_admins_only(client, hr_editor, pair):
    for person in (hr_editor, pair.curator, pair.mentor):
        client.force_login(person.user)
        # Wagtail turns the refusal into a redirect away from the page
        response = client.get(reverse("participant_import"))
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith("/admin/participant-import")
        upload = SimpleUploadedFile("people.csv", GOOD.encode(), content_type="text/csv")
        client.post(reverse("participant_import"), {"file": upload})
    assert not ImportJob.objects.exists()
