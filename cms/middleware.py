"""The shell around every request: login required, language, security and cache headers."""

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.views.defaults import page_not_found

from wagtail.views import serve as wagtail_serve

ADMIN_PREFIX = "/admin/"
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


class RussianFirstLocaleMiddleware:
    """Russian unless the reader chose another language with the footer switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a shared
    shop-floor PC with an English system would show English to everyone; here only the
    explicit choice (the language cookie set by ``set_language``) changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        from django.utils import translation
        from django.utils.cache import patch_vary_headers

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy for the site, and a relaxed one for the Wagtail admin.

    The site's own pages load scripts and styles only from its static files, never inline.
    Wagtail's admin writes inline ``<script>`` for date pickers and inline panels and inline
    styles for its editor, so under ``/admin/`` ``CONTENT_SECURITY_POLICY_ADMIN`` applies: it
    allows inline code but still nothing from another origin. The admin is used only by HR
    staff, and Wagtail escapes what editors type.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        admin = request.path_info.startswith(ADMIN_PREFIX)
        if admin and not report_only and parts.config is None:
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` on every answer to a logged-in reader.

    Pages, PDFs, exports and evidence files of a signed-in person carry personal data, and
    the browser of a shared shop-floor PC, or a proxy on the way, must not keep them. Static
    files never reach this middleware (whitenoise answers first) and keep their long cache
    life; pages for readers who are not signed in (the login page, public content) keep the
    headers their views chose.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


class ProductNotFoundPageMiddleware:
    """With ``DEBUG`` on (``make run``), an unknown address shows the product's Russian 404
    page instead of Django's English technical page, as in production. Without DEBUG Django
    already renders ``404.html``; this middleware then does nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
