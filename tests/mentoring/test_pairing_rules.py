"""Every pairing rule is checked on every path that forms or activates a pair.

Paths: the model's validation (the service), the admin pair form, HR's matching view, the
pair import, ``rematch`` and, for the rules that can break after a pair was proposed,
``transition_to``, the admin transition action and the admin form's status change.
"""

import datetime
import io
from dataclasses import dataclass

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from mentoring import consents, pairing
from mentoring.models import ConsentKind, Cycle, Nomination, Pair, PairTransitionError
from mentoring.roles import GROUP_NAMES, Role
from tests.mentoring.factories import (
    CycleFactory,
    PairFactory,
    ParticipantFactory,
    PlantFactory,
    give_consents,
)

pytestmark = pytest.mark.django_db


@dataclass
class Ctx:
    cycle: Cycle
    mentor: object
    mentee: object
    curator: object


@pytest.fixture
def ctx():
    cycle = CycleFactory(mentor_capacity=2)
    mentor = ParticipantFactory(roles=[Role.MENTOR], personnel_number="T-1")
    mentee = ParticipantFactory(roles=[Role.MENTEE], personnel_number="T-2")
    curator = ParticipantFactory(roles=[Role.CURATOR], personnel_number="T-3")
    give_consents(mentor, mentee, mentoring_cycle=cycle)
    return Ctx(cycle, mentor, mentee, curator)


def _drop_role(person, role):
    person.user.groups.remove(Group.objects.get(name=GROUP_NAMES[role]))


def break_second_pair(c):
    PairFactory(cycle=c.cycle, mentee=c.mentee)


def break_mentor_role(c):
    _drop_role(c.mentor, Role.MENTOR)


def break_mentee_role(c):
    _drop_role(c.mentee, Role.MENTEE)


def break_mentor_left(c):
    c.mentor.left_company_on = datetime.date(2026, 1, 31)
    c.mentor.save()


def break_mentee_inactive(c):
    c.mentee.user.is_active = False
    c.mentee.user.save()


def break_mentee_consent(c):
    consents.record(c.mentee, ConsentKind.PERSONAL_DATA, False)


def break_mentor_consent(c):
    consents.record(c.mentor, ConsentKind.PERSONAL_DATA, False)


def break_direct_manager(c):
    c.mentor.manager = c.mentee
    c.mentor.save()


def break_indirect_manager(c):
    middle = ParticipantFactory()
    middle.manager = c.mentee
    middle.save()
    c.mentor.manager = middle
    c.mentor.save()


def break_capacity(c):
    PairFactory(cycle=c.cycle, mentor=c.mentor)
    PairFactory(cycle=c.cycle, mentor=c.mentor, status=Pair.Status.PROPOSED)


def break_plant(c):
    c.cycle.plants.add(PlantFactory())


RULES = {
    "second running pair": (break_second_pair, "уже есть пара в этом цикле"),
    "mentor role": (break_mentor_role, "не наставник программы"),
    "mentee role": (break_mentee_role, "нет роли «Наставляемый»"),
    "mentor left": (break_mentor_left, "дата увольнения — 31.01.2026"),
    "mentee inactive": (break_mentee_inactive, "учётная запись отключена"),
    "mentee consent": (break_mentee_consent, "нет согласия на обработку персональных данных"),
    "mentor consent": (break_mentor_consent, "нет согласия на обработку персональных данных"),
    "direct manager": (break_direct_manager, "непосредственный руководитель наставника"),
    "indirect manager": (break_indirect_manager, "по линии подчинения"),
    "capacity": (break_capacity, "это предел цикла"),
    "plant": (break_plant, "площадка не участвует в цикле"),
}
# Rules that can break after a pair was proposed: activation must refuse them too.
AFTER_PROPOSAL = [
    "mentor role",
    "mentee role",
    "mentor left",
    "mentee inactive",
    "mentee consent",
    "mentor consent",
    "direct manager",
    "indirect manager",
]


def _running(c):
    return Pair.objects.filter(
        cycle=c.cycle, mentor=c.mentor, mentee=c.mentee, status__in=Pair.RUNNING_STATUSES
    )


