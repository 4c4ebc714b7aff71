"""Tracks and modules: tree rules, where the reader is, progress and the PDFs."""

import io

import pypdf
import pytest

from django.urls import reverse

from curricula.models import (
    CurriculumPage,
    LibraryIndexPage,
    MaterialPage,
    ModulePage,
    ModuleProgress,
    TrackIndexPage,
    TrackPage,
)
from home.models import HomePage, StandardPage
from mentoring.roles import Role
from tests.curricula import factories
from tests.mentoring.factories import ParticipantFactory


@pytest.fixture
def track(db):
    return factories.build_track()


@pytest.fixture
def mentor(db):
    return ParticipantFactory(roles=[Role.MENTOR])


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_page_tree_rules(db):
    assert TrackIndexPage.can_exist_under(HomePage())
    assert not TrackIndexPage.can_exist_under(StandardPage())
    assert TrackPage.allowed_parent_page_models() == [TrackIndexPage]
    assert ModulePage.allowed_parent_page_models() == [TrackPage]
    assert MaterialPage.allowed_parent_page_models() == [LibraryIndexPage]
    assert LibraryIndexPage.allowed_parent_page_models() == [HomePage]
    assert CurriculumPage.allowed_parent_page_models() == [HomePage]
    assert TrackPage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == []
    assert MaterialPage.allowed_subpage_models() == []
    assert not ModulePage.can_exist_under(LibraryIndexPage())
    assert not MaterialPage.can_exist_under(TrackPage())


def test_track_page_shows_modules_duration_and_progress(client, track, mentor):
    page, modules = track
    ModuleProgress.objects.create(user=mentor.user, module=modules[0])
    client.force_login(mentor.user)
    body = client.get(page.url).content.decode()
    assert page.total_minutes == 21 + 22 + 23
    assert "1 ч 6 мин" in body
    assert all(m.title in body for m in modules)
    assert "1 из 3 модулей пройдено" in body
    assert "Открывать встречу" in body
    assert 'class="breadcrumbs"' in body and "Треки" in body


def test_module_page_shows_position_and_neighbours(client, track, mentor):
    page, modules = track
    client.force_login(mentor.user)
    body = client.get(modules[1].url).content.decode()
    assert "Модуль 2 из 3" in body
    assert modules[0].url in body and modules[2].url in body
    assert page.title in body
    assert "Текст модуля номер 2" in body
    assert "Открытие встречи" in body  # the exercise block rendered


def test_mark_done_is_idempotent_and_personal(client, track, mentor):
    _page, modules = track
    other = ParticipantFactory(roles=[Role.MENTOR])
    client.force_login(mentor.user)
    url = modules[0].url + "done/"
    assert client.get(url).status_code == 405
    response = client.post(url, {"next": "next"})
    assert response.status_code == 302 and response.url == modules[1].url
    first = ModuleProgress.objects.get(user=mentor.user, module=modules[0]).completed_at
    client.post(url)
    assert ModuleProgress.objects.filter(user=mentor.user).count() == 1
    assert ModuleProgress.objects.get(user=mentor.user).completed_at == first
    assert not ModuleProgress.objects.filter(user=other.user).exists()
    assert "Вы отметили этот модуль как пройденный" in client.get(modules[0].url).content.decode()
    client.force_login(other.user)
    assert "Отметить как пройденный" in client.get(modules[0].url).content.decode()


