"""`load_demo` builds the demo site, is idempotent and refuses on a production setting."""

import pytest

from django.core.management import CommandError, call_command

from home.models import HomePage, StandardPage
from mentoring.models import Pair, Participant, User


def test_load_demo_is_idempotent(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (User.objects.count(), Participant.objects.count(), Pair.objects.count())
    call_command("load_demo")
    assert counts == (User.objects.count(), Participant.objects.count(), Pair.objects.count())
    for username in ("hr", "curator", "mentor", "mentee", "mentor2", "mentee2"):
        user = User.objects.get(username=username)
        assert user.check_password("demo12345")
    home = HomePage.objects.get()
    assert home.title == "Реверсивное наставничество"
    assert len(home.principles) == 4
    assert StandardPage.objects.filter(slug="faq").count() == 1
    assert Pair.objects.filter(mentor__user__username="mentor", mentee__user__username="mentee")


def test_load_demo_refuses_without_debug(db, settings, monkeypatch):
    from home.management.commands import load_demo
    from mentoring import demo

    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo")
    assert not User.objects.filter(username="hr").exists()
    # --force passes the guard: the first step (people) is enough to see it, the rest of
    # the demo is what the other tests load
    monkeypatch.setattr(load_demo, "DEMO_STEPS", [("people and pairs", demo.load)])
    call_command("load_demo", "--force")
    assert User.objects.filter(username="hr").exists()


def test_demo_paperwork_follows_the_rules(db, settings):
    """Demo pairs are valid under the pairing rules, with consents, agreements, addenda,
    closed hours and a pair ended early with three working days' notice."""
    from mentoring import pairing, workdays
    from mentoring.models import (
        ConsentKind,
        ConsentRecord,
        Cycle,
        HoursMonth,
        MentoringAddendum,
        PairAgreement,
    )

    settings.DEBUG = True
    call_command("load_demo")
    running = Pair.objects.filter(cycle__status=Cycle.Status.RUNNING)
    assert running.filter(status=Pair.Status.ACTIVE).count() == 8
    for pair in running:
        assert pairing.problems(pair, activating=True) == {}, pair
    assert ConsentRecord.objects.filter(
        kind=ConsentKind.PERSONAL_DATA, way=ConsentRecord.Way.PAPER
    ).exists()
    assert (
        PairAgreement.objects.filter(
            mentor_accepted_at__isnull=False, mentee_accepted_at__isnull=False
        ).count()
        >= 7
    )
    assert MentoringAddendum.objects.filter(status=MentoringAddendum.Status.SIGNED).count() >= 7
    assert MentoringAddendum.objects.filter(status=MentoringAddendum.Status.ENDED).exists()
    closed = HoursMonth.objects.get(closed_at__isnull=False)
    assert closed.entries.count() >= 7
    ended = Pair.objects.get(status=Pair.Status.ENDED_EARLY)
    assert ended.ended_on == workdays.earliest_early_end(ended.end_notice_on)
    assert ended.rematches.exists()
    counts = (
        ConsentRecord.objects.count(),
        PairAgreement.objects.count(),
        MentoringAddendum.objects.count(),
        HoursMonth.objects.count(),
    )
    call_command("load_demo")
    assert counts == (
        ConsentRecord.objects.count(),
        PairAgreement.objects.count(),
        MentoringAddendum.objects.count(),
        HoursMonth.objects.count(),
    )


def test_the_home_page_links_the_rules_and_faq_pages_under_it(client, db):
    from tests.mentoring.factories import UserFactory

    home = HomePage.objects.get(depth=2)
    faq = home.add_child(instance=StandardPage(title="Вопросы и ответы", slug="faq"))
    faq.save_revision().publish()
    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert "Подробнее о программе" in html
    assert 'href="/faq/"' in html


def test_faq_is_linked_from_home_and_printable(client, db):
    """Issue 16: the FAQ («Это проверка на профпригодность? Нет») is reachable and has a PDF."""
    from django.core.management import call_command

    from home.models import StandardPage
    from tests.mentoring.factories import ParticipantFactory

    call_command("load_demo", "--force", verbosity=0)
    faq = StandardPage.objects.get(slug="faq")
    client.force_login(ParticipantFactory().user)
    home = client.get("/").content.decode()
    assert faq.url in home
    response = client.get(faq.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_demo_content_matches_demo_data(db):
    """The curriculum names the demo cycle and its rhythm; the module names the real button;
    video links point at the intranet, not a placeholder domain."""
    from django.core.management import call_command

    from curricula.models import CurriculumPage, ModulePage
    from mentoring.models import Cycle
    from skills.models import ToolPage

    call_command("load_demo", "--force", verbosity=0)
    curriculum = CurriculumPage.objects.get()
    cycle = Cycle.objects.get(name=curriculum.cycle_name)
    assert cycle.meeting_every_days == 14
    assert "раз в две недели" in curriculum.intro
    bodies = " ".join(str(p.body.raw_data) for p in ModulePage.objects.all())
    assert "Темы к встрече" not in bodies
    assert "Запросить тему" in bodies
    for tool in ToolPage.objects.all():
        for block in tool.guide:
            if block.block_type == "video":
                assert ".example" not in block.value["url"], block.value["url"]
