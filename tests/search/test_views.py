"""`/search/` and `/search/suggest/` on the default (database) backend, as a reader sees them."""

import pytest

from django.db import transaction

from home.models import StandardPage
from mentoring.roles import Role
from search import service
from skills.models import ToolIndexPage
from tests.mentoring.factories import ParticipantFactory
from tests.search.factories import build_content, home, publish


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_content("views")
        service.rebuild()
        yield pages
        transaction.set_rollback(True)


@pytest.fixture
def reader(db, client, content):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    return client


def test_login_required(client, db, content):
    response = client.get("/search/?q=наставник")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_results_page_in_russian(reader):
    response = reader.get("/search/", {"q": "обратной связи"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Обратная связь наставника" in html
    assert "<mark>обратную</mark> <mark>связь</mark>" in html
    assert "Найден" in html  # «Найден 1 результат…»
    assert "Тип" in html
    assert 'value="обратной связи"' in html
    assert "search/search.js" in html


def test_facet_links_narrow_results(reader):
    html = reader.get("/search/", {"q": "наставник"}).content.decode()
    assert (
        "?q=%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D0%BA&amp;kind=home.standardpage"
        in html
    )
    narrowed = reader.get("/search/", {"q": "дашборды", "kind": "skills.toolpage"})
    assert "Яндекс DataLens" in narrowed.content.decode()
    nothing = reader.get("/search/", {"q": "дашборды", "kind": "home.homepage"})
    assert "Яндекс DataLens" not in nothing.content.decode()


def test_pagination_links(reader):
    first = reader.get("/search/", {"q": "заметка встреча"}).content.decode()
    assert "Страница 1 из 2" in first
    assert 'rel="next"' in first
    second = reader.get("/search/", {"q": "заметка встреча", "page": "2"}).content.decode()
    assert second.count('class="search-hit"') == 2
    assert 'rel="prev"' in second
    junk = reader.get("/search/", {"q": "заметка встреча", "page": "abc"})
    assert junk.status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Введите, что вы ищете"),
        ("?!.,;:()", "В запросе нет слов"),
        ("наставник " * 200, "Запрос был слишком длинным"),
    ],
)
def test_bad_input_gets_a_clear_page(reader, query, message):
    response = reader.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        "title:(a OR b) AND body:* ~2",
        "Кaйтен",
        "%_%",
        "\\",
    ],
)
def test_query_syntax_is_just_text(reader, query):
    response = reader.get("/search/", {"q": query})
    assert response.status_code == 200


def test_constant_queries(reader, django_assert_max_num_queries):
    # session + user + participant/roles, then at most 4 for the search itself.
    with django_assert_max_num_queries(12):
        reader.get("/search/", {"q": "заметка встреча"})
    with django_assert_max_num_queries(12):
        reader.get("/search/", {"q": "наставнека"})  # typo: vocabulary lookup


def test_suggest_endpoint(reader):
    data = reader.get("/search/suggest/", {"q": "обрат"}).json()
    assert data["suggestions"][0]["title"] == "Обратная связь наставника"
    assert data["suggestions"][0]["type"] == "Обычная страница"
    assert reader.get("/search/suggest/", {"q": ""}).json() == {"suggestions": []}
    assert reader.get("/search/suggest/", {"q": "x" * 3000}).status_code == 200


def test_long_and_odd_queries_cost_no_more_queries_than_a_normal_one(reader):
    from tests.utils import query_count

    normal = query_count(service.search, "наставник")
    assert query_count(service.search, "наставник " * 200) <= normal
    assert query_count(service.search, "фывапр ячсмит йцукенг " * 90) <= normal + 2
    assert query_count(service.search, "' OR 1=1; DROP TABLE x; --") <= normal + 2


def test_unreachable_engine_gives_a_clear_page(reader, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = reader.get("/search/", {"q": "наставник"})
    assert response.status_code == 200
    assert "Поиск сейчас недоступен" in response.content.decode()
    assert reader.get("/search/suggest/", {"q": "наставник"}).json() == {"suggestions": []}
    settings.SEARCH_URL = ""
    assert reader.get("/search/", {"q": "наставник"}).status_code == 200


def test_header_box_gets_suggestions_on_every_page(reader):
    html = reader.get("/my/").content.decode()
    assert 'src="/static/search/search.js"' in html
    assert 'data-suggest-url="/search/suggest/"' in html
    assert 'id="site-search-q"' in html  # the box itself (base template) posts to /search/


def test_typo_shows_what_was_searched_instead(reader):
    html = reader.get("/search/", {"q": "дашбоарды"}).content.decode()
    assert "Возможно, вы имели в виду" in html
    assert 'href="?q=%D0%B4%D0%B0%D1%88%D0%B1%D0%BE%D1%80%D0%B4%D1%8B"' in html  # «дашборды»
    assert "Яндекс DataLens" in html
    assert 'value="дашбоарды"' in html  # the box keeps what was typed


def test_nothing_found_offers_the_catalogue_library_and_faq(reader, content):
    publish(home(), StandardPage(title="Вопросы и ответы", slug="faq", intro="Коротко о программе"))
    response = reader.get("/search/", {"q": "как оформить больничный"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "ничего не нашлось" in html
    assert 'class="search-hit"' not in html
    tools = ToolIndexPage.objects.live().first()
    assert f'href="{tools.url}"' in html
    assert 'href="/faq/"' in html


def test_suggest_follows_the_same_rules(reader):
    assert reader.get("/search/suggest/", {"q": "больничный"}).json() == {"suggestions": []}
    titles = [
        s["title"] for s in reader.get("/search/suggest/", {"q": "кайт"}).json()["suggestions"]
    ]
    assert "Kaiten" in titles
