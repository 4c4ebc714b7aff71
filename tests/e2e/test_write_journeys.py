"""Journeys that write, one per role, in a real browser against the running demo.

Each journey fills and sends the real forms, then checks what was saved twice: on the page
reloaded from the server and in the demo server's own database.
"""

import datetime
import sqlite3
import uuid
from contextlib import closing

import pytest

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.standalone, pytest.mark.xdist_group("demo")]


@pytest.fixture(scope="module")
def demo_db(demo_env):
    """A query function on the demo server's SQLite file (read only)."""
    path = demo_env["DATABASE_URL"].removeprefix("sqlite:///")

    def query(sql, *params):
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return db.execute(sql, params).fetchall()

    return query


def unique(text):
    return f"{text} {uuid.uuid4().hex[:6]}"


def pair_of(demo_db, username, side):
    """The id of a running pair in which the demo account ``username`` is ``side``."""
    rows = demo_db(
        f"SELECT p.id FROM mentoring_pair p JOIN mentoring_participant pa ON p.{side}_id = pa.id "  # noqa: S608 - side is ours
        "JOIN mentoring_user u ON pa.user_id = u.id WHERE u.username = ? AND p.status = 'active' "
        "ORDER BY p.id",
        username,
    )
    assert rows, f"the demo has no active pair with {username} as {side}"
    return rows[0][0]


def submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def test_mentee_asks_for_a_topic(demo_server, demo_db, page):
    pair = pair_of(demo_db, "mentee", "mentee")
    topic = unique("Сводная таблица по простоям за смену")
    log_in(page, demo_server, "mentee")
    page.goto(f"{demo_server}/my/pairs/{pair}/")
    form = page.locator("form[action$='/topics/']")
    form.locator("textarea[name=text]").fill(topic)
    submit(page, form)
    page.goto(f"{demo_server}/my/pairs/{pair}/")
    assert topic in page.locator("#topics-title + ul").inner_text()
    assert demo_db(
        "SELECT pair_id FROM mentoring_topicrequest WHERE text = ? AND covered_in_id IS NULL", topic
    ) == [(pair,)]


def test_mentor_logs_a_meeting_and_the_mentee_gives_feedback(demo_server, demo_db, page, browser):
    pair = pair_of(demo_db, "mentor", "mentor")
    notes = unique("Разобрали фильтры в отчёте по браку")
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    log_in(page, demo_server, "mentor")
    page.goto(f"{demo_server}/my/pairs/{pair}/meetings/new/")
    form = page.locator("main form[method=post]")
    form.locator("input[name=held_on]").fill(yesterday)
    form.locator("input[name=duration_minutes]").fill("45")
    form.locator("textarea[name=private_notes]").fill(notes)
    form.locator("input[name=tools]").first.check()
    submit(page, form)
    saved = demo_db(
        "SELECT id, pair_id, held_on, duration_minutes FROM mentoring_meeting "
        "WHERE private_notes = ?",
        notes,
    )
    assert [row[1:] for row in saved] == [(pair, yesterday, 45)]
    meeting = saved[0][0]
    assert (
        demo_db("SELECT count(*) FROM mentoring_meeting_tools WHERE meeting_id = ?", meeting)[0][0]
        == 1
    )

    # the mentee of that pair answers the three questions about the meeting
    mentee = demo_db(
        "SELECT u.username FROM mentoring_pair p JOIN mentoring_participant pa "
        "ON p.mentee_id = pa.id JOIN mentoring_user u ON pa.user_id = u.id WHERE p.id = ?",
        pair,
    )[0][0]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    other = context.new_page()
    try:
        log_in(other, demo_server, mentee)
        other.goto(f"{demo_server}/my/meetings/{meeting}/")
        form = other.locator("main form[method=post]")
        form.locator("input[name=usefulness][value='5']").check()
        form.locator("input[name=equal_dialogue][value='4']").check()
        wish = unique("Больше задач с реальными данными цеха")
        form.locator("textarea[name=what_to_change]").fill(wish)
        submit(other, form)
        assert demo_db(
            "SELECT side, usefulness, equal_dialogue FROM mentoring_feedback "
            "WHERE meeting_id = ? AND what_to_change = ?",
            meeting,
            wish,
        ) == [("mentee", 5, 4)]
        other.goto(f"{demo_server}/my/pairs/{pair}/")
        assert other.locator(f"a[href='/my/meetings/{meeting}/']").count() >= 1
    finally:
        context.close()


def test_mentee_assesses_a_skill(demo_server, demo_db, page):
    tool, title = demo_db(
        "SELECT t.page_ptr_id, p.title FROM skills_toolpage t JOIN wagtailcore_page p "
        "ON p.id = t.page_ptr_id WHERE p.live ORDER BY p.title LIMIT 1"
    )[0]
    evidence = unique("Сам собрал отчёт к планёрке")
    log_in(page, demo_server, "mentee")
    page.goto(f"{demo_server}/my/skills/{tool}/assess/")
    form = page.locator("main form[method=post]")
    form.locator("select[name=level]").select_option("3")
    form.locator("textarea[name=evidence_text]").fill(evidence)
    submit(page, form)
    assert demo_db(
        "SELECT e.lens, e.to_level, m.self_level FROM skills_masteryevent e "
        "JOIN skills_mastery m ON e.mastery_id = m.id WHERE e.evidence_text = ?",
        evidence,
    ) == [("self", 3, 3)]
    page.goto(f"{demo_server}/my/skills/")
    assert title in page.locator("main").inner_text()


