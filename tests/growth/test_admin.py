"""HR edits the competencies and their level descriptions in the Wagtail admin."""

from django.urls import reverse

from growth.models import Competency


def test_hr_editor_adds_a_competency_with_levels_in_behaviour(client, hr_editor):
    client.force_login(hr_editor.user)
    listing = client.get(reverse("wagtailsnippets_growth_competency:list")).content.decode()
    assert "Фасилитация встречи" in listing
    existing = Competency.objects.get(key="facilitation")
    edit = reverse("wagtailsnippets_growth_competency:edit", args=[existing.pk])
    assert "Сам строит встречу" in client.get(edit).content.decode()
    data = {
        "name": "Работа с возражениями",
        "key": "objections",
        "kind": "leadership",
        "summary": "Спокойно отвечает на «у нас так не принято».",
        "sort_order": "5",
        "active": "on",
        "levels-TOTAL_FORMS": "2",
        "levels-INITIAL_FORMS": "0",
        "levels-MIN_NUM_FORMS": "1",
        "levels-MAX_NUM_FORMS": "1000",
        "levels-0-level": "0",
        "levels-0-behaviour": "Спорит или замолкает, когда слышит возражение.",
        "levels-0-ORDER": "1",
        "levels-1-level": "3",
        "levels-1-behaviour": "Сам выясняет, что стоит за возражением, и предлагает проверить.",
        "levels-1-ORDER": "2",
    }
    response = client.post(reverse("wagtailsnippets_growth_competency:add"), data)
    assert response.status_code == 302
    added = Competency.objects.get(key="objections")
    assert dict(added.levels.values_list("level", "behaviour"))[3].startswith("Сам выясняет")


def test_mentors_and_curators_have_no_admin_rights_on_competencies(client, pair):
    client.force_login(pair.curator.user)
    response = client.get(reverse("wagtailsnippets_growth_competency:list"))
    assert response.status_code in (302, 403)


def test_a_competency_with_history_is_not_deleted_but_explained(client, pair):
    from growth import services
    from growth.models import Moment, Source
    from tests.mentoring.factories import UserFactory

    used = Competency.objects.get(key="facilitation")
    services.record(pair.mentor, used, pair.cycle, Source.SELF, Moment.START, 1)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("wagtailsnippets_growth_competency:delete", args=[used.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "нельзя удалить" in response.content.decode()
    assert Competency.objects.filter(pk=used.pk).exists()
    unused = Competency.objects.get(key="motivation")
    client.post(reverse("wagtailsnippets_growth_competency:delete", args=[unused.pk]))
    assert not Competency.objects.filter(pk=unused.pk).exists()