@pytest.mark.parametrize("rule", RULES)
def test_service_refuses(ctx, rule):
    breaker, message = RULES[rule]
    # without the breach the pair is formed
    pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee).delete()
    breaker(ctx)
    with pytest.raises(ValidationError) as error:
        pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)
    assert any(message in m for m in error.value.messages), error.value.messages
    assert not _running(ctx).exists()


def _admin_data(c, status="proposed"):
    return {
        "cycle": c.cycle.pk,
        "mentor": c.mentor.pk,
        "mentee": c.mentee.pk,
        "curator": c.curator.pk,
        "status": status,
        "end_reason": "",
        "started_on": "",
        "ended_on": "",
        "rematch_of": "",
    }


@pytest.mark.parametrize("rule", RULES)
def test_admin_form_refuses(ctx, rule, client, hr_admin):
    breaker, message = RULES[rule]
    breaker(ctx)
    client.force_login(hr_admin.user)
    response = client.post(reverse("pairs:add"), _admin_data(ctx))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not _running(ctx).exists()


def test_admin_form_forms_a_valid_pair(ctx, client, hr_admin):
    client.force_login(hr_admin.user)
    response = client.post(reverse("pairs:add"), _admin_data(ctx, "active"))
    assert response.status_code == 302
    assert _running(ctx).get().status == Pair.Status.ACTIVE


@pytest.mark.parametrize("rule", RULES)
def test_matching_view_refuses(ctx, rule, client, hr_admin):
    breaker, message = RULES[rule]
    breaker(ctx)
    client.force_login(hr_admin.user)
    url = reverse("pair_matching") + f"?cycle={ctx.cycle.pk}&mentee={ctx.mentee.pk}"
    response = client.post(url, {"mentor": ctx.mentor.pk, "curator": ctx.curator.pk}, follow=True)
    assert message in response.content.decode()
    assert not _running(ctx).exists()


def _import_file(c):
    text = "Цикл;Наставник;Наставляемый;Куратор\n"
    text += f"{c.cycle.name};{c.mentor.personnel_number};{c.mentee.personnel_number};"
    text += f"{c.curator.personnel_number}\n"
    data = io.BytesIO(text.encode("utf-8-sig"))
    data.name = "pairs.csv"
    return data


@pytest.mark.parametrize("rule", RULES)
def test_import_refuses(ctx, rule, client, hr_admin):
    breaker, message = RULES[rule]
    breaker(ctx)
    client.force_login(hr_admin.user)
    response = client.post(reverse("pair_import"), {"file": _import_file(ctx)})
    body = response.content.decode()
    assert "Строка 2:" in body
    assert message in body
    assert not _running(ctx).exists()


def test_import_forms_all_pairs_or_none(ctx, client, hr_admin):
    client.force_login(hr_admin.user)
    response = client.post(reverse("pair_import"), {"file": _import_file(ctx)})
    assert response.status_code == 302
    assert _running(ctx).get().status == Pair.Status.PROPOSED
    # the same mentee twice in one file: the second row breaks the rule, nothing is kept
    other_mentor = ParticipantFactory(roles=[Role.MENTOR], personnel_number="T-9")
    give_consents(other_mentor)
    second = ParticipantFactory(roles=[Role.MENTEE], personnel_number="T-8")
    give_consents(second)
    text = f"Цикл;Наставник;Наставляемый\n{ctx.cycle.name};T-9;T-8\n{ctx.cycle.name};T-1;T-8\n"
    data = io.BytesIO(text.encode("utf-8"))
    data.name = "pairs.csv"
    body = client.post(reverse("pair_import"), {"file": data}).content.decode()
    assert "Строка 3:" in body
    assert not Pair.objects.filter(mentee=second).exists()


