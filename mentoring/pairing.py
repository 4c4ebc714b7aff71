"""The rules a pair is formed by, checked the same way on every path.

:meth:`Pair.clean` asks :func:`problems`, so every model form (the admin's pair form, the
matching view, the import) refuses a pair that breaks a rule, with a Russian message on the
field it concerns; :func:`save_pair` and :func:`create_pair` check again under row locks
before writing, and :meth:`Pair.transition_to` checks before a pair becomes active. The
rules:

* one running pair per mentee per cycle;
* the mentor holds the mentor role (an accepted nomination or HR's designation), the mentee
  the mentee role, and both are active employees in the plants/departments of the cycle.
  A proposal is where the programme's selection shows: accepting a nomination already gives
  the mentor role, and the activation of the pair gives mentor and mentee their roles for
  sure (:mod:`mentoring.role_changes`) — e.g. a nominee accepted for a later cycle, or a
  mentor whose role was taken while the proposal waited. A curator needs no role beforehand:
  being assigned to a pair makes them one;
* both consented to the processing of their personal data; an active pair also needs the
  mentor's consent to mentor (per pair, per cycle or as a whole);
* the mentee is never the mentor's direct or indirect manager;
* a mentor has no more running pairs in a cycle than the cycle allows.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentoring import consents, role_changes
from mentoring.models import ConsentKind, Cycle, Nomination, Pair, Participant, User
from mentoring.roles import GROUP_NAMES, Role

RUNNING = Pair.RUNNING_STATUSES
# A management chain longer than this is bad data; the walk stops rather than loop.
MAX_CHAIN = 100


def _accepted_nomination(cycle=None):
    condition = Q(nominee=OuterRef("pk"), status=Nomination.Status.ACCEPTED)
    if cycle is not None:
        condition &= Q(cycle__isnull=True) | Q(cycle=cycle)
    return Exists(Nomination.objects.filter(condition))


def _in_group(role):
    return Exists(
        User.groups.through.objects.filter(
            user_id=OuterRef("user_id"), group__name=GROUP_NAMES[role]
        )
    )


def mentors(cycle=None):
    """People who may mentor: HR designated them (the mentor role) or accepted a nomination."""
    return Participant.objects.filter(_in_group(Role.MENTOR) | _accepted_nomination(cycle))


def mentees():
    return Participant.objects.filter(_in_group(Role.MENTEE))


def curators():
    return Participant.objects.filter(_in_group(Role.CURATOR))


def is_mentor(person, cycle=None):
    return mentors(cycle).filter(pk=person.pk).exists()


def is_mentee(person):
    return mentees().filter(pk=person.pk).exists()


def is_active(person):
    return Participant.objects.active().filter(pk=person.pk).exists()


def managers_above(person_id, managers=None):
    """Ids of the person's line managers, nearest first; stops on a loop in the data.

    ``managers`` (``{id: manager_id}``) saves the queries when many pairs are checked.
    """
    chain, seen = [], {person_id}
    current = person_id
    for _step in range(MAX_CHAIN):
        if managers is not None:
            manager_id = managers.get(current)
        else:
            manager_id = (
                Participant.objects.filter(pk=current).values_list("manager_id", flat=True).first()
            )
        if manager_id is None or manager_id in seen:
            break
        chain.append(manager_id)
        seen.add(manager_id)
        current = manager_id
    return chain


def reports_below(person_id):
    """Ids of everyone who reports to the person, directly or not (one query per level)."""
    found, level = set(), {person_id}
    for _step in range(MAX_CHAIN):
        level = (
            set(Participant.objects.filter(manager_id__in=level).values_list("pk", flat=True))
            - found
            - {person_id}
        )
        if not level:
            break
        found |= level
    return found


def _name(person):
    return person.full_name


def _original(pair):
    if pair.pk is None:
        return None
    return (
        Pair.objects.filter(pk=pair.pk)
        .values("mentor_id", "mentee_id", "cycle_id", "status")
        .first()
    )


def problems(pair, *, activating=None, managers=None):
    """``{field: [message, ...]}`` of the rules ``pair`` breaks; empty when it may be saved.

    The forming rules apply when a pair is new, when its mentor, mentee or cycle change and
    when it becomes active (``activating``; resuming a paused pair too). A finished pair is
    history and is not checked again.
    """
    if not (pair.cycle_id and pair.mentor_id and pair.mentee_id):
        return {}
    original = _original(pair)
    if activating is None:
        activating = pair.status == Pair.Status.ACTIVE and (
            original is None or original["status"] != Pair.Status.ACTIVE
        )
    forming = original is None or any(
        original[f] != getattr(pair, f) for f in ("mentor_id", "mentee_id", "cycle_id")
    )
    if pair.status not in RUNNING or not (forming or activating):
        return {}
    errors = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    cycle, mentor, mentee = pair.cycle, pair.mentor, pair.mentee
    if forming and cycle.status == Cycle.Status.FINISHED:
        add(
            "cycle",
            _("The cycle “%(cycle)s” is finished: no new pairs are formed in it.")
            % {"cycle": cycle},
        )
    if mentor.pk == mentee.pk:
        return errors

    if not is_mentor(mentor, cycle):
        add(
            "mentor",
            _(
                "%(name)s is not a mentor of the programme: a mentor needs an accepted "
                "nomination or the mentor role given by HR."
            )
            % {"name": _name(mentor)},
        )
    if not is_mentee(mentee):
        add(
            "mentee",
            _("%(name)s does not have the mentee role in the programme.") % {"name": _name(mentee)},
        )
    for field, person in (("mentor", mentor), ("mentee", mentee)):
        if person.left_company_on:
            add(
                field,
                _("%(name)s left the company on %(date)s.")
                % {"name": _name(person), "date": person.left_company_on.strftime("%d.%m.%Y")},
            )
        elif not person.user.is_active:
            add(field, _("The account of %(name)s is disabled.") % {"name": _name(person)})
    _check_units(cycle, mentor, mentee, add)

    if mentee.pk in managers_above(mentor.pk, managers):
        direct = mentor.manager_id == mentee.pk
        add(
            "mentee",
            (
                _(
                    "%(mentee)s is the line manager of %(mentor)s: a mentor never mentors "
                    "their own manager."
                )
                if direct
                else _(
                    "%(mentee)s is above %(mentor)s in the line of management: a mentor never "
                    "mentors their own manager."
                )
            )
            % {"mentee": _name(mentee), "mentor": _name(mentor)},
        )

    others = Pair.objects.filter(cycle=cycle, status__in=RUNNING)
    if pair.pk:
        others = others.exclude(pk=pair.pk)
    already = others.filter(mentee=mentee).select_related("mentor__user").first()
    if already is not None:
        add(
            "mentee",
            _(
                "%(mentee)s already has a running pair in this cycle (with %(mentor)s, "
                "“%(status)s”). End it or rematch it first."
            )
            % {
                "mentee": _name(mentee),
                "mentor": _name(already.mentor),
                "status": already.get_status_display(),
            },
        )
    taken = others.filter(mentor=mentor).count()
    if taken >= cycle.mentor_capacity:
        add(
            "mentor",
            ngettext(
                "%(name)s already mentors %(count)s mentee in this cycle, the most the cycle "
                "allows.",
                "%(name)s already mentors %(count)s mentees in this cycle, the most the cycle "
                "allows.",
                taken,
            )
            % {"name": _name(mentor), "count": taken},
        )

    for field, person in (("mentor", mentor), ("mentee", mentee)):
        if not consents.has_consent(person, ConsentKind.PERSONAL_DATA):
            add(
                field,
                _(
                    "%(name)s has not consented to the processing of personal data (or "
                    "withdrew the consent). HR can record a consent given on paper."
                )
                % {"name": _name(person)},
            )
    if activating and not consents.has_consent(
        mentor, ConsentKind.MENTORING, pair=pair if pair.pk else None, cycle=cycle
    ):
        add(
            "mentor",
            _(
                "%(name)s has not given the written consent to mentor (Labour Code, art. "
                "351.8) for this pair or cycle: the pair can be proposed, but not made active."
            )
            % {"name": _name(mentor)},
        )
    return errors


def _check_units(cycle, mentor, mentee, add):
    plants = {p.pk: p for p in cycle.plants.all()}
    departments = {d.pk: d for d in cycle.departments.all()}
    for field, person in (("mentor", mentor), ("mentee", mentee)):
        if plants and person.plant_id not in plants:
            add(
                field,
                _("%(name)s works at a plant that does not take part in the cycle “%(cycle)s”.")
                % {"name": _name(person), "cycle": cycle},
            )
        elif departments and person.department_id not in departments:
            add(
                field,
                _(
                    "%(name)s works in a department that does not take part in the cycle "
                    "“%(cycle)s”."
                )
                % {"name": _name(person), "cycle": cycle},
            )


def check(pair, *, activating=None, lock=False):
    """Raise :class:`ValidationError` (by field) if ``pair`` breaks a rule.

    With ``lock`` (inside a transaction) the mentor's and mentee's rows are locked first, so
    two HR admins forming pairs at once cannot both take a mentor's last place.
    """
    if lock:
        _lock(pair)
    found = problems(pair, activating=activating)
    if found:
        raise ValidationError(found)


def _lock(pair):
    list(
        Participant.objects.select_for_update()
        .filter(pk__in=[pair.mentor_id, pair.mentee_id])
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def save_pair(pair, *, by=None):
    """Validate ``pair`` (fields, rules, constraints) under locks and save it.

    The people of the pair get the roles it makes them play (:mod:`mentoring.role_changes`).
    """
    with transaction.atomic():
        _lock(pair)
        pair.full_clean()
        pair.save()
        role_changes.after_pair(pair, by=by)
    return pair


def create_pair(
    *, cycle, mentor, mentee, curator=None, status=Pair.Status.PROPOSED, by=None, **extra
):
    """Form a new pair by the rules (proposed unless said otherwise)."""
    import datetime

    pair = Pair(cycle=cycle, mentor=mentor, mentee=mentee, curator=curator, status=status, **extra)
    if status == Pair.Status.ACTIVE and pair.started_on is None:
        pair.started_on = datetime.date.today()
    return save_pair(pair, by=by)


def free_places(mentor, cycle):
    """How many more running pairs ``mentor`` may take in ``cycle``."""
    taken = Pair.objects.filter(cycle=cycle, mentor=mentor, status__in=RUNNING).count()
    return max(0, cycle.mentor_capacity - taken)