def test_mentee_writes_to_the_curator_who_resolves_it(demo_server, demo_db, page, browser):
    pair = pair_of(demo_db, "curator", "curator")
    mentee = demo_db(
        "SELECT u.username FROM mentoring_pair p JOIN mentoring_participant pa "
        "ON p.mentee_id = pa.id JOIN mentoring_user u ON pa.user_id = u.id WHERE p.id = ?",
        pair,
    )[0][0]
    subject = unique("Встречи переносятся")
    log_in(page, demo_server, mentee)
    page.goto(f"{demo_server}/my/pairs/{pair}/issue/")
    form = page.locator("main form[method=post]")
    form.locator("input[name=subject]").fill(subject)
    form.locator("textarea[name=description]").fill("Третью неделю встреча срывается из-за смен.")
    submit(page, form)
    [(issue, status)] = demo_db(
        "SELECT id, status FROM mentoring_supportissue WHERE subject = ?", subject
    )
    assert status == "open"

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    curator = context.new_page()
    try:
        log_in(curator, demo_server, "curator")
        curator.goto(f"{demo_server}/curator/")
        with curator.expect_navigation():
            curator.locator(f"a[href='/curator/issues/{issue}/']").click()
        form = curator.locator("main form[method=post]")
        form.locator("select[name=status]").select_option("resolved")
        note = unique("Договорились о смене дня встреч")
        form.locator("textarea[name=text]").fill(note)
        submit(curator, form)
        assert demo_db(
            "SELECT status, resolved_at IS NOT NULL FROM mentoring_supportissue WHERE id = ?",
            issue,
        ) == [("resolved", 1)]
        assert demo_db("SELECT text FROM mentoring_issuenote WHERE issue_id = ?", issue) == [
            (note,)
        ]
        curator.reload()
        assert note in curator.locator("main").inner_text()
    finally:
        context.close()
    page.goto(f"{demo_server}/my/issues/")
    row = page.locator("main li, main tr").filter(has_text=subject)
    assert row.count() == 1
    assert "решён" in row.inner_text().lower() or "решено" in row.inner_text().lower()


def open_action_menu(page):
    """Open the Wagtail editor's footer menu (publish, submit, workflow actions)."""
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()


def test_hr_editor_change_goes_live_once_the_hr_admin_approves(demo_server, demo_db, page, browser):
    track, url_path, old_goal = demo_db(
        "SELECT p.id, p.url_path, t.goal FROM curricula_trackpage t JOIN wagtailcore_page p "
        "ON p.id = t.page_ptr_id WHERE p.live ORDER BY p.path LIMIT 1"
    )[0]
    public = demo_server + "/" + url_path.split("/", 2)[2]  # below the site's root page
    goal = unique("Вести встречу так, чтобы старший коллега сам нашёл ответ")

    # the HR editor changes the goal in the admin and submits it to «Проверка HR»
    log_in(page, demo_server, "hreditor")
    page.goto(f"{demo_server}/admin/pages/{track}/edit/")
    page.locator("textarea[name=goal]").fill(goal)
    open_action_menu(page)
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    assert demo_db(
        "SELECT s.status, w.name FROM wagtailcore_workflowstate s JOIN wagtailcore_workflow w "
        "ON s.workflow_id = w.id WHERE s.object_id = ? ORDER BY s.id DESC LIMIT 1",
        str(track),
    ) == [("in_progress", "Проверка HR")]
    assert demo_db("SELECT goal FROM curricula_trackpage WHERE page_ptr_id = ?", track) == [
        (old_goal,)
    ]
    page.goto(public)
    assert goal not in page.locator("main").inner_text()

    # an HR admin approves it in the editor; the change goes live
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    admin = context.new_page()
    try:
        log_in(admin, demo_server, "hr")
        admin.goto(f"{demo_server}/admin/pages/{track}/edit/")
        open_action_menu(admin)
        with admin.expect_navigation():
            # «Одобрить», not «Одобрить с комментарием» (that one opens a dialog)
            admin.locator(
                "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
            ).click()
        assert demo_db(
            "SELECT status FROM wagtailcore_workflowstate WHERE object_id = ? "
            "ORDER BY id DESC LIMIT 1",
            str(track),
        ) == [("approved",)]
    finally:
        context.close()
    assert demo_db("SELECT goal FROM curricula_trackpage WHERE page_ptr_id = ?", track) == [(goal,)]
    page.goto(public)
    assert goal in page.locator("main").inner_text()
