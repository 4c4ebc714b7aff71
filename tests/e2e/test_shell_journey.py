"""A mentee's first visit in a real browser, on a phone-sized screen."""

from pathlib import Path

import pytest

from mentoring.roles import Role
from tests.mentoring.factories import ParticipantFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".test-media" / "screenshots"


def test_mentee_logs_in_on_a_phone(live_server, page):
    ParticipantFactory(user__username="mentee", user__first_name="Виктор", roles=[Role.MENTEE])
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )

    page.goto(live_server.url + "/")
    assert "/login/" in page.url
    assert page.locator("html").get_attribute("lang") == "ru"

    page.fill("#id_username", "mentee")
    page.fill("#id_password", "не тот пароль")
    page.click("button[type=submit] >> text=Войти")
    assert page.locator(".form-errors").inner_text().startswith("Пожалуйста, введите")
    assert page.input_value("#id_username") == "mentee"

    page.fill("#id_password", "demo12345")
    page.click("button[type=submit] >> text=Войти")
    page.wait_for_selector("text=С чего начать")
    assert page.locator("main#main").count() == 1
    assert page.locator("footer[role=contentinfo] select[name=language]").count() == 1

    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390, f"horizontal scroll at 390 px: {page_width}"

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Перейти к содержанию"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "home-mentee-390.png"), full_page=True)
    assert outside == [], f"requests left the site: {outside}"
