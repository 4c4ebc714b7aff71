from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    """The programme: people, pairs, meetings and the access policy."""

    name = "mentoring"
    verbose_name = _("Mentoring programme")

    def ready(self):
        from mentoring import signals  # noqa: F401 - account and log follow a deleted person
