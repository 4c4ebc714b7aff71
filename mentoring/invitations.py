"""Invitations: a one-time link, by e-mail, for a person to set their first password.

People imported by HR (or added in the admin) get an account without a password. Unless
they sign in with the company directory (:mod:`mentoring.directory`), they are e-mailed a
link valid for ``INVITATION_DAYS`` days; it works once — setting the password changes what
the token is made of — and HR can send a fresh one from the participant's page in the admin.
The token is Django's password-reset token with its own salt and lifetime, so an
invitation link cannot be used as a reset link or the other way round.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from mentoring import emails

INVITED_ACTION = "nastavnik.invitation.sent"


def invitation_days():
    return int(getattr(settings, "INVITATION_DAYS", 7))


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """A password-setting token that lives ``INVITATION_DAYS`` days (not the reset timeout)."""

    key_salt = "nastavnik.mentoring.invitations.InvitationTokenGenerator"

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return (self._num_seconds(self._now()) - ts) <= invitation_days() * 24 * 3600


invitation_tokens = InvitationTokenGenerator()


def needs_invitation(person):
    """Has ``person`` an address, an enabled account without a password, and no directory
    account to sign in with?"""
    from mentoring import directory

    user = person.user
    return bool(
        user.email
        and user.is_active
        and not user.has_usable_password()
        and person.left_company_on is None
        and not directory.has_account(person)
    )


def link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = invitation_tokens.make_token(user)
    return emails.absolute(reverse("invitation_confirm", args=[uid, token]))


def send(person, *, by=None):
    """E-mail ``person`` a fresh invitation link; log it. Returns 1 if sent, 0 if not needed."""
    if not needs_invitation(person):
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your access to Nastavnik, the mentoring programme")
    message = emails._message(
        person.user.email,
        subject,
        "invitation",
        {
            "person": person,
            "url": link(person.user),
            "days": invitation_days(),
            "username": person.user.get_username(),
        },
    )
    sent = emails._send([message])
    if sent:
        log(instance=person, action=INVITED_ACTION, user=by, data={"email": person.user.email})
    return sent


def send_many(participant_ids, *, by=None):
    from mentoring.models import Participant

    people = Participant.objects.filter(pk__in=participant_ids).select_related("user")
    return sum(send(person, by=by) for person in people.order_by("pk"))


def last_sent(person):
    """When the latest invitation went out, or ``None``."""
    from wagtail.models import ModelLogEntry

    entry = (
        ModelLogEntry.objects.for_instance(person)
        .filter(action=INVITED_ACTION)
        .order_by("-timestamp")
        .first()
    )
    return entry.timestamp if entry else None
