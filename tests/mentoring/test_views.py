"""Personal pages show a person their own data and nobody else's."""

from django.urls import reverse

from mentoring.models import Pair
from tests.mentoring.factories import PairFactory
from tests.utils import query_count


def test_dashboard_shows_own_pairs(client, pair):
    client.force_login(pair.mentee.user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert pair.mentor.full_name in body
    assert "Мои пары" in body


def test_consent_changes_only_own_profile(client, pair):
    client.force_login(pair.mentee.user)
    response = client.post(reverse("update_consent"), {"consent_to_share": "on"}, follow=True)
    pair.mentee.refresh_from_db()
    pair.mentor.refresh_from_db()
    assert pair.mentee.consent_to_share is True
    assert pair.mentor.consent_to_share is False
    assert "HR теперь видит ваш прогресс поимённо" in response.content.decode()


def test_my_mentees_lists_only_own_mentees(client, pair):
    other = PairFactory(cycle=pair.cycle)
    client.force_login(pair.mentor.user)
    body = client.get(reverse("my_mentees")).content.decode()
    assert pair.mentee.full_name in body
    assert other.mentee.full_name not in body


def test_curator_sees_curated_pairs_only(client, pair):
    other = PairFactory(cycle=pair.cycle)
    client.force_login(pair.curator.user)
    body = client.get(reverse("my_mentees")).content.decode()
    assert pair.mentee.full_name in body
    assert other.mentee.full_name not in body


def test_proposed_pair_is_not_listed(client, pair):
    pair.status = Pair.Status.PROPOSED
    pair.save()
    client.force_login(pair.mentor.user)
    body = client.get(reverse("my_mentees")).content.decode()
    assert pair.mentee.full_name not in body


def test_personal_pages_query_count_does_not_grow(client, pair):
    client.force_login(pair.curator.user)

    def both_pages():
        for url in (reverse("my_dashboard"), reverse("my_mentees")):
            assert client.get(url).status_code == 200

    few = query_count(both_pages)
    for _ in range(8):
        PairFactory(cycle=pair.cycle, curator=pair.curator)
    assert query_count(both_pages) == few
    assert few <= 20


def test_my_mentees_links_each_mentee_to_their_skills_page(client, pair):
    client.force_login(pair.mentor.user)
    body = client.get(reverse("my_mentees")).content.decode()
    assert f'href="/skills/people/{pair.mentee_id}/"' in body
    assert "Навыки" in body


def test_my_mentees_paginates(client, pair):
    from mentoring.views.personal import MENTEES_PER_PAGE

    for _ in range(MENTEES_PER_PAGE):
        PairFactory(cycle=pair.cycle, curator=pair.curator)
    client.force_login(pair.curator.user)
    first = client.get(reverse("my_mentees")).content.decode()
    second = client.get(reverse("my_mentees") + "?page=2").content.decode()
    assert "Страница 1 из 2" in first
    assert first.count("/curator/pairs/") == MENTEES_PER_PAGE
    assert second.count("/curator/pairs/") == 1
