"""A failed import leaves nothing behind: no plant, department, account, person, role or
manager link that the file would have created, wherever in the write it failed."""

import pytest

from django.contrib.auth.models import Group

from mentoring import importing
from mentoring.models import Department, Participant, Plant, User
from tests.mentoring.factories import ParticipantFactory
from tests.mentoring.test_import import GOOD

WITH_MANAGER = (
    GOOD.replace("Роль\n", "Роль;Руководитель\n", 1)
    .replace("наставляемый\n", "наставляемый;7002\n")
    .replace("Аналитик;наставник\n", "Аналитик;наставник;\n")
    .replace("наставник, куратор\n", "наставник, куратор;\n")
)


def snapshot():
    return {
        "plants": sorted(Plant.objects.values_list("name", flat=True)),
        "departments": sorted(Department.objects.values_list("plant__name", "name")),
        "users": sorted(User.objects.values_list("username", "email")),
        "people": sorted(Participant.objects.values_list("personnel_number", "manager_id")),
        "memberships": sorted(
            Group.objects.filter(user__isnull=False).values_list("name", "user__username")
        ),
    }


@pytest.fixture
def existing(db):
    """Somebody already in the database, at a plant the file also names."""
    return ParticipantFactory(
        personnel_number="100", department__plant__name="Уралтрубмаш", department__name="Цех № 1"
    )


@pytest.mark.parametrize(
    ("fail_in", "fail_on_call"),
    [("_apply_chunk", 1), ("_apply_chunk", 2), ("_apply_managers", 1)],
)
def test_a_failure_anywhere_in_the_write_rolls_everything_back(
    existing, monkeypatch, fail_in, fail_on_call
):
    rows = importing.parse("people.csv", WITH_MANAGER.encode())
    assert importing.validate(rows) == []
    before = snapshot()
    calls = []
    original = getattr(importing, fail_in)

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == fail_on_call:
            raise RuntimeError("the database went away")
        return original(*args, **kwargs)

    monkeypatch.setattr(importing, "CHUNK", 2)
    monkeypatch.setattr(importing, fail_in, failing)
    with pytest.raises(RuntimeError):
        importing.apply(rows)
    assert snapshot() == before


def test_the_same_file_then_imports_completely(existing):
    rows = importing.parse("people.csv", WITH_MANAGER.encode())
    summary = importing.apply(rows)
    assert summary.plants_created == ["Полевской"]
    assert set(Department.objects.values_list("name", flat=True)) == {"Цех № 1", "ОИТ"}
    petrov = Participant.objects.get(personnel_number="7001")
    assert petrov.manager.personnel_number == "7002"


def test_a_refused_file_names_its_errors_and_reports_progress(existing):
    rows = importing.parse("people.csv", WITH_MANAGER.replace("7003", "7001").encode())
    seen = []
    with pytest.raises(ValueError) as refused:
        importing.apply(rows, progress=seen.append)
    assert refused.value.args[0] == importing.validate(rows)
    assert refused.value.args[0][0]["row"] == 4
    assert seen == [len(rows)]


def test_progress_is_reported_while_checking(existing):
    rows = importing.parse("people.csv", WITH_MANAGER.encode())
    seen = []
    importing.apply(rows, progress=seen.append)
    assert seen[-1] == len(rows)
