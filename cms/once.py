"""Create-forms that create their record once, however many times they are sent.

Each rendered form carries a fresh token (``{% once_token %}`` from ``cms_once``, a hidden
field). A view that creates a record is wrapped in :func:`submit_once`: the first request
with a token stores it (a unique row, :class:`cms.models.FormSubmission`) in the same
transaction as the record; a second request with the same token — sent together or later —
waits for the first on the unique index, creates nothing and is sent to the page the first
one led to, with a note that the form was already received. A form re-shown with errors
keeps its token, and the token is released so the corrected form can be sent.
"""

import functools
import uuid
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

TOKEN_FIELD = "form_token"  # noqa: S105 - the name of a form field, not a secret
# Tokens older than this are forgotten (a form open for longer creates a new record).
KEEP_FOR = timedelta(days=2)


def token_of(request):
    """The valid token the request carries, or ``None``."""
    value = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None


def token_for_form(request):
    """The token a rendered form carries: the one it was sent with, when it is shown again
    with errors, otherwise a new one."""
    return token_of(request) or uuid.uuid4()


def submit_once(view):
    """Wrap a view that creates a record on POST so a token is used once (see module)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        token = token_of(request)
        if token is None:
            return view(request, *args, **kwargs)
        from cms.models import FormSubmission

        user = request.user if request.user.is_authenticated else None
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = FormSubmission.objects.create(token=token, user=user)
            except IntegrityError:
                return _answer_again(request, token, user, view, args, kwargs)
            response = view(request, *args, **kwargs)
            if response.status_code in (301, 302, 303) and response.get("Location"):
                claim.result_url = response["Location"][:500]
                claim.save(update_fields=["result_url"])
            else:
                claim.delete()  # errors shown: the corrected form may use the token
        _forget_old()
        return response

    return wrapped


def _answer_again(request, token, user, view, args, kwargs):
    from cms.models import FormSubmission

    first = FormSubmission.objects.filter(token=token).first()
    if first is None or first.user_id != (user.pk if user else None):
        return view(request, *args, **kwargs)  # not this reader's token: treat as a new form
    messages.info(request, _("This form has already been sent; it was saved once."))
    return HttpResponseRedirect(first.result_url or request.path)


def _forget_old():
    from cms.models import FormSubmission

    FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
