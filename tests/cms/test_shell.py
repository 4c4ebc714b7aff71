"""The site shell: login required, Russian first, login form, error pages, settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from django.urls import reverse

from wagtail.models import Page

from home.models import HomePage, StandardPage
from mentoring.roles import Role
from tests.mentoring.factories import ParticipantFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]


def html_lang(response):
    match = re.search(r'<html lang="([a-z-]+)"', response.content.decode())
    return match.group(1) if match else None


def test_visitor_is_sent_to_the_login_page(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/")
    login = client.get(response["Location"])
    assert html_lang(login) == "ru"
    body = login.content.decode()
    assert "Вход в «Наставник»" in body
    assert 'name="password"' in body


def test_wrong_password_reshows_form_with_russian_error(client, db):
    UserFactory(username="mentee")
    response = client.post(reverse("login"), {"username": "mentee", "password": "не тот"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Пожалуйста, введите правильные имя пользователя и пароль" in body
    assert 'value="mentee"' in body
    assert "_auth_user_id" not in client.session


def test_right_password_logs_in_and_shows_russian_home(client, db):
    participant = ParticipantFactory(user__username="mentee", roles=[Role.MENTEE])
    response = client.post(
        reverse("login"), {"username": "mentee", "password": "demo12345"}, follow=True
    )
    assert client.session["_auth_user_id"] == str(participant.user.pk)
    assert html_lang(response) == "ru"
    body = response.content.decode()
    assert "С чего начать" in body
    assert "Наставляемым" in body


def test_logout_is_a_post_and_ends_the_session(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/", "/my/", "/my/mentees/", "/faq-missing/", "/login/"])
def test_every_shell_page_is_russian(client, db, path):
    client.force_login(ParticipantFactory(roles=[Role.MENTOR]).user)
    response = client.get(path, follow=True)
    assert html_lang(response) == "ru"


def test_404_page_is_russian(client, db):
    client.force_login(UserFactory())
    response = client.get("/net-takoy-stranicy/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_english_is_the_second_language(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get("/")
    assert html_lang(response) == "en"
    assert "Where to start" in response.content.decode()


def test_content_pages_open_to_visitors_only_by_setting(client, db, settings):
    home = HomePage.objects.get()
    page = StandardPage(title="Правила программы", slug="pravila", intro="Общие правила.")
    home.add_child(instance=page)
    assert client.get("/pravila/").status_code == 302
    settings.PUBLIC_CONTENT = True
    response = client.get("/pravila/")
    assert response.status_code == 200
    assert "Общие правила." in response.content.decode()
    assert client.get("/my/").status_code == 302


def test_page_tree_rules(db):
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert StandardPage.can_create_at(HomePage()) is True
    assert HomePage.can_create_at(StandardPage()) is False


def test_migrations_made_the_home_page_the_site_root(db):
    home = HomePage.objects.get()
    assert home.depth == 2
    assert home.get_site().root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_healthz_answers_without_login(client, db):
    response = client.get("/healthz/")
    assert response.json() == {"status": "ok"}


def test_production_settings_pass_check_deploy(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-secret-for-the-check-deploy-test-0123456789",
        "ALLOWED_HOSTS": "nastavnik.example.ru",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_home_shows_the_readers_own_doors(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTOR]).user)
    body = client.get("/").content.decode()
    assert "Наставникам" in body
    assert "Наставляемым" not in body
    assert "Администрирование" not in body


def test_browser_language_does_not_override_russian(client, db):
    client.force_login(ParticipantFactory(roles=[Role.MENTEE]).user)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert html_lang(response) == "ru"
    assert response["Content-Language"] == "ru"


def test_admin_is_russian_and_loads_nothing_from_outside(client, db):
    hr = ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR])
    client.force_login(hr.user)
    body = client.get("/admin/").content.decode()
    assert "Панель управления" in body
    assert "gravatar" not in body
    external = re.findall(r'(?:src|href)="(https?://[^"]+\.(?:js|css|png|jpg|svg))"', body)
    assert external == []
