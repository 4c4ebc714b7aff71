from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "skills"
    verbose_name = _("Digital tools and skills")

    def ready(self):
        from skills import personal_data  # noqa: F401 - connects the evidence-file cleanup
