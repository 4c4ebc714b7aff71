"""A published page's PDF is made once and served from the cache: the same for every reader,
made again after a publication, never handed to a reader the page's privacy keeps out."""

import io

import pypdf
import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from cms.generations import content_generation
from curricula import pdf_cache
from curricula.models import printable
from mentoring.roles import GROUP_NAMES, Role
from tests.curricula import factories
from tests.mentoring.factories import ParticipantFactory


@pytest.fixture
def track(db):
    return factories.build_track()


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs actually laid out by WeasyPrint."""
    made = []
    original = printable.render_pdf

    def counting(request, template_name, context, title, **kwargs):
        made.append(title)
        return original(request, template_name, context, title, **kwargs)

    monkeypatch.setattr(printable, "render_pdf", counting)
    return made


def pdf_text(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def login(client, roles):
    person = ParticipantFactory(roles=roles)
    client.force_login(person.user)
    return person


def test_every_reader_gets_the_one_pdf_made_once(client, track, renders):
    page, _modules = track
    mentor = login(client, [Role.MENTOR])
    first = client.get(page.url + "pdf/")
    mentee = login(client, [Role.MENTEE])
    second = client.get(page.url + "pdf/")
    assert renders == [page.title]
    assert first.content == second.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert "osnovy-fasilitatsii.pdf" in second["Content-Disposition"]
    assert "no-store" in second["Cache-Control"]  # a copy from the cache is still private
    text = pdf_text(second)
    assert "Текст модуля номер 2" in text
    for person in (mentor, mentee):  # nothing about whoever asked first
        assert person.user.last_name not in text


def test_publishing_a_module_makes_the_track_pdf_again(client, track, renders):
    page, modules = track
    login(client, [Role.MENTEE])
    assert "Текст модуля номер 2" in pdf_text(client.get(page.url + "pdf/"))
    module = modules[1]
    module.body = factories.module_body("Исправленный текст второго модуля.")
    revision = module.save_revision()
    # a draft is not what readers see: the published text stays (saving the draft may
    # make the PDF again — any write to pages moves the content generation)
    assert "Исправленный" not in pdf_text(client.get(page.url + "pdf/"))
    revision.publish()
    text = pdf_text(client.get(page.url + "pdf/"))
    assert "Исправленный текст второго модуля" in text
    assert "Текст модуля номер 2" not in text
    pdf_text(client.get(page.url + "pdf/"))
    assert renders.count(page.title) <= 3  # made again once per change, not once per reader


def test_a_missed_signal_still_gives_the_new_version(client, track, renders, monkeypatch):
    """The live revisions are part of the key: another server's publish is never hidden."""
    page, modules = track
    login(client, [Role.MENTEE])
    pdf_text(client.get(page.url + "pdf/"))
    # as if the writes below never reached the generation (another database client)
    monkeypatch.setattr(pdf_cache, "content_generation", lambda: "fixed")
    pdf_text(client.get(page.url + "pdf/"))
    modules[0].title = "Модуль 1: новое название"
    modules[0].save_revision().publish()
    assert "новое название" in pdf_text(client.get(page.url + "pdf/"))


def test_unpublished_module_leaves_the_handbook(client, track):
    page, modules = track
    login(client, [Role.MENTEE])
    assert "Модуль 3: вопросы" in pdf_text(client.get(page.url + "pdf/"))
    modules[2].unpublish()
    assert "Модуль 3: вопросы" not in pdf_text(client.get(page.url + "pdf/"))


def test_restricted_track_pdf_is_not_served_from_the_cache_to_outsiders(client, track):
    page, _modules = track
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=GROUP_NAMES[Role.CURATOR])])
    login(client, [Role.CURATOR])
    assert "Текст модуля номер 1" in pdf_text(client.get(page.url + "pdf/"))
    login(client, [Role.MENTEE])
    refused = client.get(page.url + "pdf/")
    assert refused.status_code in {302, 403}
    assert not refused.content.startswith(b"%PDF")
    client.logout()
    anonymous = client.get(page.url + "pdf/")
    assert anonymous.status_code == 302
    assert not anonymous.content.startswith(b"%PDF")


def test_language_is_part_of_the_key(client, track, renders, settings):
    page, _modules = track
    login(client, [Role.MENTEE])
    russian = client.get(page.url + "pdf/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(page.url + "pdf/")
    assert len(renders) == 2
    assert "Содержание" in pdf_text(russian)
    assert "Contents" in pdf_text(english)


def test_a_changed_image_or_document_renews_the_generation(db):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    before = content_generation()
    get_document_model().objects.create(
        title="Памятка", file=ContentFile(b"text", name="pamyatka.txt")
    )
    assert content_generation() != before


def test_session_plans_and_personal_pages_are_not_cacheable():
    from curricula.models import SessionPlan

    assert not getattr(SessionPlan, "pdf_cacheable", False)
    assert printable.PrintablePageMixin.pdf_cacheable is False
