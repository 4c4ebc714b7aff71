"""Who reads and who edits a session plan, and the plan operations the views share.

The rule itself lives in :mod:`mentoring.access`; this module applies it to plans.
"""

from django.db import transaction
from django.db.models import Max
from django.http import Http404

from curricula.models import SessionPlan, SessionPlanItem
from mentoring import access
from mentoring.roles import Role


def is_mentor(user):
    return access.has_role(user, Role.MENTOR) and access.participant_of(user) is not None


def visible_plans(user):
    """Plans ``user`` may read: their own and those shared with them as a mentee."""
    return SessionPlan.objects.filter(access.shared_with_pair_q(user)).select_related(
        "pair__mentee__user", "mentor__user"
    )


def get_plan_or_404(user, pk, *, edit=False):
    """The plan ``pk`` if ``user`` may read it (or edit it, with ``edit``); 404 otherwise,
    so that guessed ids reveal nothing."""
    plan = SessionPlan.objects.select_related("pair__mentee__user", "mentor__user")
    plan = plan.filter(pk=pk).first()
    if plan is None:
        raise Http404
    allowed = (
        access.is_own_record(user, plan.mentor_id)
        if edit
        else access.can_read_shared_with_pair(user, plan.mentor_id, plan.pair)
    )
    if not allowed:
        raise Http404
    return plan


def plans_for_picker(user):
    """The reader's own plans for the «add to plan» buttons; empty for non-mentors."""
    if not is_mentor(user):
        return None
    me = access.participant_of(user)
    return list(SessionPlan.objects.filter(mentor=me).only("pk", "title", "meeting_date")[:20])


@transaction.atomic
def add_material(plan, material):
    """Append ``material`` to the end of ``plan`` with the material's own duration."""
    last = plan.items.aggregate(last=Max("order"))["last"]
    return SessionPlanItem.objects.create(
        plan=plan,
        material=material,
        minutes=min(material.duration_minutes or 15, 32767),
        order=0 if last is None else last + 1,
    )


@transaction.atomic
def move_item(plan, item_pk, direction):
    """Swap an item with its neighbour; renumbers so orders stay 0..n-1."""
    items = list(plan.items.order_by("order", "pk"))
    index = next((i for i, it in enumerate(items) if it.pk == item_pk), None)
    if index is None:
        raise Http404
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items):
        if item.order != position:
            item.order = position
            item.save(update_fields=["order"])
