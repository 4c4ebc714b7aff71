"""Login throttling on top of django-axes: one limit per account, a higher one per address.

Axes keeps every failed login in the database (``AccessAttempt``), so a lock holds on every
app server at once. It has a single failure limit for all its lock-out parameters; a plant
behind one NAT address would then be locked as a whole after a handful of typos, so the
address gets its own, higher limit here. The locked reader sees the login page again with
how long to wait, never a bare error page.
"""

import ipaddress
import math

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import ngettext


def client_ip(request):
    """The reader's address; behind ``TRUSTED_PROXY_COUNT`` proxies, the one they reported.

    Only the last ``TRUSTED_PROXY_COUNT`` entries of ``X-Forwarded-For`` were written by our
    own proxies; anything further left is whatever the client sent and is ignored.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [part.strip() for part in forwarded if part.strip()]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


def client_username(request, credentials=None):
    """The name typed in the login form, cut to what an account name can be.

    Django's login form does not bound the name on the server, and axes stores it in a
    255-character column: a longer one would fail on PostgreSQL. No account has a longer
    name than the user model allows, so the cut never merges two real accounts.
    """
    limit = get_user_model()._meta.get_field("username").max_length
    username = credentials.get("username") if credentials else request.POST.get("username")
    return username[:limit] if isinstance(username, str) else username


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits: ``AXES_FAILURE_LIMIT`` failures for one
    account, ``LOGIN_ADDRESS_FAILURE_LIMIT`` for one address, within ``AXES_COOLOFF_TIME``.

    A locked address counts as a locked account for every login from it. A successful login
    clears that account's failures only, so knowing one password never unlocks an address.
    """

    def _recent(self, request):
        return AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))

    def _failures(self, request, credentials):
        username = get_client_username(request, credentials)
        recent = self._recent(request)
        account = recent.filter(username=username) if username else recent.none()
        address = recent.filter(ip_address=request.axes_ip_address)
        return (
            (account, account.aggregate(n=Sum("failures_since_start"))["n"] or 0),
            (address, address.aggregate(n=Sum("failures_since_start"))["n"] or 0),
        )

    def get_failures(self, request, credentials=None):
        (_, account), (_, address) = self._failures(request, credentials)
        if address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(account, settings.AXES_FAILURE_LIMIT)
        return account

    def reset_user_attempts(self, request, credentials=None):
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count

    def locked_until(self, request, credentials=None):
        """When the lock on this login (account or address) ends, or ``None``."""
        (accounts, account), (addresses, address) = self._failures(request, credentials)
        latest = []
        if account >= settings.AXES_FAILURE_LIMIT:
            latest.append(accounts.aggregate(t=Max("attempt_time"))["t"])
        if address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            latest.append(addresses.aggregate(t=Max("attempt_time"))["t"])
        latest = [moment for moment in latest if moment]
        return max(latest) + get_cool_off(request) if latest else None


def wait_message(minutes):
    return ngettext(
        "Too many failed login attempts. Logging in is blocked for %(minutes)d more minute: "
        "try again later or ask HR to lift the lock.",
        "Too many failed login attempts. Logging in is blocked for %(minutes)d more minutes: "
        "try again later or ask HR to lift the lock.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with how long the reader has to wait (HTTP 429)."""
    handler = AccountAndAddressHandler()
    until = handler.locked_until(request, credentials) or timezone.now() + get_cool_off(request)
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    username = get_client_username(request, credentials) or ""
    form = AuthenticationForm(request, initial={"username": username[:150]})
    context = {
        "form": form,
        "lockout_message": wait_message(minutes),
        "next": request.POST.get("next", "") or request.GET.get("next", ""),
    }
    response = render(request, "registration/login.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    add_never_cache_headers(response)  # as the login view itself: the form has a CSRF token
    return response
