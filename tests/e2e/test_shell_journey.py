"""Journeys through the demo site in a real browser, on a phone-sized screen."""

from pathlib import Path

import pytest

from tests.e2e.conftest import log_in

# One worker runs every test that uses the demo server (it is built once per worker).
pytestmark = [pytest.mark.e2e, pytest.mark.standalone, pytest.mark.xdist_group("demo")]

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".test-media" / "screenshots"


def test_mentee_logs_in_on_a_phone(demo_server, page):
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(demo_server) else None,
    )

    page.goto(demo_server + "/")
    assert "/login/" in page.url
    assert page.locator("html").get_attribute("lang") == "ru"

    log_in(page, demo_server, "mentee", "не тот пароль")
    assert page.locator(".form-errors").inner_text().startswith("Пожалуйста, введите")
    assert page.input_value("#id_username") == "mentee"

    log_in(page, demo_server, "mentee")
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


@pytest.mark.parametrize(
    ("username", "path", "heading"),
    [
        ("mentee", "/my/skills/", "Мои навыки"),
        ("mentor", "/my/mentees/", "Мои наставляемые"),
        ("curator", "/curator/", None),
        ("hr", "/programme/results/", "Результаты программы"),
    ],
)
def test_each_role_reaches_its_page_without_horizontal_scroll(
    demo_server, page, username, path, heading
):
    log_in(page, demo_server, username)
    response = page.goto(demo_server + path)
    assert response.status == 200
    if heading:
        assert page.locator("h1").first.inner_text() == heading
    assert page.locator("html").get_attribute("lang") == "ru"
    width = page.evaluate("document.documentElement.scrollWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{username}-390.png"), full_page=True)
    assert width <= 390 + 1, f"{path} scrolls sideways at 390 px: {width}"


def test_meeting_facts_fit_a_phone(demo_server, page):
    """Issue 16: at 390 px the facts of a meeting (duration, tools, topics, who logged it)
    stay on the screen: each value starts inside the viewport and ends inside it."""
    log_in(page, demo_server, "mentee")
    page.goto(demo_server + "/my/pairs/")
    page.locator("main a[href^='/my/pairs/']").first.click()
    page.locator("main a[href^='/my/meetings/']").first.click()
    boxes = page.eval_on_selector_all(
        ".mentoring-facts dd",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })",
    )
    assert len(boxes) == 4
    for left, right in boxes:
        assert left >= 0 and right <= 390 + 1, boxes
