"""Competencies in the admin, and what mentor growth adds to the programme's pages: a `/my/`
section, a link from the curator's desk and the HR results."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from growth import results, services
from growth.models import Competency
from mentoring import access
from mentoring.dashboard import (
    DASHBOARD_SECTION_HOOK,
    MENTOR_LINK_HOOK,
    DashboardSection,
    MenteeLink,
)
from mentoring.results import RESULTS_HOOK
from mentoring.roles import Role

hooks.register(RESULTS_HOOK, results.results)


class CompetencyViewSet(SnippetViewSet):
    """HR describes each competency and what every level looks like in behaviour."""

    model = Competency
    icon = "snippet"
    menu_label = _("Competencies")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "kind", "key", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]


register_snippet(CompetencyViewSet)


@hooks.register(DASHBOARD_SECTION_HOOK)
def growth_section(request):
    """A mentor sees a link to their own growth; curators and HR, to the mentors they follow."""
    user = request.user
    me = access.participant_of(user)
    mine = me is not None and access.has_role(user, Role.MENTOR)
    follows = access.has_role(user, Role.CURATOR) or access.is_hr(user)
    if not (mine or follows):
        return None
    context = {"mentors_url": reverse("growth_mentors") if follows else None}
    if mine:
        cycles = services.mentor_cycles(me)
        context.update(
            {
                "url": reverse("my_growth"),
                "cycle": cycles[0] if cycles else None,
                "records": me.competency_events.filter(cycle__in=cycles[:1]).count()
                if cycles
                else 0,
            }
        )
    return DashboardSection(template="growth/includes/my_section.html", context=context, order=25)


@hooks.register(MENTOR_LINK_HOOK)
def mentor_growth_link():
    return MenteeLink(_("Mentor's growth"), "growth_mentor")
