"""Admin for the catalogue's snippets, a read-only view of the mastery history, and what
skills add to the programme's pages (the `/my/` section, mentee links, HR results, signals)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mentoring.agreements import AGREEMENT_DEFAULTS_HOOK
from mentoring.dashboard import DASHBOARD_SECTION_HOOK, MENTEE_LINK_HOOK, MenteeLink
from mentoring.health import SIGNALS_HOOK
from mentoring.personal_data import ANONYMISE_HOOK, PERSONAL_DATA_HOOK
from mentoring.results import RESULTS_HOOK
from skills import admin_views, contributions, personal_data
from skills.models import MasteryEvent, SkillLevel, ToolCategory, ToolPage

hooks.register(DASHBOARD_SECTION_HOOK, contributions.my_skills_section)
hooks.register(RESULTS_HOOK, contributions.results)
hooks.register(SIGNALS_HOOK, contributions.stalled_goals)
hooks.register(AGREEMENT_DEFAULTS_HOOK, contributions.agreement_defaults)
hooks.register(PERSONAL_DATA_HOOK, personal_data.sections)
hooks.register(ANONYMISE_HOOK, personal_data.anonymise)


@hooks.register("register_admin_urls")
def register_matching_url():
    return [path("matching/", admin_views.matching_view, name="pair_matching")]


class AddPairMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("mentoring.add_pair")


@hooks.register("register_admin_menu_item")
def register_matching_menu_item():
    return AddPairMenuItem(
        _("Matching mentors"), reverse("pair_matching"), icon_name="group", order=255
    )


@hooks.register(MENTEE_LINK_HOOK)
def skills_of_mentee():
    return MenteeLink(_("Skills"), "skills_person")


class ToolCategoryViewSet(SnippetViewSet):
    model = ToolCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class SkillLevelViewSet(SnippetViewSet):
    model = SkillLevel
    icon = "order"
    list_display = ["value", "code", "label"]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """History is append-only: nobody adds, edits or deletes events in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete", "lock", "unlock", "publish"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class MasteryEventViewSet(SnippetViewSet):
    """Read-only history for whoever holds the view permission (no role group gets it:
    individual records are read in the front end through :mod:`mentoring.access`)."""

    model = MasteryEvent
    icon = "history"
    list_display = ["mastery", "lens", "from_level", "to_level", "recorded_at"]
    inspect_view_enabled = True


class SkillsGroup(SnippetViewSetGroup):
    items = (ToolCategoryViewSet, SkillLevelViewSet, MasteryEventViewSet)
    menu_icon = "pick"
    menu_label = _("Skills")
    menu_name = "skills"


register_permission_policy(MasteryEvent, ReadOnlyPolicy(MasteryEvent))
register_snippet(SkillsGroup)


@hooks.register("before_delete_page")
def keep_tools_with_history(request, page):
    """People's mastery history hangs on tool pages: such a tool is unpublished, not deleted."""
    tools = ToolPage.objects.descendant_of(page, inclusive=True)
    if MasteryEvent.objects.filter(mastery__tool__in=tools).exists():
        messages.error(
            request,
            gettext(
                "People have skill history in this tool, so it cannot be deleted. "
                "Unpublish it instead: the history is kept and the tool leaves the catalogue."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
