"""Session plans: built by the mentor, read by the pair's mentee, hidden from everyone else."""

import io

import pypdf
import pytest

from django.urls import reverse

from curricula.models import SessionPlan, SessionPlanItem
from mentoring.roles import Role
from tests.curricula import factories
from tests.mentoring.factories import PairFactory, ParticipantFactory


@pytest.fixture
def materials(db):
    return [
        factories.build_material("Вопросы о задаче", duration_minutes=10),
        factories.build_material("Разбор отчёта", duration_minutes=25),
        factories.build_material("Памятка", duration_minutes=5),
    ]


@pytest.fixture
def plan(pair, materials):
    plan = factories.SessionPlanFactory(
        mentor=pair.mentor, pair=pair, title="Встреча 3: отчёт в Power BI"
    )
    for n, material in enumerate(materials[:2]):
        factories.SessionPlanItemFactory(
            plan=plan, material=material, minutes=10 * (n + 1), order=n
        )
    return plan


def plan_urls(plan):
    item = plan.items.first()
    return {
        "get": [reverse("plan_detail", args=[plan.pk]), reverse("plan_pdf", args=[plan.pk])],
        "post": [
            reverse("plan_detail", args=[plan.pk]),
            reverse("plan_delete", args=[plan.pk]),
            reverse("plan_item_move", args=[plan.pk, item.pk]),
            reverse("plan_item_remove", args=[plan.pk, item.pk]),
        ],
    }


def test_mentor_builds_a_plan_from_the_library(client, pair, materials):
    client.force_login(pair.mentor.user)
    response = client.post(
        reverse("plan_add_material"), {"material": materials[0].pk, "plan": "new"}
    )
    assert response.url == f"{reverse('plan_create')}?material={materials[0].pk}"
    response = client.post(
        response.url,
        {"title": "Первая встреча", "pair": pair.pk, "meeting_date": "2026-03-05", "notes": "Кофе"},
    )
    plan = SessionPlan.objects.get(title="Первая встреча")
    assert response.url == reverse("plan_detail", args=[plan.pk])
    assert plan.mentor == pair.mentor and plan.pair == pair
    assert str(plan.meeting_date) == "2026-03-05"
    client.post(
        reverse("plan_add_material"),
        {"material": materials[1].pk, "plan": plan.pk, "next": materials[1].url},
    )
    assert [(i.material_id, i.minutes) for i in plan.items.all()] == [
        (materials[0].pk, 10),
        (materials[1].pk, 25),
    ]
    body = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "35 мин" in body and "5 марта 2026" in body


def test_mentor_reorders_sets_minutes_and_removes(client, plan, materials):
    client.force_login(plan.mentor.user)
    first, second = plan.items.all()
    client.post(reverse("plan_item_move", args=[plan.pk, second.pk]), {"direction": "up"})
    assert list(plan.items.values_list("pk", flat=True)) == [second.pk, first.pk]
    data = {
        "title": plan.title,
        "pair": plan.pair_id,
        "meeting_date": "",
        "notes": "Новые заметки",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "2",
        "items-0-id": second.pk,
        "items-0-minutes": "45",
        "items-1-id": first.pk,
        "items-1-minutes": "5",
    }
    client.post(reverse("plan_detail", args=[plan.pk]), data)
    plan.refresh_from_db()
    assert plan.notes == "Новые заметки"
    assert plan.total_minutes == 50
    bad = {**data, "items-0-minutes": "много", "notes": "Черновик заметок"}
    response = client.post(reverse("plan_detail", args=[plan.pk]), bad)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Введите целое число минут" in body and "Черновик заметок" in body
    client.post(reverse("plan_item_remove", args=[plan.pk, first.pk]))
    assert list(plan.items.values_list("pk", flat=True)) == [second.pk]


def test_mentee_of_the_pair_reads_but_cannot_change(client, plan):
    client.force_login(plan.pair.mentee.user)
    body = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert plan.title in body and "Вопросы о задаче" in body
    assert "Сохранить план" not in body
    assert plan.title in client.get(reverse("plan_list")).content.decode()
    urls = plan_urls(plan)
    for url in urls["post"]:
        assert client.post(url, {"direction": "up", "title": "x"}).status_code == 404, url
    assert SessionPlan.objects.get(pk=plan.pk).title == "Встреча 3: отчёт в Power BI"
    assert plan.items.count() == 2


@pytest.mark.parametrize("role", ["other_mentor", "other_mentee", "curator", "hr", "staff"])
def test_plan_is_hidden_from_everyone_else(client, plan, role):
    other_pair = PairFactory(cycle=plan.pair.cycle)
    people = {
        "other_mentor": other_pair.mentor,
        "other_mentee": other_pair.mentee,
        "curator": plan.pair.curator,
        "hr": ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR]),
        "staff": ParticipantFactory(user__is_staff=True, user__is_superuser=True),
    }
    client.force_login(people[role].user)
    urls = plan_urls(plan)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert client.post(url, {"direction": "up"}).status_code == 404, url
    missing = SessionPlan.objects.order_by("-pk").first().pk + 1
    assert client.get(reverse("plan_detail", args=[missing])).status_code == 404
    assert plan.title not in client.get(reverse("plan_list")).content.decode()
    assert SessionPlan.objects.filter(pk=plan.pk).exists()
    assert SessionPlanItem.objects.filter(plan=plan).count() == 2


def test_other_mentor_cannot_add_to_someone_elses_plan(client, plan, materials):
    other = ParticipantFactory(roles=[Role.MENTOR])
    client.force_login(other.user)
    response = client.post(
        reverse("plan_add_material"), {"material": materials[2].pk, "plan": plan.pk}
    )
    assert response.status_code == 404
    assert plan.items.count() == 2


def test_mentor_cannot_link_another_mentors_pair(client, plan):
    other_pair = PairFactory(cycle=plan.pair.cycle)
    client.force_login(plan.mentor.user)
    response = client.post(reverse("plan_create"), {"title": "Чужая пара", "pair": other_pair.pk})
    assert response.status_code == 200
    assert not SessionPlan.objects.filter(title="Чужая пара").exists()


def test_bad_ids_give_404_not_500(client, plan):
    client.force_login(plan.mentor.user)
    for data in ({"material": "abc", "plan": plan.pk}, {"material": "", "plan": "x"}):
        assert client.post(reverse("plan_add_material"), data).status_code == 404
    item = plan.items.first()
    response = client.post(
        reverse("plan_add_material"), {"material": item.material_id, "plan": "x"}
    )
    assert response.status_code == 404
    assert client.get(reverse("plan_create") + "?material=abc").status_code == 200


def test_non_mentor_cannot_create_plans(client, plan):
    client.force_login(plan.pair.mentee.user)
    assert client.get(reverse("plan_create")).status_code == 404


def test_plan_pdf_for_mentor_and_mentee(client, plan):
    for person in (plan.mentor, plan.pair.mentee):
        client.force_login(person.user)
        response = client.get(reverse("plan_pdf", args=[plan.pk]))
        assert response["Content-Type"] == "application/pdf"
        text = "\n".join(
            p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages
        )
        assert "Встреча 3: отчёт в Power BI" in text
        assert "Разбор отчёта" in text and "Спросите, что мешает сегодня" in text
        assert "Начать с вопроса о задаче недели" in text
