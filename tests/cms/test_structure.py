"""The site and the view restrictions are remembered per process (cms.structure): a change
made after a read applies on the very next request, and hostile Host headers cannot grow
what is remembered."""

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction, Site

from cms import structure
from home.models import StandardPage
from mentoring.roles import GROUP_NAMES, Role
from tests.mentoring.factories import ParticipantFactory
from tests.search.factories import home, publish


def _page(slug="structure-rules"):
    return publish(home(), StandardPage(title="Правила программы", slug=slug, intro="Правила"))


def test_a_restriction_added_after_a_read_applies_on_the_next_request(client, db):
    page = _page()
    mentee = ParticipantFactory(roles=[Role.MENTEE])
    client.force_login(mentee.user)
    assert client.get(page.url).status_code == 200
    assert "Правила программы" in client.get("/").content.decode()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=GROUP_NAMES[Role.CURATOR])])
    answer = client.get(page.url)
    assert answer.status_code == 403
    assert "Правила программы" not in client.get("/").content.decode()
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_a_restriction_on_an_ancestor_covers_the_page(client, db):
    section = _page("structure-section")
    child = publish(section, StandardPage(title="Памятка", slug="structure-child", intro="…"))
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=GROUP_NAMES[Role.CURATOR])])
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    assert client.get(child.url).status_code == 403
    client.force_login(ParticipantFactory(roles=[Role.CURATOR]).user)
    assert client.get(child.url).status_code == 200


def test_no_query_for_restrictions_when_there_are_none(db, django_assert_num_queries):
    page = _page()
    structure.view_restrictions(page)  # the snapshot of this generation
    with django_assert_num_queries(0):
        assert list(structure.view_restrictions(page)) == []


def test_a_new_root_page_is_served_at_once(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    assert client.get("/").status_code == 200
    root = Page.objects.get(depth=1)
    landing = root.add_child(
        instance=StandardPage(title="Новая главная", slug="new-landing", intro="Главная")
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = landing
    site.save()
    assert "Новая главная" in client.get("/").content.decode()


def test_hostile_hosts_cannot_grow_the_memory(client, db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    for n in range(structure.MAX_HOSTS * 3):
        client.get("/", HTTP_HOST=f"h{n}.example")
    assert len(structure._sites.values) <= structure.MAX_HOSTS


def test_a_moved_or_deleted_page_is_routed_from_its_new_place(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    page = _page("structure-moving")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "structure-moved"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.url != old_url
    assert client.get(old_url).status_code in (301, 302, 404)  # Wagtail may leave a redirect
    assert "Правила программы" in client.get(page.url).content.decode()
    new_url = page.url
    page.delete()
    assert client.get(new_url).status_code == 404


def test_unknown_paths_cannot_grow_the_route_memory(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    for n in range(structure.MAX_ROUTES + 10):
        structure.deepest_page([f"/home/nope-{n}/"], 1)
    assert client.get("/nope-x/").status_code == 404
    assert len(structure._routes.values) <= structure.MAX_ROUTES
