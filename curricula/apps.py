from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculaConfig(AppConfig):
    """Tracks, the content library, curricula, session plans and their PDFs."""

    name = "curricula"
    verbose_name = _("Tracks and materials")
