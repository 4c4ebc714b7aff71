"""HR anonymises a person who left (152-ФЗ): a confirmation, then the erasure."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mentoring import access, personal_data
from mentoring.models import Participant


def anonymise(request, pk):
    """`/admin/participants/<pk>/anonymise/`: HR admins only; the erasure cannot be undone.

    Why: a person who left may ask to be forgotten, and the programme keeps no more than it
    needs; the figures of the programme stay, without the name.
    """
    if not (
        access.is_hr_admin(request.user) and request.user.has_perm("mentoring.change_participant")
    ):
        raise PermissionDenied
    person = get_object_or_404(Participant.objects.select_related("user"), pk=pk)
    if request.method == "POST":
        personal_data.anonymise(person)
        messages.success(request, _("The participant is anonymised."))
        return redirect("participants:index")
    return render(request, "mentoring/admin/anonymise.html", {"person": person})