@pytest.mark.parametrize("rule", RULES)
def test_rematch_refuses(ctx, rule):
    breaker, message = RULES[rule]
    first_mentor = ParticipantFactory(roles=[Role.MENTOR])
    give_consents(first_mentor)
    old = pairing.create_pair(cycle=ctx.cycle, mentor=first_mentor, mentee=ctx.mentee)
    if rule == "second running pair":
        # the old pair itself is the running pair: rematch keeps the mentee, so make the
        # mentee's other running pair in the cycle be a third one
        old.delete()
        old = PairFactory(cycle=ctx.cycle, mentee=ctx.mentee, status=Pair.Status.COMPLETED)
        PairFactory(cycle=ctx.cycle, mentee=ctx.mentee)
    else:
        breaker(ctx)
    with pytest.raises(ValidationError) as error:
        old.rematch(mentor=ctx.mentor, reason="Не сложился диалог")
    assert any(message in m for m in error.value.messages), error.value.messages
    assert not _running(ctx).exists()
    old.refresh_from_db()
    assert old.status != Pair.Status.ENDED_EARLY or rule == "second running pair"


@pytest.mark.parametrize("rule", AFTER_PROPOSAL)
def test_activation_refuses(ctx, rule):
    breaker, message = RULES[rule]
    pair = pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)
    breaker(ctx)
    pair.refresh_from_db()
    with pytest.raises(PairTransitionError) as error:
        pair.transition_to(Pair.Status.ACTIVE)
    assert any(message in m for m in error.value.messages), error.value.messages
    pair.refresh_from_db()
    assert pair.status == Pair.Status.PROPOSED


@pytest.mark.parametrize("rule", AFTER_PROPOSAL)
def test_admin_transition_action_refuses(ctx, rule, client, hr_admin):
    breaker, message = RULES[rule]
    pair = pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)
    breaker(ctx)
    client.force_login(hr_admin.user)
    response = client.post(reverse("pair_transition", args=[pair.pk, "active"]), {"reason": ""})
    assert message in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.PROPOSED


@pytest.mark.parametrize("rule", AFTER_PROPOSAL)
def test_admin_form_status_change_refuses(ctx, rule, client, hr_admin):
    breaker, message = RULES[rule]
    pair = pairing.create_pair(
        cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee, curator=ctx.curator
    )
    breaker(ctx)
    client.force_login(hr_admin.user)
    response = client.post(reverse("pairs:edit", args=[pair.pk]), _admin_data(ctx, "active"))
    assert message in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.PROPOSED


def test_resuming_a_paused_pair_checks_the_rules_again(ctx):
    pair = pairing.create_pair(
        cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee, status=Pair.Status.ACTIVE
    )
    pair.transition_to(Pair.Status.PAUSED)
    consents.record(ctx.mentor, ConsentKind.MENTORING, False, cycle=ctx.cycle)
    with pytest.raises(PairTransitionError) as error:
        pair.transition_to(Pair.Status.ACTIVE)
    assert "нет письменного согласия на работу наставника" in error.value.messages[0]
    # pausing, completing and ending are never blocked by the forming rules
    pair.transition_to(Pair.Status.COMPLETED)


def test_activation_needs_the_mentors_consent_to_mentor(ctx):
    consents.record(ctx.mentor, ConsentKind.MENTORING, False, cycle=ctx.cycle)
    pair = pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)
    with pytest.raises(PairTransitionError):
        pair.transition_to(Pair.Status.ACTIVE)
    consents.record(ctx.mentor, ConsentKind.MENTORING, True, pair=pair)
    pair.transition_to(Pair.Status.ACTIVE)
    assert pair.status == Pair.Status.ACTIVE


def test_an_accepted_nomination_makes_a_mentor(ctx):
    _drop_role(ctx.mentor, Role.MENTOR)
    assert not pairing.is_mentor(ctx.mentor, ctx.cycle)
    Nomination.objects.create(
        kind=Nomination.Kind.SELF,
        nominator=ctx.mentor,
        nominee=ctx.mentor,
        cycle=ctx.cycle,
        status=Nomination.Status.ACCEPTED,
        **dict.fromkeys(
            ["digital_literacy", "systems_thinking", "expertise", "communication", "motivation"],
            4,
        ),
    )
    assert pairing.is_mentor(ctx.mentor, ctx.cycle)
    pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)


