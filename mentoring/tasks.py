"""Long work of the programme, run by django-tasks (immediate in development and tests,
the database worker when ``TASKS_IN_BACKGROUND=1``)."""

import datetime
import logging

from django_tasks import task

from django.core.mail import get_connection
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring import emails, importing, rhythm
from mentoring.models import ImportJob, Pair, Participant, PlannedMeeting

logger = logging.getLogger(__name__)


@task()
def run_import(job_id):
    """Apply a previewed import: all rows in one transaction, progress in the job."""
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING, processed=0)

    def progress(done):
        ImportJob.objects.filter(pk=job_id).update(processed=done)

    try:
        summary = importing.apply(job.rows, progress=progress)
    except ValueError as exc:
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED, errors=exc.args[0], finished_at=timezone.now()
        )
        return None
    except Exception as exc:  # a job must never stay «running»: the reason is shown instead
        logger.exception("Participant import %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED,
            message=_("The import stopped and saved nothing: %(reason)s")
            % {"reason": str(exc)[:500] or exc.__class__.__name__},
            finished_at=timezone.now(),
        )
        return None
    if summary.new_accounts:
        send_invitations.enqueue(summary.new_accounts, job.created_by_id)
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.DONE,
        processed=len(job.rows),
        summary=summary.as_dict(),
        rows=[],
        finished_at=timezone.now(),
    )
    return summary.as_dict()


@task()
def send_mass_email(subject, body, participant_ids):
    """One message per participant, sent over one connection."""
    recipients = list(
        Participant.objects.filter(pk__in=participant_ids)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    messages = emails.mass_messages(recipients, subject, body)
    sent = 0
    connection = get_connection()
    for start in range(0, len(messages), 100):
        sent += connection.send_messages(messages[start : start + 100]) or 0
    return sent


@task()
def send_meeting_reminders():
    """Remind active pairs behind their meeting rhythm (the rule of :mod:`mentoring.rhythm`).

    A pair that has planned its next meeting is not behind: it waits for the planned date.
    """
    today = datetime.date.today()
    planned = PlannedMeeting.objects.filter(
        cancelled_at__isnull=True, starts_at__gte=timezone.now()
    )
    pairs = (
        rhythm.with_rhythm(Pair.objects.filter(status=Pair.Status.ACTIVE))
        .exclude(pk__in=planned.values("pair"))
        .select_related("cycle", "mentor__user", "mentee__user")
    )
    sent = 0
    for pair in pairs:
        days = rhythm.behind(pair, today)
        if days is not None:
            sent += emails.send_meeting_reminder(pair, days_since=days)
    return sent


@task()
def deactivate_leavers():
    """Disable the accounts of people whose last day has come and end their pairs."""
    from mentoring import leaving

    return leaving.deactivate_leavers().as_dict()


@task()
def send_invitations(participant_ids, by_id=None):
    """E-mail a one-time link to set a password to each person who needs one."""
    from mentoring import invitations
    from mentoring.models import User

    by = User.objects.filter(pk=by_id).first() if by_id else None
    return invitations.send_many(participant_ids, by=by)
