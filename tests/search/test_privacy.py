"""Search respects Wagtail's privacy settings and unpublishing, at index time and at query
time, on every backend; a page restricted to groups never loops between itself and /login/.
"""

import pytest

from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from mentoring.roles import GROUP_NAMES, Role
from search import service
from tests.mentoring.factories import ParticipantFactory
from tests.search.conftest import BACKEND_PARAMS, make_backend
from tests.search.factories import home, publish

KINDS = [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        section = publish(
            home(),
            StandardPage(
                title="Раздел для кураторов", slug="privacy-section", intro="Разбор конфликтов"
            ),
        )
        child = publish(
            section,
            StandardPage(
                title="Памятка куратора по конфликтам",
                slug="privacy-child",
                intro="Как куратор разбирает конфликт в паре: выслушать обе стороны.",
            ),
        )
        other = publish(
            home(),
            StandardPage(
                title="Открытая памятка по конфликтам",
                slug="privacy-open",
                intro="Конфликт в паре — повод обратиться к куратору.",
            ),
        )
        yield {"section": section, "child": child, "other": other}
        transaction.set_rollback(True)


@pytest.fixture(params=BACKEND_PARAMS)
def engine(request, pages, settings, db):
    """The backend under test, also the one the publishing signals write to."""
    backend = make_backend(request.param, request)
    if hasattr(backend, "alias"):
        settings.SEARCH_BACKEND = "elasticsearch"
        settings.SEARCH_URL = backend.url
        settings.SEARCH_INDEX = backend.alias
    service.rebuild(backend)
    yield backend
    if hasattr(backend, "drop"):
        backend.drop()


def found(engine, query="конфликт куратор"):
    return set(service.search(query, backend=engine).titles)


def suggested(engine, prefix="памятка"):
    return {item["title"] for item in service.autocomplete(prefix, backend=engine)}


def restrict(page, kind, signals=True):
    fields = {"page": page, "restriction_type": kind}
    if kind == PageViewRestriction.PASSWORD:
        fields["password"] = "secret"
    if not signals:  # as if the index was never told (built earlier, engine down…)
        PageViewRestriction.objects.bulk_create([PageViewRestriction(**fields)])
        return PageViewRestriction.objects.get(page=page)
    restriction = PageViewRestriction.objects.create(**fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name=GROUP_NAMES[Role.CURATOR]))
    return restriction


@pytest.mark.parametrize("kind", KINDS)
def test_restriction_set_after_publishing_hides_the_page_and_below(engine, pages, kind):
    assert {"Памятка куратора по конфликтам", "Раздел для кураторов"} <= found(engine)
    assert "Памятка куратора по конфликтам" in suggested(engine)

    restriction = restrict(pages["section"], kind)
    hidden = found(engine)
    assert "Раздел для кураторов" not in hidden
    assert "Памятка куратора по конфликтам" not in hidden  # below a restricted ancestor
    assert "Открытая памятка по конфликтам" in hidden
    assert "Памятка куратора по конфликтам" not in suggested(engine)
    assert "Открытая памятка по конфликтам" in suggested(engine)

    restriction.delete()  # lifted: both come back
    assert {"Памятка куратора по конфликтам", "Раздел для кураторов"} <= found(engine)
    assert "Памятка куратора по конфликтам" in suggested(engine)


@pytest.mark.parametrize("kind", KINDS)
def test_restriction_the_index_missed_is_applied_at_query_time(engine, pages, kind):
    restrict(pages["child"], kind, signals=False)
    assert "Памятка куратора по конфликтам" not in found(engine)
    assert "Памятка куратора по конфликтам" not in suggested(engine)
    assert "Раздел для кураторов" in found(engine)


def test_unpublishing_the_index_missed_is_applied_at_query_time(engine, pages):
    Page.objects.filter(pk=pages["child"].pk).update(live=False)
    assert "Памятка куратора по конфликтам" not in found(engine)
    assert "Памятка куратора по конфликтам" not in suggested(engine)


def test_unpublishing_removes_from_the_index(engine, pages):
    child = Page.objects.get(pk=pages["child"].pk).specific
    child.unpublish()
    assert "Памятка куратора по конфликтам" not in found(engine)
    child.save_revision().publish()
    assert "Памятка куратора по конфликтам" in found(engine)


# --- the views and the loop, on the default backend --------------------------------------


@pytest.fixture
def curators_only(pages, db):
    service.rebuild()
    return restrict(pages["section"], PageViewRestriction.GROUPS)


@pytest.fixture
def mentee(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    return client


def test_search_and_suggest_pages_leave_restricted_pages_out(mentee, curators_only):
    html = mentee.get("/search/", {"q": "конфликт куратор"}).content.decode()
    assert "Открытая памятка по конфликтам" in html
    assert "Памятка куратора по конфликтам" not in html
    assert "выслушать обе стороны" not in html  # no excerpt either
    data = mentee.get("/search/suggest/", {"q": "памятка"}).json()
    titles = [item["title"] for item in data["suggestions"]]
    assert "Открытая памятка по конфликтам" in titles
    assert "Памятка куратора по конфликтам" not in titles


def test_logged_in_reader_outside_the_groups_gets_no_access_not_a_loop(
    mentee, curators_only, pages
):
    url = pages["child"].url
    response = mentee.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Нет доступа" in html
    assert "выслушать обе стороны" not in html
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    # The login page sends a logged-in reader back to the page: 403 again, not a redirect.
    back = mentee.get("/login/", {"next": url}, follow=True)
    assert back.status_code == 403
    assert len(back.redirect_chain) == 1
    assert mentee.get(f"{url}pdf/").status_code in {403, 404}


def test_a_member_of_the_group_reads_the_page(client, curators_only, pages, db):
    client.force_login(ParticipantFactory(roles=[Role.CURATOR]).user)
    response = client.get(pages["child"].url)
    assert response.status_code == 200
    assert "выслушать обе стороны" in response.content.decode()


def test_anonymous_reader_is_asked_to_log_in(client, curators_only, pages, settings):
    settings.PUBLIC_CONTENT = True  # content open without login, the restricted page is not
    response = client.get(pages["child"].url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_password_restriction_shows_its_form(mentee, pages, db):
    restrict(Page.objects.get(pk=pages["section"].pk), PageViewRestriction.PASSWORD)
    response = mentee.get(pages["child"].url)
    assert response.status_code == 200
    assert "выслушать обе стороны" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
