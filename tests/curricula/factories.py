"""Builders of the curricula page tree for tests (pages are added under the home page)."""

import factory

from curricula.models import (
    CurriculumPage,
    LibraryIndexPage,
    MaterialPage,
    ModulePage,
    SessionPlan,
    SessionPlanItem,
    TrackIndexPage,
    TrackPage,
)
from home.models import HomePage
from skills.models import ToolIndexPage, ToolPage
from tests.mentoring.factories import ParticipantFactory


def home():
    return HomePage.objects.get()


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def module_body(text):
    return [
        ("text", f"<p>{text}</p>"),
        (
            "exercise",
            {
                "title": "Открытие встречи",
                "goal": "Договориться о цели.",
                "minutes": 10,
                "steps": ["Спросите о задаче.", "Сформулируйте результат."],
            },
        ),
        ("discussion", {"intro": "", "questions": ["Что получилось?"]}),
        ("checklist", {"title": "Перед встречей", "items": ["Ноутбук заряжен"]}),
        ("callout", {"kind": "warning", "text": "<p>Не оценивайте человека.</p>"}),
        ("quote", {"text": "Учиться никогда не поздно.", "author": "наставник"}),
    ]


def build_track(title="Основы фасилитации", modules=3, audience="mentor", index=None):
    index = index or TrackIndexPage.objects.first()
    if index is None:
        index = publish(home(), TrackIndexPage(title="Треки", slug="tracks"))
    track = publish(
        index,
        TrackPage(
            title=title,
            audience=audience,
            intro="Как вести встречу так, чтобы говорил наставляемый.",
            goal="Научиться вести встречу.",
            outcomes="Открывать встречу\nЗадавать открытые вопросы",
        ),
    )
    built = [
        publish(
            track,
            ModulePage(
                title=f"Модуль {n}: вопросы",
                duration_minutes=20 + n,
                intro="Зачем задавать вопросы.",
                body=module_body(f"Текст модуля номер {n} о правилах встречи."),
            ),
        )
        for n in range(1, modules + 1)
    ]
    return track, built


def library():
    index = LibraryIndexPage.objects.first()
    if index is None:
        index = publish(home(), LibraryIndexPage(title="Библиотека", slug="library"))
    return index


def tool(title="Power BI"):
    index = ToolIndexPage.objects.first()
    if index is None:
        index = publish(home(), ToolIndexPage(title="Инструменты", slug="tools"))
    return publish(index, ToolPage(title=title, short_description="Отчёты и дашборды"))


def build_material(title="Банк вопросов о задаче", tags=(), tools=(), **fields):
    fields.setdefault("kind", MaterialPage.Kind.QUESTION_BANK)
    fields.setdefault("summary", "Вопросы, которые помогают понять задачу наставляемого.")
    fields.setdefault("body", [("text", "<p>Спросите, что мешает сегодня.</p>")])
    page = MaterialPage(title=title, **fields)
    library().add_child(instance=page)
    page.tags.add(*tags)
    page.tools.set(tools)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_curriculum(weeks=()):
    return publish(
        home(),
        CurriculumPage(
            title="Программа цикла 2026",
            slug="curriculum",
            cycle_name="Весна 2026",
            intro="Двенадцать недель работы пары.",
            kickoff="<p>Установочная встреча с кураторами.</p>",
            weeks=list(weeks),
        ),
    )


class SessionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionPlan

    mentor = factory.SubFactory(ParticipantFactory)
    title = factory.Sequence(lambda n: f"План встречи {n}")
    notes = "Начать с вопроса о задаче недели."


class SessionPlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionPlanItem

    plan = factory.SubFactory(SessionPlanFactory)
    minutes = 15
    order = factory.Sequence(int)
