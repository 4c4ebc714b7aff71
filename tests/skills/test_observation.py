"""A mentor records an observation with evidence; bad files get a Russian message."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from skills import forms as skill_forms
from skills.models import Mastery, MasteryEvent
from tests.skills.factories import tool

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 128


@pytest.fixture
def setup(pair, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return pair, tool("МойОфис")


def _post(client, pair, instrument, upload, text="Сам собрал отчёт на планёрке"):
    client.force_login(pair.mentor.user)
    return client.post(
        reverse("skills_person", args=[pair.mentee.pk]),
        {
            "tool": instrument.pk,
            "level": 3,
            "evidence_text": text,
            "evidence_link": "https://portal.example/report/1",
            "evidence_file": upload,
        },
    )


def test_observation_with_file_is_saved(client, setup):
    pair, instrument = setup
    response = _post(client, pair, instrument, SimpleUploadedFile("отчёт.png", PNG))
    assert response.status_code == 302
    event = MasteryEvent.objects.get()
    assert event.lens == "mentor" and event.to_level == 3
    assert event.recorded_by == pair.mentor.user
    assert event.evidence_text == "Сам собрал отчёт на планёрке"
    assert event.evidence_file.read() == PNG
    assert Mastery.objects.get().mentor_level == 3
    page = client.get(reverse("skills_person", args=[pair.mentee.pk])).content.decode()
    assert "Наблюдение сохранено" in page
    assert reverse("skills_evidence", args=[event.pk]) in page


def test_wrong_type_is_refused_in_russian_and_text_kept(client, setup):
    pair, instrument = setup
    fake = SimpleUploadedFile("report.pdf", b"#!/bin/sh\necho not a pdf\n")
    response = _post(client, pair, instrument, fake)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Такой файл прикрепить нельзя" in body
    assert "Сам собрал отчёт на планёрке" in body
    assert "https://portal.example/report/1" in body
    assert not MasteryEvent.objects.exists()


def test_too_large_file_is_refused_in_russian(client, setup, monkeypatch):
    pair, instrument = setup
    monkeypatch.setattr(skill_forms, "MAX_EVIDENCE_BYTES", 100)
    response = _post(client, pair, instrument, SimpleUploadedFile("big.png", PNG * 2))
    body = response.content.decode()
    assert "Файл слишком большой" in body
    assert "Сам собрал отчёт на планёрке" in body
    assert not MasteryEvent.objects.exists()


def test_mentee_self_assessment_and_goal(client, setup):
    pair, instrument = setup
    client.force_login(pair.mentee.user)
    response = client.post(
        reverse("skills_self_assess", args=[instrument.pk]),
        {"level": 2, "evidence_text": "Сделал табель в таблице", "next": instrument.url},
    )
    assert response.status_code == 302
    client.post(reverse("skills_set_goal", args=[instrument.pk]), {"target_level": 4})
    body = client.get(instrument.url).content.decode()
    assert "Сделал табель в таблице" in body
    assert "осталось 2 уровня" in body
    assert "<svg" in body and "Самооценка" in body
    mine = client.get(reverse("my_skills")).content.decode()
    assert instrument.title in mine and "осталось 2 уровня" in mine
    assert "Мои навыки" in client.get(reverse("my_dashboard")).content.decode()


def test_bad_self_assessment_keeps_text(client, setup):
    pair, instrument = setup
    client.force_login(pair.mentee.user)
    response = client.post(
        reverse("skills_self_assess", args=[instrument.pk]),
        {"level": 9, "evidence_text": "Мой текст", "evidence_link": "не ссылка"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Мой текст" in body
    assert "Введите правильный URL" in body or "Введите правильный" in body
    assert not MasteryEvent.objects.exists()
