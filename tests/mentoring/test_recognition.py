"""Recognition (issue 16): certificates of a completed cycle and the talent pool."""

import io

import pypdf
import pytest

from django.urls import reverse

from mentoring import reporting
from mentoring.models import DocumentTemplate, Nomination, Pair
from tests.mentoring.factories import (
    CycleFactory,
    MeetingFactory,
    PairFactory,
    ParticipantFactory,
)


def _pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def completed(db):
    pair = PairFactory(status=Pair.Status.COMPLETED)
    MeetingFactory(pair=pair, duration_minutes=90)
    MeetingFactory(pair=pair, duration_minutes=60)
    return pair


def test_each_side_of_a_completed_pair_gets_a_certificate_with_hours(client, completed):
    for person, role in ((completed.mentor, "наставник"), (completed.mentee, "наставляемый")):
        client.force_login(person.user)
        text = _pdf_text(client.get(reverse("pair_certificate_pdf", args=[completed.pk])))
        assert person.full_name in text
        assert role in text
        assert "встреч: 2" in text
        assert "часов: 2,5" in text


def test_hr_template_is_used(client, completed):
    DocumentTemplate.objects.create(
        kind=DocumentTemplate.Kind.CERTIFICATE,
        version=1,
        title="Сертификат участника",
        body="{{ name }}: {{ hours }} ч наставничества.",
    )
    client.force_login(completed.mentor.user)
    text = _pdf_text(client.get(reverse("pair_certificate_pdf", args=[completed.pk])))
    assert "Сертификат участника" in text
    assert "2,5 ч наставничества" in text


@pytest.mark.parametrize("status", [Pair.Status.ACTIVE, Pair.Status.ENDED_EARLY])
def test_no_certificate_before_completion(client, db, status):
    pair = PairFactory(status=status)
    client.force_login(pair.mentee.user)
    assert client.get(reverse("pair_certificate_pdf", args=[pair.pk])).status_code == 404


def test_nobody_else_gets_the_certificate(client, completed):
    client.force_login(PairFactory().mentor.user)
    assert client.get(reverse("pair_certificate_pdf", args=[completed.pk])).status_code == 404


SCORES = dict.fromkeys(
    ["digital_literacy", "systems_thinking", "expertise", "communication", "motivation"], 4
)


def test_talent_pool_figures(db, settings):
    settings.MIN_GROUP_SIZE = 2
    first, second = CycleFactory(), CycleFactory()
    stayed = [PairFactory(cycle=first).mentor for _ in range(2)]
    for mentor in stayed:
        PairFactory(cycle=second, mentor=mentor)
    grown = [PairFactory(cycle=first).mentee for _ in range(2)]
    for mentee in grown:
        PairFactory(cycle=second, mentor=mentee)
    hr = ParticipantFactory()
    for nominee in grown:
        Nomination.objects.create(
            kind=Nomination.Kind.RECOMMENDATION,
            nominator=hr,
            nominee=nominee,
            status=Nomination.Status.ACCEPTED,
            statement="…",
            **SCORES,
        )
    Nomination.objects.create(
        kind=Nomination.Kind.SELF, nominator=hr, nominee=hr, statement="…", **SCORES
    )
    series = reporting.talent_pool(reporting.filters_from({}), {})
    figures = dict(series.by_group)
    # 3 nominated, 2 accepted: the one not accepted would be a group of one
    assert figures["Выдвинуты в наставники"] is None
    assert figures["Заявки приняты"] == 2
    assert figures["Наставники, оставшиеся на следующий цикл"] == 2
    assert figures["Наставляемые, ставшие наставниками"] == 2
    assert series.total == 2
    settings.MIN_GROUP_SIZE = 5
    series = reporting.talent_pool(reporting.filters_from({}), {})
    assert all(value is None for _label, value in series.by_group)
