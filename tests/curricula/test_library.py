"""The library listing: filters combine exactly, stay in the URL, paginate, cost fixed queries."""

import pytest

from curricula.models import MaterialPage
from mentoring.roles import Role
from tests.curricula import factories
from tests.mentoring.factories import ParticipantFactory
from tests.utils import query_count

Kind = MaterialPage.Kind


@pytest.fixture
def mentor(db):
    return ParticipantFactory(roles=[Role.MENTOR])


@pytest.fixture
def catalogue(db):
    power_bi, excel = factories.tool("Power BI"), factories.tool("Excel")
    materials = {
        "a": factories.build_material(
            "Вопросы о данных",
            kind=Kind.QUESTION_BANK,
            duration_minutes=10,
            audience="mentor",
            tags=["данные"],
            tools=[power_bi],
        ),
        "b": factories.build_material(
            "Разбор отчёта цеха",
            kind=Kind.CASE,
            duration_minutes=40,
            audience="mentor",
            tags=["данные", "отчёты"],
            tools=[power_bi, excel],
        ),
        "c": factories.build_material(
            "Памятка наставляемого",
            kind=Kind.HANDOUT,
            duration_minutes=5,
            audience="mentee",
            tags=["встреча"],
            tools=[excel],
        ),
        "d": factories.build_material(
            "Шаблон первой встречи",
            kind=Kind.MEETING_TEMPLATE,
            duration_minutes=60,
            audience="mentor",
            tags=["встреча"],
        ),
    }
    return {"power_bi": power_bi, "excel": excel, **materials}


def titles(client, query=""):
    response = client.get(factories.library().url + query)
    assert response.status_code == 200
    return {m.title for m in response.context["materials"]}, response


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "abcd"),
        ("?kind=case", "b"),
        ("?audience=mentor", "abd"),
        ("?tool=power-bi", "ab"),
        ("?tag=данные", "ab"),
        ("?tag=данные&tool=excel", "b"),
        ("?audience=mentor&min_minutes=30", "bd"),
        ("?min_minutes=5&max_minutes=40", "abc"),
        ("?max_minutes=10&audience=mentee", "c"),
        ("?kind=handout&audience=mentor", ""),
    ],
)
def test_filters_return_exactly_the_matching_materials(client, mentor, catalogue, query, expected):
    client.force_login(mentor.user)
    found, _ = titles(client, query)
    assert found == {catalogue[key].title for key in expected}


def test_filter_state_stays_in_the_url_and_bad_input_is_explained(client, mentor, catalogue):
    client.force_login(mentor.user)
    found, response = titles(client, "?tag=данные&max_minutes=15")
    body = response.content.decode()
    assert found == {catalogue["a"].title}
    assert 'value="данные" selected' in body
    assert 'name="max_minutes" value="15"' in body
    found, response = titles(client, "?min_minutes=50&max_minutes=10")
    assert "«До» не может быть меньше «от»" in response.content.decode()
    assert found == {catalogue["d"].title}  # the valid part of the filter still applies
    found, response = titles(client, "?min_minutes=сорок")
    assert "Введите число минут" in response.content.decode()
    assert len(found) == 4


def test_listing_paginates_and_keeps_filters_in_page_links(client, mentor):
    for n in range(15):
        factories.build_material(f"Упражнение {n:02d}", kind=Kind.EXERCISE, tags=["встреча"])
    factories.build_material("Кейс вне фильтра", kind=Kind.CASE)
    client.force_login(mentor.user)
    found, response = titles(client, "?kind=exercise")
    assert len(found) == 12
    assert response.context["result_count"] == 15
    assert "?kind=exercise&amp;page=2" in response.content.decode()
    found, _ = titles(client, "?kind=exercise&page=2")
    assert found == {f"Упражнение {n:02d}" for n in range(12, 15)}


def _make(count, power_bi):
    """Many live materials quickly: saved live directly, without revisions."""
    index = factories.library()
    for n in range(count):
        page = MaterialPage(title=f"Материал {n:03d}", kind=Kind.EXERCISE, summary="Кратко")
        index.add_child(instance=page)
        page.tags.add(f"тема {n % 7}", "общая")
        page.tools.set([power_bi])
        page.save()
        index.refresh_from_db()


def test_query_count_does_not_grow_with_materials(client, mentor, settings):
    power_bi = factories.tool("Power BI")
    client.force_login(mentor.user)
    url = factories.library().url
    factories.SessionPlanFactory(mentor=mentor, title="План")
    _make(10, power_bi)
    client.get(url)  # warm per-process caches (site root paths)
    small = query_count(client.get, url + "?tag=общая&tool=power-bi")
    _make(190, power_bi)
    large = query_count(client.get, url + "?tag=общая&tool=power-bi")
    assert large == small, (small, large)
    print(f"library queries at 10 and 200 materials: {small}, {large}")
    assert small <= 30


def test_add_to_plan_button_only_for_mentors(client, mentor, catalogue):
    mentee = ParticipantFactory(roles=[Role.MENTEE])
    client.force_login(mentor.user)
    assert "Добавить в план" in client.get(factories.library().url).content.decode()
    assert "Добавить в план" in client.get(catalogue["a"].url).content.decode()
    client.force_login(mentee.user)
    assert "Добавить в план" not in client.get(catalogue["a"].url).content.decode()


def test_cached_cards_follow_publishing_and_keep_each_mentor_s_own_plans(client, catalogue):
    first, second = (ParticipantFactory(roles=[Role.MENTOR]) for _ in range(2))
    factories.SessionPlanFactory(mentor=first, title="План Анны на четверг")
    client.force_login(first.user)
    page = client.get(factories.library().url).content.decode()
    assert "Разбор отчёта цеха" in page
    assert "План Анны на четверг" in page
    material = catalogue["b"]
    material.title = "Разбор отчёта участка"
    material.save_revision().publish()
    catalogue["excel"].title = "Microsoft Excel"
    catalogue["excel"].save_revision().publish()
    client.force_login(second.user)
    page = client.get(factories.library().url).content.decode()
    assert "Разбор отчёта участка" in page
    assert "Разбор отчёта цеха" not in page
    assert "Microsoft Excel" in page
    assert "План Анны на четверг" not in page
    # what people typed in titles is text in the cached card too
    material.title = "<b>Жирный</b> разбор"
    material.save_revision().publish()
    page = client.get(factories.library().url).content.decode()
    assert "&lt;b&gt;Жирный&lt;/b&gt; разбор" in page
