from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrowthConfig(AppConfig):
    """Mentors grow too: competencies, the evidence of a mentor's growth, HR results."""

    name = "growth"
    verbose_name = _("Mentor growth")
