"""Login is required on the intranet; content pages may be opened by a setting."""

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware

from wagtail.views import serve as wagtail_serve

OPEN_PATH_PREFIXES = ("/static/", "/favicon.ico", "/robots.txt", "/healthz/", "/i18n/")


class IntranetLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, plus the switch that opens published content.

    With ``PUBLIC_CONTENT`` on, Wagtail pages (and their PDF routes, served through the same
    view) are readable without a login; personal records never are, because they live in
    ordinary views that stay behind login.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(OPEN_PATH_PREFIXES):
            return None
        if settings.PUBLIC_CONTENT and view_func is wagtail_serve:
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
