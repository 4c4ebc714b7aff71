"""Free text has a length limit wherever it is typed, and a PDF has limits of its own: a
limit reached is a Russian message, never a worker timeout."""

import pytest

from django.apps import apps
from django.db import models
from django.urls import reverse

from cms import limits, pdf
from curricula.models import SessionPlan

OUR_APPS = {"cms", "home", "curricula", "skills", "mentoring"}
# Text nobody types into a form: written by the import itself.
NOT_TYPED = {("mentoring", "ImportJob", "message")}


def test_every_typed_text_field_has_a_length_limit():
    missing = []
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.TextField) or field.model is not model:
                continue
            if field.model.__module__.startswith("wagtail."):
                continue  # url_path, search_description: Wagtail's own
            key = (model._meta.app_label, model.__name__, field.name)
            if type(field).__name__ == "RichTextField" or key in NOT_TYPED:
                continue  # edited by HR in the admin; bounded by the PDF's limits
            if field.max_length is None:
                missing.append(key)
    assert missing == []


def test_a_plan_with_too_long_notes_is_refused_in_russian(client, pair):
    client.force_login(pair.mentor.user)
    response = client.post(
        reverse("plan_create"), {"title": "План", "notes": "ы" * (limits.NOTES + 1)}
    )
    assert response.status_code == 200
    assert "не более 10000 символов" in response.content.decode().replace("\xa0", "")
    assert not SessionPlan.objects.exists()


def test_a_stored_huge_plan_gets_a_message_not_a_timeout(client, pair):
    plan = SessionPlan.objects.create(mentor=pair.mentor, title="План", notes="ы" * 2_000_000)
    client.force_login(pair.mentor.user)
    response = client.get(reverse("plan_pdf", args=[plan.pk]))
    assert response.status_code == 503
    page = response.content.decode()
    assert "слишком длинный" in page
    assert str(pdf.MAX_TEXT_CHARS) in page


def test_a_pdf_over_the_page_limit_gets_a_message(client, pair, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    plan = SessionPlan.objects.create(mentor=pair.mentor, title="План", notes="ы " * 6000)
    client.force_login(pair.mentor.user)
    response = client.get(reverse("plan_pdf", args=[plan.pk]))
    assert response.status_code == 503
    assert "страниц" in response.content.decode()


@pytest.mark.parametrize("name", ["TEXT", "NOTES", "DOCUMENT"])
def test_limits_fit_a_pdf(name):
    assert getattr(limits, name) <= pdf.MAX_TEXT_CHARS
