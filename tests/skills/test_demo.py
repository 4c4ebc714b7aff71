"""The demo catalogue and history: 20+ real tools with guides and history for every mentee."""

from django.core.management import call_command

from mentoring.models import Cycle, Pair, Participant
from mentoring.roles import GROUP_NAMES, Role
from skills.models import Mastery, MasteryEvent, SkillGoal, ToolCategory, ToolPage


def test_demo_catalogue_and_history(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    tools = ToolPage.objects.live()
    assert tools.count() >= 20
    assert ToolCategory.objects.count() == 7
    for page in tools:
        kinds = {block.block_type for block in page.guide}
        assert {"step", "tip", "warning", "faq"} <= kinds, page.title
        assert page.category_id and page.logo_id and page.use_cases
    titles = set(tools.values_list("title", flat=True))
    assert {"1С:ERP Управление предприятием", "Яндекс DataLens", "GigaChat"} <= titles
    for pair in Pair.objects.filter(cycle__status=Cycle.Status.RUNNING):
        events = MasteryEvent.objects.filter(mastery__participant=pair.mentee)
        assert events.filter(lens="mentor").count() >= 5, pair
        assert SkillGoal.objects.filter(participant=pair.mentee, cycle=pair.cycle).exists()
        # current level equals the last event of each lens
        for mastery in Mastery.objects.filter(participant=pair.mentee):
            last = MasteryEvent.objects.filter(mastery=mastery, lens="mentor").last()
            assert mastery.mentor_level == (last.to_level if last else None)
    mentors = Participant.objects.filter(user__groups__name=GROUP_NAMES[Role.MENTOR])
    assert all(Mastery.objects.filter(participant=m, self_level__gte=3) for m in mentors)
    counts = (ToolPage.objects.count(), MasteryEvent.objects.count(), SkillGoal.objects.count())
    call_command("load_demo")
    assert counts == (
        ToolPage.objects.count(),
        MasteryEvent.objects.count(),
        SkillGoal.objects.count(),
    )
