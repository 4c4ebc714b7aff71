"""Accepting an invitation: the person sets their first password by a one-time link."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from cms.auth_forms import SetPasswordForm
from mentoring.invitations import invitation_tokens


class InvitationConfirmView(auth_views.PasswordResetConfirmView):
    """Django's set-password step, with the invitation's token (7 days, works once).

    A used, expired or altered link shows a clear page that says how to get a new one.
    """

    token_generator = invitation_tokens
    form_class = SetPasswordForm
    template_name = "registration/invitation_confirm.html"
    success_url = reverse_lazy("invitation_complete")
    reset_url_token = "set-password"  # noqa: S105 — a URL segment, not a secret


class InvitationCompleteView(auth_views.PasswordResetCompleteView):
    """The password is set: on to the login page."""

    template_name = "registration/invitation_complete.html"
