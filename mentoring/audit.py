"""Writing the access log: reads of a person's records by others, exports of personal data.

Views call :func:`record_read` when they show someone else's named records (skills, goals,
evidence, meetings, feedback, issues) and :func:`record_export` when they hand out a file
with personal data. Reading one's own records is not logged.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.models import RecordAccess

# What a log row is about, in words a person understands («what» is stored as a code).
WHAT_LABELS = {
    "skills": _("skills, goals and their history"),
    "evidence": _("an evidence file"),
    "meetings": _("meetings and feedback of the pair"),
    "issue": _("a message to the curator"),
    "consent_record": _("a consent document"),
    "skills_matrix": _("skills matrix export"),
    "mentoring_hours": _("mentoring hours export"),
    "participant": _("participants export"),
    "nomination": _("nominations export"),
    "personal_data": _("«My data» archive"),
}


def what_label(code):
    return WHAT_LABELS.get(code, code)


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


def record_reads(user, subjects, what, detail=""):
    """Log reads of several people's records at once (a list, a matrix page): few queries."""
    actor = _actor(user)
    if actor is None:
        return
    ids = {s.pk for s in subjects if s is not None and s.user_id != actor.pk}
    if not ids:
        return
    now = timezone.now()
    day = timezone.localdate(now)
    # two queries at most whatever the number: count the reads already logged today, then
    # add the new rows (a row already there is a conflict with the one-row-a-day constraint)
    updated = RecordAccess.objects.filter(
        action=RecordAccess.Action.READ, actor=actor, what=what, day=day, subject_id__in=ids
    ).update(count=F("count") + 1, last_at=now)
    if updated == len(ids):  # every read already logged today: one query in all
        return
    RecordAccess.objects.bulk_create(
        [
            RecordAccess(
                action=RecordAccess.Action.READ,
                actor=actor,
                subject_id=pk,
                what=what,
                detail=detail[:300],
                day=day,
                first_at=now,
                last_at=now,
            )
            for pk in sorted(ids)
        ],
        ignore_conflicts=True,
    )


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
