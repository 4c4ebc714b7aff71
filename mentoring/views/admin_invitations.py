"""Admin action for HR: send a person a fresh invitation (a new one-time link)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mentoring import directory, invitations
from mentoring.models import Participant


def resend(request, pk):
    """Confirm, then e-mail a new invitation link; earlier links stay valid until used or
    expired (a person who already set a password needs «Forgot your password?» instead)."""
    if not request.user.has_perm("mentoring.change_participant"):
        raise PermissionDenied
    person = get_object_or_404(Participant.objects.select_related("user"), pk=pk)
    problem = None
    user = person.user
    if not user.email:
        problem = _("The person has no e-mail address: add it first.")
    elif not user.is_active or person.left_company_on:
        problem = _("The person's account is disabled.")
    elif user.has_usable_password():
        problem = _(
            "The person has already set a password. If it is forgotten, «Forgot your "
            "password?» on the login page sends a link."
        )
    elif directory.has_account(person):
        problem = _("The person signs in with the company directory: no invitation is needed.")
    if request.method == "POST" and problem is None:
        invitations.send(person, by=request.user)
        messages.success(
            request,
            _("An invitation was sent to %(email)s.") % {"email": user.email},
        )
        return redirect("participants:index")
    return render(
        request,
        "mentoring/admin/invitation_resend.html",
        {
            "person": person,
            "problem": problem,
            "last_sent": invitations.last_sent(person),
            "days": invitations.invitation_days(),
        },
    )
