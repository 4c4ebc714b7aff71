"""Roles that follow the programme: granted and taken away by what happens in it.

A person's programme roles are their groups (:mod:`mentoring.roles`). Nobody edits them by
hand for the day-to-day programme; they follow its events:

* HR accepts a nomination — the nominee becomes a mentor; a decision changed back takes the
  role away again unless something else still makes the person a mentor (another accepted
  nomination, a running pair as mentor);
* a pair becomes active — its mentor and mentee get their roles (the pairing rules already
  asked for the mentee role or an accepted nomination at the proposal, so activation only
  confirms what was decided then);
* a curator is assigned to a running pair — they become a curator;
* a person leaves the company — every programme role goes (:mod:`mentoring.leaving`).

HR roles are never granted or taken here: they are given by IT (the superuser).

Every change is written to Wagtail's audit log on the participant (action
``nastavnik.role.grant`` / ``nastavnik.role.revoke``, the role and the reason in its data), so
HR sees it in the participant's history and in the admin's site history report.
"""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from mentoring.models import Nomination, Pair
from mentoring.roles import GROUP_NAMES, HR_ROLES, ROLES_ATTRIBUTE, Role

GRANT_ACTION = "nastavnik.role.grant"
REVOKE_ACTION = "nastavnik.role.revoke"
PROGRAMME_ROLES = (Role.MENTEE, Role.MENTOR, Role.CURATOR)

# Why a role changed; stored in the log entry as the key, shown translated.
REASONS = {
    "nomination_accepted": _("nomination accepted"),
    "nomination_withdrawn": _("acceptance of the nomination withdrawn"),
    "pair_active": _("pair made active"),
    "curator_assigned": _("assigned curator of a pair"),
    "left_company": _("left the company"),
    "directory_group": _("group in the company directory"),
    "import": _("participant import"),
}


def _forget_cached_roles(user):
    for name in (ROLES_ATTRIBUTE, "_group_perm_cache", "_perm_cache"):
        if hasattr(user, name):
            delattr(user, name)


def _group(role):
    return Group.objects.get(name=GROUP_NAMES[Role(role)])


def has_role(person, role):
    return person.user.groups.filter(name=GROUP_NAMES[Role(role)]).exists()


def _log(person, action, role, reason, by, extra=None):
    data = {"role": Role(role).value, "reason": reason, **(extra or {})}
    log(instance=person, action=action, user=by, data=data)


def grant(person, role, *, reason, by=None, extra=None):
    """Give ``person`` the programme ``role``; log it. ``False`` if they already had it."""
    role = Role(role)
    if role in HR_ROLES:
        raise ValueError("HR roles are given by IT, never by the programme.")
    if has_role(person, role):
        return False
    person.user.groups.add(_group(role))
    _forget_cached_roles(person.user)
    _log(person, GRANT_ACTION, role, reason, by, extra)
    return True


def revoke(person, role, *, reason, by=None, extra=None):
    """Take the programme ``role`` from ``person``; log it. ``False`` if they did not have it."""
    role = Role(role)
    if role in HR_ROLES:
        raise ValueError("HR roles are taken by IT, never by the programme.")
    if not has_role(person, role):
        return False
    person.user.groups.remove(_group(role))
    _forget_cached_roles(person.user)
    _log(person, REVOKE_ACTION, role, reason, by, extra)
    return True


def after_nomination(nomination, previous_status, *, by=None):
    """Follow HR's decision on a nomination: accepted makes a mentor; withdrawn unmakes one."""
    accepted = Nomination.Status.ACCEPTED
    person = nomination.nominee
    extra = {"nomination": nomination.pk}
    if nomination.status == accepted and previous_status != accepted:
        return grant(person, Role.MENTOR, reason="nomination_accepted", by=by, extra=extra)
    if previous_status == accepted and nomination.status != accepted:
        other = (
            Nomination.objects.filter(nominee=person, status=accepted)
            .exclude(pk=nomination.pk)
            .exists()
        )
        mentoring = Pair.objects.filter(mentor=person, status__in=Pair.RUNNING_STATUSES).exists()
        if not (other or mentoring):
            return revoke(person, Role.MENTOR, reason="nomination_withdrawn", by=by, extra=extra)
    return False


def after_pair(pair, *, by=None):
    """Give the people of ``pair`` the roles the pair makes them play.

    Active (or paused) pair: mentor and mentee; a running pair with a curator: the curator.
    Idempotent: only a role a person did not hold is granted and logged.
    """
    extra = {"pair": pair.pk}
    changed = []
    if pair.status in (Pair.Status.ACTIVE, Pair.Status.PAUSED):
        for person, role in ((pair.mentor, Role.MENTOR), (pair.mentee, Role.MENTEE)):
            if grant(person, role, reason="pair_active", by=by, extra=extra):
                changed.append((person, role))
    curating = pair.curator_id and pair.status in Pair.RUNNING_STATUSES
    if curating and grant(
        pair.curator, Role.CURATOR, reason="curator_assigned", by=by, extra=extra
    ):
        changed.append((pair.curator, Role.CURATOR))
    return changed


def log_granted(user_roles, *, reason, by=None):
    """Log roles already given in bulk (the import): ``user_roles`` is ``[(user_id, role)]``.

    One insert for the whole batch, so a large import stays fast.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import ModelLogEntry

    from mentoring.models import Participant
    from mentoring.models.people import full_name

    if not user_roles:
        return 0
    people, labels = {}, {}
    # one query of plain values: the labels are what str(participant) gives
    for user_id, pk, *name in Participant.objects.filter(
        user_id__in={u for u, _r in user_roles}
    ).values_list(
        "user_id", "pk", "user__last_name", "user__first_name", "user__patronymic", "user__username"
    ):
        people[user_id] = pk
        labels[pk] = full_name(*name)
    content_type = ContentType.objects.get_for_model(Participant)
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(people[user_id]),
            label=labels[people[user_id]],
            action=GRANT_ACTION,
            data={"role": Role(role).value, "reason": reason},
            timestamp=now,
            user=by,
        )
        for user_id, role in user_roles
        if user_id in people
    ]
    ModelLogEntry.objects.bulk_create(entries)
    return len(entries)


def revoke_all(person, *, reason, by=None):
    """Take every programme role from ``person`` (leaving the company)."""
    return [r for r in PROGRAMME_ROLES if revoke(person, r, reason=reason, by=by)]


def history(person):
    """The role changes of ``person``, newest first, as (when, who, granted, role, reason)."""
    from wagtail.models import ModelLogEntry

    entries = ModelLogEntry.objects.for_instance(person).filter(
        action__in=[GRANT_ACTION, REVOKE_ACTION]
    )
    return [
        {
            "timestamp": e.timestamp,
            "user": e.user,
            "granted": e.action == GRANT_ACTION,
            "role": Role(e.data.get("role")).label,
            "reason": REASONS.get(e.data.get("reason"), e.data.get("reason", "")),
        }
        for e in entries.select_related("user").order_by("-timestamp", "-pk")
    ]
