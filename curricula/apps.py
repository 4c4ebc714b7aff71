from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculaConfig(AppConfig):
    """Tracks, the content library, curricula, session plans and their PDFs."""

    name = "curricula"
    verbose_name = _("Tracks and materials")

    def ready(self):
        from curricula import signals
        from curricula.dashboard import tracks_section
        from curricula.results import track_progress
        from mentoring.dashboard import register_section
        from mentoring.results import register_provider

        register_section(tracks_section)
        register_provider(track_progress)
        signals.connect()
