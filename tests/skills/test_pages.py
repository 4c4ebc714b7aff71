"""The catalogue filters and paginates; a tool page shows its guide, experts and quick card."""

import io

import pytest
from pypdf import PdfReader

from django.urls import reverse

from mentoring import consents
from mentoring.models import ConsentKind
from mentoring.roles import Role
from skills import services
from skills.blocks import (
    FaqItemBlock,
    GuideStreamBlock,
    StepBlock,
    TipBlock,
    UseCaseBlock,
    VideoBlock,
    WarningBlock,
)
from skills.models import ToolPage
from skills.models.mastery import Lens
from skills.models.pages import CATALOGUE_PAGE_SIZE
from tests.mentoring.factories import ParticipantFactory
from tests.skills.factories import category, tool

GUIDE = [
    ("step", {"title": "Откройте отчёт", "text": "<p>Меню «Отчёты» → «Простои».</p>"}),
    ("tip", {"text": "<p>Сохраните фильтр.</p>"}),
    ("warning", {"text": "<p>Не меняйте общий датасет.</p>"}),
    ("video", {"title": "Первый дашборд", "url": "https://portal.example/v/1", "minutes": 12}),
    ("faq", {"question": "Почему цифры расходятся?", "answer": "<p>Обновление раз в час.</p>"}),
]


@pytest.fixture
def datalens(db):
    page = tool(
        "Яндекс DataLens",
        cat=category(),
        difficulty=2,
        vendor="Яндекс",
        tags=["дашборды"],
        guide=GUIDE,
        use_cases=[("use_case", {"title": "Планёрка", "text": "Один экран вместо трёх."})],
    )
    return ToolPage.objects.get(pk=page.pk)


def test_blocks_declare_template_preview_and_description():
    for block in (StepBlock, TipBlock, WarningBlock, VideoBlock, FaqItemBlock, UseCaseBlock):
        meta = block._meta_class
        assert meta.template and meta.preview_value and meta.description, block
    assert set(GuideStreamBlock.base_blocks) == {"step", "tip", "warning", "video", "faq"}


def test_tool_page_renders_guide_blocks(client, pair, datalens):
    assert [b.block_type for b in datalens.guide] == ["step", "tip", "warning", "video", "faq"]
    client.force_login(pair.mentor.user)
    body = client.get(datalens.url).content.decode()
    for text in ("Откройте отчёт", "Сохраните фильтр", "Не меняйте общий датасет", "12 минут"):
        assert text in body
    assert "Почему цифры расходятся?" in body and "Планёрка" in body
    assert "Аналитика и BI" in body and "Яндекс" in body and "дашборды" in body


def test_catalogue_filters_and_paginates(client, pair, datalens):
    other = tool("Kaiten", cat=category("tasks", "Управление задачами"), tags=["канбан"])
    client.force_login(pair.mentee.user)
    index = datalens.get_parent()
    body = client.get(index.url, {"category": "tasks"}).content.decode()
    assert other.title in body and datalens.title not in body
    body = client.get(index.url, {"tag": "дашборды"}).content.decode()
    assert datalens.title in body and other.title not in body
    body = client.get(index.url, {"difficulty": "2"}).content.decode()
    assert datalens.title in body and other.title not in body
    assert client.get(index.url, {"difficulty": "x' or 1=1"}).status_code == 200
    for _ in range(CATALOGUE_PAGE_SIZE):
        tool()
    first = client.get(index.url).content.decode()
    assert "Страница 1 из 2" in first
    assert client.get(index.url, {"page": "999"}).status_code == 200


def test_quick_card_pdf_is_one_a4_page(client, pair, datalens):
    client.force_login(pair.mentee.user)
    response = client.get(datalens.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = reader.pages[0].extract_text()
    assert "Яндекс DataLens" in text and "Откройте отчёт" in text


def test_experts_are_people_listed_for_colleagues_at_level_3(client, pair, datalens):
    """Only the separate consent to be listed puts a name on a tool page — mentors too.

    The consent to HR never does (it used to: a mentee who allowed HR to see their
    progress appeared by name to every employee).
    """
    mentor = ParticipantFactory(roles=[Role.MENTOR], position="Аналитик данных")
    unlisted_mentor = ParticipantFactory(roles=[Role.MENTOR])
    hr_only = ParticipantFactory(roles=[Role.MENTEE])
    listed = ParticipantFactory(roles=[Role.MENTEE])
    weak = ParticipantFactory(roles=[Role.MENTOR])
    consents.record(hr_only, ConsentKind.SHARE_WITH_HR, True)
    for person in (mentor, listed, weak):
        consents.record(person, ConsentKind.LISTED_AS_EXPERT, True)
    for person, level in ((mentor, 4), (unlisted_mentor, 4), (hr_only, 4), (listed, 3), (weak, 2)):
        services.record_level(person, datalens, Lens.SELF, level)
    client.force_login(pair.mentee.user)
    body = client.get(datalens.url).content.decode()
    assert mentor.full_name in body and "Аналитик данных" in body
    assert mentor.department.name in body
    assert listed.full_name in body
    assert hr_only.full_name not in body
    assert unlisted_mentor.full_name not in body
    assert weak.full_name not in body


def test_withdrawing_the_listing_consent_takes_effect_at_once(client, pair, datalens):
    person = ParticipantFactory(roles=[Role.MENTOR])
    services.record_level(person, datalens, Lens.SELF, 4)
    client.force_login(person.user)
    client.post(reverse("update_consent"), {"listed_as_expert": "on"})
    person.refresh_from_db()
    assert person.listed_as_expert is True
    assert consents.has_consent(person, ConsentKind.LISTED_AS_EXPERT)
    client.force_login(pair.mentee.user)
    assert person.full_name in client.get(datalens.url).content.decode()
    client.force_login(person.user)
    client.post(reverse("update_consent"), {})
    assert not consents.has_consent(person, ConsentKind.LISTED_AS_EXPERT)
    client.force_login(pair.mentee.user)
    assert person.full_name not in client.get(datalens.url).content.decode()


def test_related_content_comes_from_reverse_relations(datalens):
    # Meetings point at tools too, but only pages are listed as related content.
    assert datalens.related_content() == []
