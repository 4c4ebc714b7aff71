"""Competencies in the admin, and what mentor growth adds to the programme's pages: a `/my/`
section, a link from the curator's desk and the HR results."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from growth import results, services
from growth.models import Competency, CompetencyEvent
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


@hooks.register("before_delete_snippet")
def keep_competencies_with_history(request, instances):
    """People's growth history refers to a competency: it is taken out of use, not deleted."""
    used = [i for i in instances if isinstance(i, Competency)]
    if used and CompetencyEvent.objects.filter(competency__in=used).exists():
        messages.error(
            request,
            gettext(
                "People have growth records in this competency, so it cannot be deleted. "
                "Uncheck «in use» instead: the history is kept."
            ),
        )
        return redirect("wagtailsnippets_growth_competency:edit", used[0].pk)
    return None


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
