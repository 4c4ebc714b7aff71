"""The pair agreement («договор пары»): drafting a version, accepting it, its defaults.

A version is never edited: a change is a new version, which both sides accept again. The
programme's rules come from HR's current template (:class:`DocumentTemplate`), copied into
the version so that what was accepted stays as it was.

Goals and tools come from the mentee's skill goals, which live in ``skills``; ``mentoring``
may not import it, so ``skills`` supplies them with the Wagtail hook
``AGREEMENT_DEFAULTS_HOOK``: ``fn(pair) -> {"goals": str, "tool_ids": [int]} | None``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from mentoring.models import DocumentTemplate, Pair, PairAgreement

AGREEMENT_DEFAULTS_HOOK = "nastavnik_agreement_defaults"
EDITABLE_STATUSES = (Pair.Status.PROPOSED, Pair.Status.ACTIVE, Pair.Status.PAUSED)


def current(pair):
    """The latest version of the pair's agreement, or ``None``."""
    return pair.agreements.order_by("-version").prefetch_related("tools").first()


def current_rules_template():
    return (
        DocumentTemplate.objects.filter(kind=DocumentTemplate.Kind.AGREEMENT_RULES)
        .order_by("-version")
        .first()
    )


def rule_values(pair, meeting_every_days, meeting_format):
    return {
        "mentor": pair.mentor.full_name,
        "mentee": pair.mentee.full_name,
        "curator": pair.curator.full_name if pair.curator else "—",
        "cycle": pair.cycle.name,
        "every_days": meeting_every_days,
        "format": dict(pair.cycle.MeetingFormat.choices).get(meeting_format, meeting_format),
    }


def initial(pair):
    """What a new version starts from: the current one, else the cycle and the mentee's goals."""
    agreement = current(pair)
    if agreement is not None:
        return {
            "goals": agreement.goals,
            "tools": [t.pk for t in agreement.tools.all()],
            "meeting_format": agreement.meeting_format,
            "meeting_every_days": agreement.meeting_every_days,
            "meeting_slot": agreement.meeting_slot,
        }
    goals, tool_ids = [], []
    for provider in hooks.get_hooks(AGREEMENT_DEFAULTS_HOOK):
        found = provider(pair) or {}
        if found.get("goals"):
            goals.append(found["goals"])
        tool_ids.extend(found.get("tool_ids", []))
    return {
        "goals": "\n".join(goals),
        "tools": tool_ids,
        "meeting_format": pair.cycle.meeting_format,
        "meeting_every_days": pair.cycle.meeting_every_days,
        "meeting_slot": "",
    }


def side_of(pair, user):
    """``"mentor"``, ``"mentee"`` or ``None`` for ``user`` in ``pair``."""
    if pair.mentor.user_id == user.pk:
        return "mentor"
    if pair.mentee.user_id == user.pk:
        return "mentee"
    return None


def new_version(pair, *, goals, tools, meeting_format, meeting_every_days, meeting_slot, by):
    """Write a new version (both acceptances empty); the author accepts it at once if a side.

    Returns the current version unchanged when nothing differs from it.
    """
    if pair.status not in EDITABLE_STATUSES:
        raise ValidationError(_("The pair has ended: its agreement is no longer changed."))
    tool_ids = sorted({getattr(t, "pk", t) for t in tools})
    with transaction.atomic():
        Pair.objects.select_for_update().filter(pk=pair.pk).exists()
        latest = current(pair)
        if latest is not None and (
            latest.goals == goals
            and sorted(t.pk for t in latest.tools.all()) == tool_ids
            and latest.meeting_format == meeting_format
            and latest.meeting_every_days == meeting_every_days
            and latest.meeting_slot == meeting_slot
        ):
            return latest
        template = current_rules_template()
        values = rule_values(pair, meeting_every_days, meeting_format)
        agreement = PairAgreement.objects.create(
            pair=pair,
            version=(latest.version + 1) if latest else 1,
            goals=goals,
            meeting_format=meeting_format,
            meeting_every_days=meeting_every_days,
            meeting_slot=meeting_slot,
            rules=template.fill(values) if template else "",
            rules_template=template,
            created_by=by,
        )
        agreement.tools.set(tool_ids)
        if side_of(pair, by):
            accept(agreement, by)
    return agreement


def accept(agreement, user):
    """Record that ``user`` (the mentor or the mentee) accepts this version."""
    side = side_of(agreement.pair, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        agreement = PairAgreement.objects.select_for_update().get(pk=agreement.pk)
        latest = agreement.pair.agreements.order_by("-version").values_list("version", flat=True)
        if agreement.version != latest.first():
            raise ValidationError(_("A newer version of the agreement exists: accept that one."))
        if getattr(agreement, f"{side}_accepted_at") is None:
            setattr(agreement, f"{side}_accepted_at", timezone.now())
            setattr(agreement, f"{side}_accepted_by", user)
            agreement.save(update_fields=[f"{side}_accepted_at", f"{side}_accepted_by"])
    return agreement