def test_a_loop_in_the_management_data_does_not_hang(ctx):
    a, b = ParticipantFactory(), ParticipantFactory()
    ctx.mentor.manager = a
    ctx.mentor.save()
    a.manager = b
    a.save()
    b.manager = ctx.mentor
    b.save()
    assert set(pairing.managers_above(ctx.mentor.pk)) == {a.pk, b.pk}
    pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)


def test_the_mentor_may_be_the_mentees_manager(ctx):
    """Reverse mentoring: the young employee may well mentor their own subordinate's boss,
    and a manager their report; only mentoring one's own manager is refused."""
    ctx.mentee.manager = ctx.mentor
    ctx.mentee.save()
    pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)


def test_capacity_is_set_per_cycle(ctx):
    ctx.cycle.mentor_capacity = 1
    ctx.cycle.save()
    PairFactory(cycle=ctx.cycle, mentor=ctx.mentor)
    with pytest.raises(ValidationError) as error:
        pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)
    assert "уже 1 наставляемый в этом цикле" in error.value.messages[0]
    # a finished pair no longer takes a place
    Pair.objects.filter(cycle=ctx.cycle, mentor=ctx.mentor).update(status=Pair.Status.COMPLETED)
    pairing.create_pair(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)


def test_same_person_is_refused_in_russian_not_by_constraint_name(ctx, client, hr_admin):
    client.force_login(hr_admin.user)
    data = _admin_data(ctx)
    data["mentee"] = ctx.mentor.pk
    body = client.post(reverse("pairs:add"), data).content.decode()
    assert "Наставник и наставляемый должны быть разными людьми" in body
    assert "pair_mentor_is_not_mentee" not in body


def test_the_database_keeps_one_running_pair_per_mentee(ctx):
    from django.db import IntegrityError, transaction

    PairFactory(cycle=ctx.cycle, mentee=ctx.mentee)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(cycle=ctx.cycle, mentor=ctx.mentor, mentee=ctx.mentee)


def test_pair_form_offers_choosers_filtered_by_role(ctx, client, hr_admin):
    client.force_login(hr_admin.user)
    body = client.get(reverse("pairs:add")).content.decode()
    assert reverse("mentor_chooser:choose") in body
    assert reverse("mentee_chooser:choose") in body
    stranger = ParticipantFactory()
    listing = client.get(reverse("mentor_chooser:choose")).json()["html"]
    assert ctx.mentor.full_name in listing
    assert ctx.mentee.full_name not in listing
    assert stranger.full_name not in listing
    listing = client.get(reverse("mentee_chooser:choose")).json()["html"]
    assert ctx.mentee.full_name in listing
    assert ctx.mentor.full_name not in listing


def test_the_participant_import_fills_the_line_manager(ctx):
    from mentoring import importing

    text = (
        "ФИО;E-mail;Табельный номер;Завод;Роль;Руководитель\n"
        "Петров Пётр Петрович;petrov@example.com;M-1;Завод 1;наставляемый;\n"
        "Иванов Иван Иванович;ivanov@example.com;M-2;Завод 1;;M-1\n"
        "Сидоров Сидор;sidorov@example.com;M-3;Завод 1;наставник;M-2\n"
        "Кузнецов Кузьма;k@example.com;M-4;Завод 1;;M-404\n"
    )
    rows = importing.parse("people.csv", text.encode("utf-8"))
    errors = importing.validate(rows)
    assert errors == [
        {"row": 5, "messages": ["Нет сотрудника с табельным номером руководителя M-404."]}
    ]
    importing.apply(rows[:3])
    from mentoring.models import Participant

    mentor = Participant.objects.get(personnel_number="M-3")
    mentee = Participant.objects.get(personnel_number="M-1")
    assert mentor.manager.personnel_number == "M-2"
    give_consents(mentor, mentee, mentoring_cycle=ctx.cycle)
    with pytest.raises(ValidationError) as error:
        pairing.create_pair(cycle=ctx.cycle, mentor=mentor, mentee=mentee)
    assert "по линии подчинения" in error.value.messages[0]
