from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "skills"
    verbose_name = _("Digital tools and skills")

    def ready(self):
        from mentoring.dashboard import MenteeLink, register_mentee_link, register_section
        from mentoring.health import register_signal_provider
        from mentoring.results import register_provider
        from skills import contributions

        register_section(contributions.my_skills_section)
        register_mentee_link(MenteeLink(_("Skills"), "skills_person"))
        register_provider(contributions.results)
        register_signal_provider(contributions.stalled_goals)
