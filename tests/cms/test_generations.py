"""Cached fragments and figures go stale the moment what they show changes, however it was
written: a page published, a category renamed, records added in bulk."""

import datetime
import re

import pytest

from cms import generations
from mentoring.models import Meeting
from mentoring.roles import Role
from skills.models import ToolPage
from tests.mentoring.factories import PairFactory, ParticipantFactory
from tests.skills.factories import catalogue, category, tool
from tests.utils import query_count


@pytest.mark.parametrize(
    ("sql", "scope"),
    [
        ('INSERT INTO "mentoring_meeting" ("pair_id") VALUES (%s)', generations.RECORDS),
        ('INSERT OR IGNORE INTO "skills_mastery" ("x") VALUES (1)', generations.RECORDS),
        ('UPDATE "mentoring_pair" SET "status" = %s', generations.RECORDS),
        ('DELETE FROM "mentoring_user_groups" WHERE 1', generations.RECORDS),
        ('UPDATE "wagtailcore_page" SET "live" = false', generations.CONTENT),
        ('INSERT INTO "skills_toolcategory" ("name") VALUES (%s)', generations.CONTENT),
        ('INSERT INTO "skills_toolpagetag" ("tag_id") VALUES (1)', generations.CONTENT),
        ('INSERT INTO "taggit_tag" ("name") VALUES (%s)', generations.CONTENT),
        ('UPDATE "mentoring_recordaccess" SET "count" = 2', None),
        ('INSERT INTO "django_session" ("session_key") VALUES (%s)', None),
        ('INSERT INTO "wagtailimages_rendition" ("file") VALUES (%s)', None),
        ('SELECT * FROM "mentoring_meeting"', None),
    ],
)
def test_each_write_is_given_its_scope(sql, scope):
    assert generations.scope_of_sql(sql) == scope


def test_bulk_writes_move_the_records_generation(db):
    pair = PairFactory()
    before = generations.generation(generations.RECORDS)
    Meeting.objects.bulk_create([Meeting(pair=pair, held_on=datetime.date(2026, 3, 2))])
    after_insert = generations.generation(generations.RECORDS)
    Meeting.objects.filter(pair=pair).update(held_on=datetime.date(2026, 3, 3))
    assert before < after_insert < generations.generation(generations.RECORDS)


def test_reading_moves_no_generation(client, db):
    page = tool("Power BI")
    person = ParticipantFactory(roles=[Role.MENTEE])
    client.force_login(person.user)
    client.get(page.url)
    numbers = [generations.generation(s) for s in (generations.CONTENT, generations.RECORDS)]
    client.get(page.url)
    client.get(catalogue().url)
    assert [generations.generation(s) for s in (generations.CONTENT, generations.RECORDS)] == (
        numbers
    )


@pytest.fixture
def reader(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    return client


def test_a_published_change_shows_at_once_on_the_cached_pages(reader):
    page = tool("Power BI", guide=[("tip", {"text": "<p>Старый совет</p>"})])
    assert "Старый совет" in reader.get(page.url).content.decode()
    assert "Power BI" in reader.get(catalogue().url).content.decode()
    revision = ToolPage.objects.get(pk=page.pk)
    revision.title = "Power BI Desktop"
    revision.guide = [("tip", {"text": "<p>Новый совет</p>"})]
    revision.save_revision().publish()
    html = reader.get(page.url).content.decode()
    assert "Новый совет" in html and "Старый совет" not in html
    assert "Power BI Desktop" in reader.get(catalogue().url).content.decode()


def test_a_renamed_category_shows_on_the_tool_page_and_in_the_catalogue(reader):
    bi = category()
    page = tool("Power BI", cat=bi)
    assert "Аналитика и BI" in reader.get(page.url).content.decode()
    reader.get(catalogue().url)
    bi.name = "Бизнес-аналитика"
    bi.save()
    assert "Бизнес-аналитика" in reader.get(page.url).content.decode()
    assert "Бизнес-аналитика" in reader.get(catalogue().url).content.decode()


def test_an_unpublished_tool_leaves_the_cached_catalogue(reader):
    page = tool("Power BI")
    assert "Power BI" in reader.get(catalogue().url).content.decode()
    page.unpublish()
    assert "Power BI" not in reader.get(catalogue().url).content.decode()
    assert reader.get(page.url).status_code == 404


def test_a_warm_tool_page_costs_fewer_queries_and_shows_the_same(reader):
    page = tool("Power BI", cat=category(), tags=["отчёты"])
    cold = reader.get(page.url).content.decode()
    warm_queries = query_count(reader.get, page.url)
    warm = reader.get(page.url).content.decode()
    strip = re.compile(r'name="(csrfmiddlewaretoken|form_token)" value="[^"]*"')
    assert strip.sub("", cold) == strip.sub("", warm)
    assert warm_queries <= 15


def test_results_follow_records_written_in_bulk(client, db):
    hr = ParticipantFactory(roles=[Role.HR_ADMIN])
    client.force_login(hr.user)
    pairs = [PairFactory() for _ in range(6)]

    def meetings_total():
        response = client.get("/programme/results/")
        series = {item["series"].key: item["series"] for item in response.context["series"]}
        return series["meetings"].total

    before = meetings_total()
    Meeting.objects.bulk_create(
        [Meeting(pair=p, held_on=datetime.date.today()) for p in pairs for _ in range(2)]
    )
    assert meetings_total() == (before or 0) + 12
