"""The curricula demo: the programme's tracks, the library and the curriculum, loaded once."""

import curricula.demo
import home.demo
import mentoring.demo
from curricula.models import (
    CurriculumPage,
    MaterialPage,
    ModulePage,
    SessionPlan,
    TrackPage,
)
from tests.curricula import factories


def test_demo_content_is_complete_and_idempotent(db):
    mentoring.demo.load()
    home.demo.load()
    excel = factories.tool("Microsoft Excel")
    curricula.demo.load()
    counts = (
        TrackPage.objects.count(),
        ModulePage.objects.count(),
        MaterialPage.objects.count(),
        CurriculumPage.objects.count(),
        SessionPlan.objects.count(),
    )
    curricula.demo.load()
    assert counts == (
        TrackPage.objects.count(),
        ModulePage.objects.count(),
        MaterialPage.objects.count(),
        CurriculumPage.objects.count(),
        SessionPlan.objects.count(),
    )
    titles = set(TrackPage.objects.values_list("title", flat=True))
    assert titles >= {
        "Основы фасилитации",
        "Обратная связь старшим коллегам",
        "Управление ожиданиями",
        "Как быть эффективным учеником",
        "Искусство задавать вопросы",
        "Управление своим статусом в процессе",
        "Правила программы",
    }
    for track in TrackPage.objects.all():
        assert track.modules().count() >= 3, track.title
    assert MaterialPage.objects.live().count() >= 25
    assert MaterialPage.objects.filter(tools=excel).exists()
    curriculum = CurriculumPage.objects.get()
    assert len(curriculum.weeks) == 12
    assert all(week.value["modules"] for week in curriculum.weeks)
    plans = SessionPlan.objects.filter(mentor__user__username="mentor")
    assert plans.count() == 2
    assert all(p.pair.mentee.user.username == "mentee" and p.items.exists() for p in plans)
