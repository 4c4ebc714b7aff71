"""152-ФЗ: a person downloads everything held on them; HR anonymises a person who left;
deleting a participant leaves no file, no working account and no name in the log."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring.models import Participant, RecordAccess
from skills import services
from skills.models import MasteryEvent
from skills.models.mastery import Lens
from tests.mentoring.factories import FeedbackFactory, MeetingFactory
from tests.skills.factories import tool

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def evidence(pair, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    instrument = tool("Power BI")
    event = services.record_level(
        pair.mentee,
        instrument,
        Lens.MENTOR,
        3,
        by=pair.mentor.user,
        evidence_text="Собрал отчёт по простоям",
        evidence_file=SimpleUploadedFile("report.png", PNG),
    )
    storage = MasteryEvent._meta.get_field("evidence_file").storage
    assert storage.exists(event.evidence_file.name)
    return event, storage


def test_my_data_zip_holds_a_readable_workbook_and_the_evidence(client, pair, evidence):
    _storage = evidence
    meeting = MeetingFactory(pair=pair)
    FeedbackFactory(meeting=meeting, author=pair.mentee, what_to_change="Больше практики")
    client.force_login(pair.mentee.user)
    assert reverse("my_data") in client.get(reverse("my_dashboard")).content.decode()
    page = client.get(reverse("my_data"))
    assert page.status_code == 200 and reverse("my_data_zip") in page.content.decode()
    response = client.get(reverse("my_data_zip"))
    assert response["Content-Type"] == "application/zip"
    cache = response["Cache-Control"]
    assert "no-store" in cache and "private" in cache
    bundle = zipfile.ZipFile(io.BytesIO(response.content))
    names = bundle.namelist()
    assert "my-data.xlsx" in names
    assert any(n.startswith("evidence/") and n.endswith(".png") for n in names)
    workbook = load_workbook(io.BytesIO(bundle.read("my-data.xlsx")))
    text = " ".join(
        str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row if c
    )
    assert pair.mentee.full_name in text
    assert "Собрал отчёт по простоям" in text
    assert "Больше практики" in text
    assert "Power BI" in text
    assert RecordAccess.objects.filter(action="export", what="personal_data").exists()


def test_my_data_is_only_ever_ones_own(client, pair, evidence):
    client.force_login(pair.mentor.user)
    bundle = zipfile.ZipFile(io.BytesIO(client.get(reverse("my_data_zip")).content))
    workbook = load_workbook(io.BytesIO(bundle.read("my-data.xlsx")))
    skills = list(workbook["Навыки"].iter_rows(min_row=2, values_only=True))
    assert skills == []  # the mentee's levels are the mentee's, not in the mentor's archive
    assert not [n for n in bundle.namelist() if n.startswith("evidence/")]


def test_hr_admin_anonymises_a_person_who_left(client, pair, evidence, hr_admin):
    event, storage = evidence
    name = event.evidence_file.name
    person = pair.mentee
    full_name = person.full_name
    client.force_login(hr_admin.user)
    url = reverse("participant_anonymise", args=[person.pk])
    assert url in client.get(reverse("participants:edit", args=[person.pk])).content.decode()
    assert client.get(url).status_code == 200
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url)
    person.refresh_from_db()
    user = person.user
    assert full_name not in (person.full_name, str(person))
    assert user.email == "" and not user.is_active and not user.has_usable_password()
    assert not storage.exists(name)
    event = MasteryEvent.objects.get(pk=event.pk)
    assert event.evidence_file.name == "" and event.evidence_text == ""
    assert event.to_level == 3  # the figure stays for the aggregates
    body = client.get(reverse("participants:index")).content.decode()
    assert full_name not in body


def test_hr_editor_and_others_cannot_anonymise(client, pair, hr_editor):
    for who in (hr_editor, pair.curator, pair.mentor):
        client.force_login(who.user)
        assert client.post(reverse("participant_anonymise", args=[pair.mentee.pk])).status_code in (
            302,
            403,
        )
    pair.mentee.user.refresh_from_db()
    assert pair.mentee.user.is_active


def test_deleting_a_participant_deletes_files_and_deactivates_the_account(
    client, settings, tmp_path, hr_admin
):
    """A person never paired (pairs protect their people) is deleted in the admin."""
    from django.test import TestCase

    from tests.mentoring.factories import ParticipantFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    person = ParticipantFactory()
    event = services.record_level(
        person, tool("Excel"), Lens.SELF, 2, evidence_file=SimpleUploadedFile("a.png", PNG)
    )
    storage = MasteryEvent._meta.get_field("evidence_file").storage
    name = event.evidence_file.name
    assert storage.exists(name)
    user = person.user
    client.force_login(hr_admin.user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("participants:delete", args=[person.pk]))
    assert not Participant.objects.filter(pk=person.pk).exists()
    user.refresh_from_db()
    assert not user.is_active
    assert not storage.exists(name)
