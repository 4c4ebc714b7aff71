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
