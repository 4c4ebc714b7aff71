"""The project shell in the Wagtail admin: login locks for HR admins."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.login_locks import LIFT_ACTION, LoginLockViewSet


@hooks.register("register_admin_viewset")
def register_login_locks():
    return LoginLockViewSet()


@hooks.register("register_log_actions")
def register_login_lock_actions(actions):
    actions.register_action(LIFT_ACTION, _("Lift a login lock"), _("Login lock lifted"))
