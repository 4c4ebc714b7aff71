"""An evidence file is stored under the type of its content, not the name it was sent with."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from skills.models import MasteryEvent
from tests.skills.factories import tool

PNG_THEN_HTML = (
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"<html><script>alert(document.cookie)</script></html>"
)


@pytest.fixture
def setup(pair, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return pair, tool("МойОфис")


def test_png_bytes_named_html_are_stored_and_served_as_png(client, setup):
    pair, instrument = setup
    client.force_login(pair.mentor.user)
    response = client.post(
        reverse("skills_person", args=[pair.mentee.pk]),
        {
            "tool": instrument.pk,
            "level": 3,
            "evidence_text": "Скриншот отчёта",
            "evidence_file": SimpleUploadedFile("отчёт.html", PNG_THEN_HTML, "text/html"),
        },
    )
    assert response.status_code == 302
    event = MasteryEvent.objects.get()
    assert event.evidence_file.name.endswith(".png")
    assert ".html" not in event.evidence_file.name
    download = client.get(reverse("skills_evidence", args=[event.pk]))
    assert download["Content-Type"] == "image/png"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]
    assert ".png" in download["Content-Disposition"]
