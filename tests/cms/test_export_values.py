"""Admin exports print what the screen shows: labels, not codes; local times (issue 16)."""

import datetime
import io

import openpyxl
import pytest

from django.urls import reverse
from django.utils import timezone

from mentoring.models import Idea, Pair
from tests.mentoring.factories import PairFactory, UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def idea(db):
    pair = PairFactory(status=Pair.Status.ACTIVE, started_on=datetime.date(2026, 7, 6))
    idea = Idea.objects.create(author=pair.mentee, pair=pair, title="Журнал смены", description="…")
    # 09:26 UTC is 12:26 in Moscow, what the screen shows
    Idea.objects.filter(pk=idea.pk).update(
        created_at=datetime.datetime(2026, 11, 27, 9, 26, tzinfo=datetime.UTC)
    )
    return idea


def _csv(client, url):
    response = client.get(url + "?export=csv", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_has_labels_and_local_times(admin_client, idea, settings):
    assert settings.TIME_ZONE == "Europe/Moscow"
    text = _csv(admin_client, reverse("ideas:index"))
    assert "27.11.2026 12:26" in text
    assert "09:26" not in text
    assert "предложена" in text.lower() or "предложен" in text.lower()
    assert "proposed" not in text
    pairs = _csv(admin_client, reverse("pairs:index"))
    assert "active" not in pairs
    assert "06.07.2026" in pairs


def test_xlsx_has_labels_and_local_times(admin_client, idea):
    response = admin_client.get(reverse("ideas:index") + "?export=xlsx", HTTP_ACCEPT_LANGUAGE="ru")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows(min_row=2, values_only=True) for cell in row]
    assert datetime.datetime(2026, 11, 27, 12, 26) in values
    assert "proposed" not in values
    assert str(Idea.Status.PROPOSED.label) in [str(v) for v in values]


def test_every_admin_export_writes_no_choice_code(admin_client, idea):
    """Discovered: each admin listing with an export, every choice field it exports."""
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet

    reverse("wagtailadmin_home")
    checked = 0
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet) or not isinstance(viewset.list_export, list):
            continue
        model = viewset.model
        codes = set()
        for path in viewset.list_export:
            try:
                field = model._meta.get_field(path)
            except Exception:  # noqa: S112 - a method or a dotted path
                continue
            for code, label in field.flatchoices or []:
                if isinstance(code, str) and code != str(label):
                    codes.add(code)
        if not codes or not model.objects.exists():
            continue
        text = _csv(admin_client, reverse(viewset.get_url_name("index")))
        cells = {cell.strip('"') for line in text.splitlines()[1:] for cell in line.split(",")}
        cells |= {cell.strip('"') for line in text.splitlines()[1:] for cell in line.split(";")}
        assert not (codes & cells), (model._meta.label, codes & cells)
        checked += 1
    assert checked >= 2
    assert timezone.get_current_timezone_name() == "Europe/Moscow"
