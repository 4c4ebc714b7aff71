"""The one module that knows every app: it wires their URLs together."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.auth_forms import PasswordResetForm, SetPasswordForm
from cms.storage import serve_media
from cms.views import healthz

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # «Забыли пароль?»: Django's reset flow in the site's look; the answer never tells whether
    # an address is known.
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("", include("mentoring.urls")),
    path("", include("skills.urls")),
    path("", include("curricula.urls")),
    path("", include("growth.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Media on the local disk (one box): images answered by a view in every environment, since
# whitenoise serves only collected static files. With S3 the bucket answers instead.
_media_prefix = urlsplit(settings.MEDIA_URL).path.strip("/")
if settings.SERVE_MEDIA and _media_prefix and not settings.S3_BUCKET:
    urlpatterns += [re_path(rf"^{re.escape(_media_prefix)}/(?P<path>.+)$", serve_media)]

# Wagtail's page serving comes last: it catches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]
