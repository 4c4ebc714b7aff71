"""Writing the access log: reads of a person's records by others, exports of personal data.

Views call :func:`record_read` when they show someone else's named records (skills, goals,
evidence, meetings, feedback, issues) and :func:`record_export` when they hand out a file
with personal data. Reading one's own records is not logged.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from mentoring.models import RecordAccess


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def record_read(user, subject, what, detail=""):
    """Log that ``user`` read ``subject``'s records of kind ``what`` (once a day a row)."""
    actor = _actor(user)
    if actor is None or subject is None or subject.user_id == actor.pk:
        return
    now = timezone.now()
    day = timezone.localdate(now)
    rows = RecordAccess.objects.filter(
        action=RecordAccess.Action.READ, actor=actor, subject=subject, what=what, day=day
    )
    if rows.update(count=F("count") + 1, last_at=now, detail=detail[:300]):
        return
    try:
        with transaction.atomic():
            RecordAccess.objects.create(
                action=RecordAccess.Action.READ,
                actor=actor,
                subject=subject,
                what=what,
                detail=detail[:300],
                day=day,
                first_at=now,
                last_at=now,
            )
    except IntegrityError:  # the same read logged by a parallel request a moment earlier
        rows.update(count=F("count") + 1, last_at=now)


def record_export(user, what, *, people=0, subject=None, detail=""):
    """Log one export of personal data (a file about ``people`` persons, or one ``subject``)."""
    now = timezone.now()
    return RecordAccess.objects.create(
        action=RecordAccess.Action.EXPORT,
        actor=_actor(user),
        subject=subject,
        what=what,
        detail=detail[:300],
        people=people,
        day=timezone.localdate(now),
        first_at=now,
        last_at=now,
    )
