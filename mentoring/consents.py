"""Giving and withdrawing consents, and reading whether one is in force.

The one way consents change: every change is a :class:`~mentoring.models.ConsentRecord`
pointing at the text the person saw, and the flags on :class:`~mentoring.models.Participant`
that access checks filter on (``consent_to_share``, ``listed_as_expert``) are updated in the
same transaction, so the rule takes effect everywhere at once.
"""

from django.db import transaction
from django.db.models import Q

from mentoring.models import ConsentKind, ConsentRecord, ConsentText, Participant

# The participant flag kept in step with each kind, for access checks in one query.
FLAG_OF_KIND = {
    ConsentKind.SHARE_WITH_HR: "consent_to_share",
    ConsentKind.LISTED_AS_EXPERT: "listed_as_expert",
}


class NoConsentText(LookupError):
    """HR has not published any wording for this kind of consent yet."""


def current_text(kind):
    """The latest version of the wording of ``kind``."""
    text = ConsentText.objects.filter(kind=kind).order_by("-version").first()
    if text is None:
        raise NoConsentText(kind)
    return text


def record(
    participant,
    kind,
    given,
    *,
    way=ConsentRecord.Way.ONLINE,
    by=None,
    text=None,
    cycle=None,
    pair=None,
    effect="",
):
    """Record that ``participant`` gave (``given=True``) or withdrew a consent of ``kind``."""
    kind = ConsentKind(kind)
    with transaction.atomic():
        person = Participant.objects.select_for_update().get(pk=participant.pk)
        entry = ConsentRecord.objects.create(
            participant=person,
            kind=kind,
            text=text or current_text(kind),
            given=bool(given),
            way=way,
            cycle=cycle,
            pair=pair,
            effect=effect,
            recorded_by=by,
        )
        flag = FLAG_OF_KIND.get(kind)
        if flag and cycle is None and pair is None:
            setattr(person, flag, bool(given))
            person.save(update_fields=[flag])
            setattr(participant, flag, bool(given))
    return entry


def _scope(cycle=None, pair=None):
    scope = Q(cycle__isnull=True, pair__isnull=True)
    if pair is not None:
        scope |= Q(pair=pair) | Q(cycle_id=pair.cycle_id, pair__isnull=True)
    elif cycle is not None:
        scope |= Q(cycle=cycle, pair__isnull=True)
    return scope


def latest(participant, kind, *, cycle=None, pair=None):
    """The record in force for ``kind`` (the newest that applies to the scope), or None."""
    return (
        ConsentRecord.objects.filter(participant=participant, kind=kind)
        .filter(_scope(cycle, pair))
        .order_by("-at", "-pk")
        .first()
    )


def has_consent(participant, kind, *, cycle=None, pair=None):
    """Is a consent of ``kind`` in force for ``participant`` (in ``cycle``/``pair``)?"""
    entry = latest(participant, kind, cycle=cycle, pair=pair)
    return bool(entry and entry.given)


def in_force(participant):
    """``{kind: latest record}`` of the person's consents as a whole, in one query."""
    found = {}
    records = ConsentRecord.objects.filter(
        participant=participant, cycle__isnull=True, pair__isnull=True
    ).select_related("text")
    for entry in records.order_by("-at", "-pk"):
        found.setdefault(entry.kind, entry)
    return found
