from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The project package as an app: base templates, static files, shared blocks, locale."""

    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms import (
            export_values,
            generations,
            params,
            sessions,  # noqa: F401 - connects the login signal
            spreadsheets,
            wording,
        )

        wording.install()
        generations.install()
        export_values.install()
        spreadsheets.install_wagtail_export_safety()
        params.install_model_choice_overflow_guard()
