"""Login locks in the Wagtail admin: who cannot log in after failed attempts, and lifting it.

HR admins have no Django admin, so axes' own admin pages are off and this viewset lists the
failed logins of the current lock-out window, says which of them lock an account or an
address and until when, and lifts a lock. Who may open it is decided by the model
permissions on ``axes.AccessAttempt`` (granted to the HR-admin group by a migration).
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import IntegerField, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

LIFT_ACTION = "cms.login_lock_lifted"


def recent_attempts():
    """Failed logins still counted: the last one within the lock-out time."""
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off())


def _group(field, aggregate):
    rows = recent_attempts().filter(**{field: OuterRef(field)}).order_by().values(field)
    return Subquery(rows.annotate(value=aggregate).values("value")[:1])


def with_lock_state(queryset):
    """Annotate each attempt with its account's and address's failures and last failure."""
    return queryset.annotate(
        account_failures=Coalesce(
            _group("username", Sum("failures_since_start")), 0, output_field=IntegerField()
        ),
        account_last=_group("username", Max("attempt_time")),
        address_failures=Coalesce(
            _group("ip_address", Sum("failures_since_start")), 0, output_field=IntegerField()
        ),
        address_last=_group("ip_address", Max("attempt_time")),
    )


def locks_of(attempt):
    """``("account" or "address", until when)`` for each lock this attempt takes part in."""
    cool_off = get_cool_off()
    locks = []
    if attempt.account_failures >= settings.AXES_FAILURE_LIMIT:
        locks.append(("account", attempt.account_last + cool_off))
    if attempt.address_failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
        locks.append(("address", attempt.address_last + cool_off))
    return locks


class LockColumn(Column):
    """«Account locked until 14:35», or a dash when the failures are below the limits."""

    def get_value(self, instance):
        locks = locks_of(instance)
        if not locks:
            return "—"
        messages = {
            "account": gettext("Account locked until %(time)s"),
            "address": gettext("Address locked until %(time)s"),
        }
        return "; ".join(
            messages[what] % {"time": formats.date_format(timezone.localtime(until), "H:i")}
            for what, until in locks
        )


class LiftColumn(Column):
    """A link to lift the lock (the confirmation page of the delete view)."""

    def get_value(self, instance):
        url = reverse("login_locks:delete", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Lift the lock"))


class LoginLockIndexView(IndexView):
    """The failed logins of the lock-out window, newest first, with their lock state."""

    def get_base_queryset(self):
        return with_lock_state(recent_attempts()).order_by("-attempt_time")


class LiftLockView(DeleteView):
    """Lifting a lock forgets the failures that make it: the account's and, when the
    address is locked as well, the address's; the lift is kept in the audit log."""

    page_title = _("Lift the login lock")
    success_message = _("The lock on «%(object)s» is lifted.")

    def get_object(self, queryset=None):
        attempt = super().get_object(queryset)
        return with_lock_state(AccessAttempt.objects.filter(pk=attempt.pk)).get()

    @property
    def confirmation_message(self):
        return gettext(
            "Logins of «%(username)s» from %(address)s will be allowed again. "
            "Lift the lock only when you are sure the attempts were the person's own."
        ) % {"username": self.object.username or "—", "address": self.object.ip_address}

    def get_success_message(self):
        return self.success_message % {"object": self.object.username or self.object.ip_address}

    def delete_action(self):
        attempt = self.object
        forgotten = AccessAttempt.objects.filter(pk=attempt.pk)
        if attempt.username:
            forgotten |= AccessAttempt.objects.filter(username=attempt.username)
        if attempt.address_failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            forgotten |= AccessAttempt.objects.filter(ip_address=attempt.ip_address)
        log(
            attempt,
            LIFT_ACTION,
            user=self.request.user,
            data={"username": attempt.username, "ip_address": attempt.ip_address},
        )
        forgotten.delete()


class LoginLockViewSet(ModelViewSet):
    """Failed logins and lifting locks, for HR admins (the axes model permissions)."""

    model = AccessAttempt
    name = "login_locks"
    url_prefix = "login-locks"
    icon = "lock"
    menu_label = _("Login locks")
    add_to_settings_menu = True
    menu_order = 900
    index_view_class = LoginLockIndexView
    delete_view_class = LiftLockView
    copy_view_enabled = False
    form_fields = ["username"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    list_display = [
        Column("username", label=_("Account")),
        Column("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Failed attempts")),
        DateColumn("attempt_time", label=_("Last attempt")),
        LockColumn("lock", label=_("Lock")),
        LiftColumn("lift", label=_("Action")),
    ]
