"""The programme's e-mails: reminders, feedback requests, outcomes and curator alerts.

Plain-text Russian templates under ``mentoring/email/``; sent through Django's mail
(console backend in development, locmem in tests). Links are absolute when a base URL is
known (``settings.SITE_BASE_URL`` or ``WAGTAILADMIN_BASE_URL``).
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _


def absolute(path):
    base = getattr(settings, "SITE_BASE_URL", "") or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return base.rstrip("/") + path


def _message(to, subject, template, context):
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(f"mentoring/email/{template}.txt", context)
        return EmailMessage(str(subject), body, settings.DEFAULT_FROM_EMAIL, [to])


def _send(messages):
    messages = [m for m in messages if m.to and m.to[0]]
    if messages:
        get_connection().send_messages(messages)
    return len(messages)


def feedback_request_messages(meeting):
    """Both sides are asked for a short feedback on the meeting."""
    pair = meeting.pair
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("How was your meeting on %(date)s?") % {
            "date": meeting.held_on.strftime("%d.%m.%Y")
        }
    url = absolute(reverse("meeting_detail", args=[meeting.pk]))
    return [
        _message(
            person.user.email,
            subject,
            "feedback_request",
            {"person": person, "meeting": meeting, "url": url},
        )
        for person in (pair.mentor, pair.mentee)
    ]


def send_feedback_request(meeting):
    return _send(feedback_request_messages(meeting))


def send_meeting_reminder(pair, days_since=None):
    """Remind both sides that the pair has not met for a while."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Time to plan your next mentoring meeting")
    url = absolute(reverse("pair_detail", args=[pair.pk]))
    return _send(
        [
            _message(
                person.user.email,
                subject,
                "meeting_reminder",
                {"person": person, "pair": pair, "days_since": days_since, "url": url},
            )
            for person in (pair.mentor, pair.mentee)
        ]
    )


def send_nomination_outcome(nomination):
    """Tell the nominee what HR decided (nobody to tell for an unknown e-mail)."""
    if nomination.nominee is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your nomination as a mentor: %(status)s") % {
            "status": nomination.get_status_display()
        }
    return _send(
        [
            _message(
                nomination.nominee.user.email,
                subject,
                "nomination_outcome",
                {"nomination": nomination, "person": nomination.nominee},
            )
        ]
    )


def send_issue_raised(issue):
    """Alert the curator of the pair; the message names the pair, not the details."""
    curator = issue.pair.curator
    if curator is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A pair has raised an issue with you")
    url = absolute(reverse("curator_issue", args=[issue.pk]))
    return _send(
        [
            _message(
                curator.user.email,
                subject,
                "issue_raised",
                {"issue": issue, "person": curator, "url": url},
            )
        ]
    )


def send_early_end_notice(pair):
    """Tell both sides and the curator that the pair ends early, when and why."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your mentoring pair ends early on %(date)s") % {
            "date": pair.ended_on.strftime("%d.%m.%Y")
        }
    people = [pair.mentor, pair.mentee] + ([pair.curator] if pair.curator else [])
    return _send(
        [
            _message(
                person.user.email,
                subject,
                "early_end",
                {
                    "person": person,
                    "pair": pair,
                    "url": absolute(
                        reverse(
                            "curator_pair" if person == pair.curator else "pair_detail",
                            args=[pair.pk],
                        )
                    ),
                },
            )
            for person in people
        ]
    )


def mass_messages(recipients, subject, body):
    return [EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [r]) for r in recipients]


def meeting_invitation_messages(planned):
    """Both sides get the planned meeting with its calendar part (RFC 5545): a request when
    planned or changed, a cancellation when called off."""
    from email.mime.text import MIMEText

    from mentoring import calendars

    pair = planned.pair
    local = timezone.localtime(planned.starts_at)
    with translation.override(settings.LANGUAGE_CODE):
        if planned.is_cancelled:
            subject = _("Meeting cancelled: %(date)s") % {"date": f"{local:%d.%m.%Y %H:%M}"}
        elif planned.sequence:
            subject = _("Meeting moved: %(date)s") % {"date": f"{local:%d.%m.%Y %H:%M}"}
        else:
            subject = _("Mentoring meeting on %(date)s") % {"date": f"{local:%d.%m.%Y %H:%M}"}
    ics = calendars.invitation(planned).decode("utf-8")
    method = "CANCEL" if planned.is_cancelled else "REQUEST"
    url = absolute(reverse("pair_detail", args=[pair.pk]))
    messages = []
    for person in (pair.mentor, pair.mentee):
        message = _message(
            person.user.email,
            subject,
            "meeting_invitation",
            {"person": person, "planned": planned, "local": local, "url": url},
        )
        part = MIMEText(ics, "calendar", "utf-8")
        part.set_param("method", method)
        part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
        message.attach(part)
        messages.append(message)
    return messages


def send_meeting_invitation(planned):
    return _send(meeting_invitation_messages(planned))
