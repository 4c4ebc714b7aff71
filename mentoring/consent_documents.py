"""Consents to process personal data and to mentor: giving, withdrawing and the effect.

The records themselves go through :func:`mentoring.consents.record`. Withdrawing changes
the person's pairs at once, and the record says so in its ``effect``:

* withdrawing the consent to the processing of personal data ends every running pair of
  the person early: the platform cannot keep processing their skills and meetings;
* withdrawing the consent to mentor ends the person's running pairs as a mentor that the
  consent covered (all of them, the cycle's, or the one pair).

A started pair ends three working days after the notice (Labour Code, art. 351.8), a
proposed one is cancelled the same day; both sides and the curator are told by e-mail.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from mentoring import consents
from mentoring.models import ConsentKind, ConsentRecord, Pair

DOCUMENT_KINDS = (ConsentKind.PERSONAL_DATA, ConsentKind.MENTORING)


def pairs_affected(participant, kind, *, cycle=None, pair=None):
    """Running pairs that withdrawing ``kind`` (in that scope) would end."""
    running = Pair.objects.filter(status__in=Pair.RUNNING_STATUSES)
    if kind == ConsentKind.PERSONAL_DATA:
        return running.filter(Q(mentor=participant) | Q(mentee=participant))
    if kind == ConsentKind.MENTORING:
        running = running.filter(mentor=participant)
        if pair is not None:
            return running.filter(pk=pair.pk)
        if cycle is not None:
            return running.filter(cycle=cycle)
        return running
    return running.none()


def _end_pairs(participant, kind, by, *, cycle=None, pair=None):
    reason = {
        ConsentKind.PERSONAL_DATA: _(
            "%(name)s withdrew the consent to the processing of personal data."
        ),
        ConsentKind.MENTORING: _("%(name)s withdrew the consent to mentor."),
    }[kind] % {"name": participant.full_name}
    lines = []
    for running in pairs_affected(participant, kind, cycle=cycle, pair=pair).select_related(
        "cycle", "mentor__user", "mentee__user", "curator__user"
    ):
        side = Pair.Side.MENTOR if running.mentor_id == participant.pk else Pair.Side.MENTEE
        running.transition_to(Pair.Status.ENDED_EARLY, reason, by=by, side=side)
        other = running.mentee if side == Pair.Side.MENTOR else running.mentor
        lines.append(
            _("the pair with %(other)s ends on %(date)s")
            % {"other": other.full_name, "date": running.ended_on.strftime("%d.%m.%Y")}
        )
    return lines


def change(
    participant,
    kind,
    given,
    *,
    by=None,
    way=ConsentRecord.Way.ONLINE,
    cycle=None,
    pair=None,
    signed_on=None,
):
    """Give or withdraw a consent of ``kind`` and apply its effect; returns the record."""
    kind = ConsentKind(kind)
    with transaction.atomic():
        if given:
            effect = _("Consent given.")
        else:
            lines = _end_pairs(participant, kind, by, cycle=cycle, pair=pair)
            effect = (
                _("Consent withdrawn; %(pairs)s.") % {"pairs": "; ".join(lines)}
                if lines
                else _("Consent withdrawn; no running pairs were affected.")
            )
        entry = consents.record(
            participant,
            kind,
            given,
            way=way,
            by=by,
            cycle=cycle,
            pair=pair,
            effect=effect[:500],
        )
        if signed_on is not None:
            entry.signed_on = signed_on
            entry.save(update_fields=["signed_on"])
    return entry
