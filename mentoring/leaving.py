"""People who leave the company: deactivated on their last day, their pairs ended.

HR records the day in ``Participant.left_company_on`` (by hand or by the import); the
directory disabling an account records it too (:mod:`mentoring.directory`). A scheduled task
(:func:`mentoring.tasks.deactivate_leavers`, queued daily by ``manage.py deactivate_leavers``
from cron) then, on or after that day:

* disables the account (no sign-in, open sessions end at their next request);
* takes every programme role away (logged, :mod:`mentoring.role_changes`);
* ends the running pairs where the person is mentor or mentee on the day
  they left, with the reason, telling the other side and the curator. The three working
  days' notice of an early ending does not apply: the employment itself ended. A pair the
  person only curated keeps running without a curator until HR assigns another.

Running it twice changes nothing more.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from mentoring import role_changes
from mentoring.models import Pair, Participant


@dataclass
class LeavingSummary:
    deactivated: list = field(default_factory=list)
    pairs_ended: int = 0
    curators_removed: int = 0

    def as_dict(self):
        return {
            "deactivated": len(self.deactivated),
            "pairs_ended": self.pairs_ended,
            "curators_removed": self.curators_removed,
        }


def due(today=None):
    """Participants whose last day has come and who still have an active account or roles."""
    today = today or datetime.date.today()
    return Participant.objects.filter(left_company_on__lte=today).filter(user__is_active=True)


def deactivate(person, *, on=None, by=None, summary=None):
    """Deactivate one person who left the company on ``on`` (their recorded day by default)."""
    summary = summary or LeavingSummary()
    on = on or person.left_company_on or datetime.date.today()
    reason = _("%(name)s left the company on %(date)s.") % {
        "name": person.full_name,
        "date": on.strftime("%d.%m.%Y"),
    }
    with transaction.atomic():
        if person.left_company_on is None:
            person.left_company_on = on
            person.save(update_fields=["left_company_on"])
        running = Pair.objects.filter(status__in=Pair.RUNNING_STATUSES)
        for pair in running.filter(mentor=person) | running.filter(mentee=person):
            pair = Pair.objects.select_for_update().get(pk=pair.pk)
            pair.transition_to(
                Pair.Status.ENDED_EARLY,
                reason,
                by=by,
                side=Pair.Side.HR,
                notice_on=on,
                immediate=True,
            )
            summary.pairs_ended += 1
        summary.curators_removed += running.filter(curator=person).update(curator=None)
        role_changes.revoke_all(person, reason="left_company", by=by)
        user = person.user
        user.is_active = False
        user.save(update_fields=["is_active"])
    summary.deactivated.append(person.pk)
    return summary


def deactivate_leavers(today=None):
    """Deactivate everyone whose last day has come (the scheduled task's work)."""
    from mentoring import directory

    summary = LeavingSummary()
    directory.sync_disabled(today)
    for person in due(today).select_related("user").order_by("pk"):
        deactivate(person, summary=summary)
    return summary
