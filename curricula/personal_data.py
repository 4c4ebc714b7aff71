"""What curricula holds on one person, for «Мои данные» (``PERSONAL_DATA_HOOK``)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.personal_data import Section


def sections(person):
    from curricula.models import ModuleProgress, SessionPlan

    progress = Section(
        _("Track modules completed"),
        [_("Module"), _("Completed")],
        [
            [p.module.title, timezone.localtime(p.completed_at).strftime("%d.%m.%Y %H:%M")]
            for p in ModuleProgress.objects.filter(user=person.user).select_related("module")
        ],
    )
    plans = Section(
        _("Session plans"),
        [_("Title"), _("Meeting date"), _("Notes")],
        [
            [p.title, p.meeting_date.strftime("%d.%m.%Y") if p.meeting_date else "", p.notes]
            for p in SessionPlan.objects.filter(mentor=person)
        ],
    )
    return [progress, plans]
