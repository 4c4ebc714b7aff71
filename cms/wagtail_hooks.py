"""Hooks of the project shell: what applies to every page whatever app defines it, and the
login locks HR admins lift in the admin."""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.models import PageViewRestriction

from cms import structure
from cms.login_locks import LIFT_ACTION, LoginLockViewSet


@hooks.register("before_serve_page", order=-100)
def deny_readers_outside_the_groups(page, request, serve_args, serve_kwargs):
    """A logged-in reader outside a page's groups gets «нет доступа», not a login loop.

    Wagtail answers an unmet group restriction with a redirect to the login page; for someone
    already logged in, the login page sends them straight back, and round it goes. Anonymous
    readers still get the login page, and password restrictions their password form.
    """
    restrictions = structure.view_restrictions(page)
    restrictions._fetch_all()
    # Wagtail's own check (the next hook) asks again: answer it from this request's result.
    page.get_view_restrictions = lambda: restrictions
    if not request.user.is_authenticated:
        return None
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.GROUPS and not (
            restriction.accept_request(request)
        ):
            response = render(
                request,
                "403.html",
                {
                    "reason": _(
                        "No access: this page is open only to some groups of participants, "
                        "and your account is not in them. If you need it for your work, ask "
                        "the programme's HR team."
                    )
                },
                status=403,
            )
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
    return None


@hooks.register("register_admin_viewset")
def register_login_locks():
    return LoginLockViewSet()


@hooks.register("register_log_actions")
def register_login_lock_actions(actions):
    actions.register_action(
        LIFT_ACTION, gettext_lazy("Lift a login lock"), gettext_lazy("Login lock lifted")
    )