def test_dashboard_shows_progress_per_track(client, track, mentor):
    page, modules = track
    factories.build_track("Искусство задавать вопросы", audience="mentee")
    for module in modules[:2]:
        ModuleProgress.objects.create(user=mentor.user, module=module)
    client.force_login(mentor.user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert "Мой прогресс в треках" in body
    assert page.title in body
    assert "2 из 3 модулей пройдено" in body
    assert "Искусство задавать вопросы" not in body  # not the mentor's audience


def test_track_index_groups_tracks_by_audience(client, track, mentor):
    factories.build_track("Правила программы", audience="everyone")
    client.force_login(mentor.user)
    body = client.get(TrackIndexPage.objects.get().url).content.decode()
    assert "Для наставников" in body and "Для всех" in body
    assert "Правила программы" in body


def test_track_pdf_is_a_handbook(client, track, mentor):
    page, _modules = track
    client.force_login(mentor.user)
    response = client.get(page.url + "pdf/")
    text, reader = pdf_text(response)
    assert "osnovy-fasilitatsii.pdf" in response["Content-Disposition"]
    assert "Основы фасилитации" in text
    assert "Содержание" in text
    for n in (1, 2, 3):
        assert f"Текст модуля номер {n}" in text
    assert len(reader.pages) >= 5  # cover, contents, a page per module


def test_module_pdf(client, track, mentor):
    _page, modules = track
    client.force_login(mentor.user)
    text, _ = pdf_text(client.get(modules[0].url + "pdf/"))
    assert "Модуль 1: вопросы" in text
    assert "Текст модуля номер 1 о правилах встречи" in text
    assert "Ноутбук заряжен" in text


def test_material_pdf(client, mentor):
    material = factories.build_material()
    client.force_login(mentor.user)
    text, _ = pdf_text(client.get(material.url + "pdf/"))
    assert "Банк вопросов о задаче" in text
    assert "Спросите, что мешает сегодня" in text


def test_curriculum_page_and_pdf(client, track, mentor):
    _page, modules = track
    material = factories.build_material()
    week = {
        "title": "Неделя 1. Знакомство",
        "focus": "Договориться о целях пары.",
        "modules": [modules[0]],
        "materials": [material],
        "tools": [],
    }
    curriculum = factories.build_curriculum([("week", week)])
    client.force_login(mentor.user)
    body = client.get(curriculum.url).content.decode()
    assert "Неделя 1. Знакомство" in body and modules[0].title in body and material.title in body
    text, _ = pdf_text(client.get(curriculum.url + "pdf/"))
    assert "Программа цикла 2026" in text
    assert "Договориться о целях пары" in text
    assert "Банк вопросов о задаче" in text


def test_hr_results_count_modules_done_but_people_only_in_groups_of_five(track):
    """A count of completed modules says nothing about a person (issue 16): shown from the
    first one. The number of people per track is about people: hidden below five."""
    from django.utils import timezone

    from curricula.results import track_progress
    from mentoring.results import ResultFilters

    page, modules = track
    month = timezone.localdate().replace(day=1)
    filters = ResultFilters(months=(month,))
    learners = [ParticipantFactory(roles=[Role.MENTOR]) for _ in range(4)]
    for person in learners:
        ModuleProgress.objects.create(user=person.user, module=modules[0])
    (series,) = track_progress(filters)
    assert series.by_month == {month: 4}
    assert series.total == 4
    assert (page.title, None) in series.by_group
    ModuleProgress.objects.create(user=ParticipantFactory().user, module=modules[1])
    (series,) = track_progress(filters)
    assert series.by_month == {month: 5}
    assert (page.title, 5) in series.by_group


def test_dashboard_lists_started_tracks_and_links_to_the_rest(client, mentor):
    from curricula.dashboard import SHOWN_TRACKS

    built = [factories.build_track(f"Трек {n:02d}", modules=2) for n in range(SHOWN_TRACKS + 3)]
    last, modules = built[-1]
    ModuleProgress.objects.create(user=mentor.user, module=modules[0])
    client.force_login(mentor.user)
    body = client.get(reverse("my_dashboard")).content.decode()
    section = body[body.index("Мой прогресс в треках") :]
    assert last.title in section  # started: listed though it comes last
    assert "1 из 2 модулей пройдено" in section
    shown = [t for t, _m in built if f">{t.title}</a>" in section]
    assert len(shown) == SHOWN_TRACKS
    assert "Ещё 3 трека: все треки" in section
    assert TrackIndexPage.objects.get().url in section


def test_dashboard_tracks_follow_publishing_and_each_reader_s_progress(client, track, mentor):
    page, modules = track
    ModuleProgress.objects.create(user=mentor.user, module=modules[0])
    other = ParticipantFactory(roles=[Role.MENTOR])
    client.force_login(mentor.user)
    assert "1 из 3 модулей пройдено" in client.get(reverse("my_dashboard")).content.decode()
    client.force_login(other.user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert "0 из 3 модулей пройдено" in body
    page.add_child(instance=ModulePage(title="Четвёртый модуль", slug="fourth"))
    page.title = "Трек после правки"
    page.save_revision().publish()
    body = client.get(reverse("my_dashboard")).content.decode()
    assert "0 из 4 модулей пройдено" in body
    assert "Трек после правки" in body
    modules[1].unpublish()
    assert "0 из 3 модулей пройдено" in client.get(reverse("my_dashboard")).content.decode()
