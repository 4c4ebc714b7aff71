"""A large import writes in bulk: its queries do not grow with its rows, every new account
is invited (no usable password), and every role it gives is in the audit log by name."""

import pytest

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

from mentoring import importing
from mentoring.models import Participant
from mentoring.role_changes import GRANT_ACTION
from mentoring.roles import Role

HEADER = "ФИО;E-mail;Табельный номер;Завод;Подразделение;Должность;Роль"


def people_file(count, start=0):
    lines = [HEADER] + [
        f"Сидоров{i} Пётр Ильич;sidorov{i}@utm.example;{9000 + i};Уралтрубмаш;Цех {i % 3};"
        f"Мастер;{'наставник, куратор' if i % 4 == 0 else 'наставляемый'}"
        for i in range(start, start + count)
    ]
    return "\n".join(lines).encode()


def queries_of_import(data):
    """Queries of importing ``data`` into the database as it is now (rolled back after)."""
    rows = importing.parse("people.csv", data)
    with transaction.atomic(), CaptureQueriesContext(connection) as ctx:
        summary = importing.apply(rows)
        transaction.set_rollback(True)
    return len(ctx.captured_queries), summary


def test_queries_do_not_grow_with_the_rows(db):
    queries_of_import(people_file(2, start=500))  # fills the content-type cache
    few, _ = queries_of_import(people_file(4))
    many, summary = queries_of_import(people_file(60, start=100))
    assert summary.created == 60
    assert many == few


def test_new_accounts_are_invited_with_roles_logged_by_name(db):
    summary = importing.apply(importing.parse("people.csv", people_file(12)))
    people = Participant.objects.filter(personnel_number__startswith="9").select_related("user")
    assert sorted(summary.new_accounts) == sorted(p.pk for p in people)
    assert len(summary.new_accounts) == 12
    for person in people:
        assert not person.user.has_usable_password()
    passwords = {p.user.password for p in people}
    assert len(passwords) == 12, "each unusable password is random"
    entries = ModelLogEntry.objects.filter(action=GRANT_ACTION)
    # three of the twelve are mentor and curator, the others mentees
    assert entries.count() == summary.roles_added == 15
    sidorov = people.get(personnel_number="9004")
    logged = entries.filter(object_id=str(sidorov.pk))
    assert {e.data["role"] for e in logged} == {Role.MENTOR.value, Role.CURATOR.value}
    assert {e.label for e in logged} == {"Сидоров4 Пётр Ильич"}
    assert all(e.data["reason"] == "import" for e in logged)


def test_a_failure_in_a_later_chunk_keeps_nothing_of_the_earlier_ones(db, monkeypatch):
    rows = importing.parse("people.csv", people_file(9))
    calls = []
    original = importing.role_changes.log_granted

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the database went away")
        return original(*args, **kwargs)

    monkeypatch.setattr(importing, "CHUNK", 3)
    monkeypatch.setattr(importing.role_changes, "log_granted", failing)
    with pytest.raises(RuntimeError):
        importing.apply(rows)
    assert not Participant.objects.filter(personnel_number__startswith="9").exists()
    assert not ModelLogEntry.objects.filter(action=GRANT_ACTION).exists()
