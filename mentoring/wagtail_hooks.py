"""The programme in the Wagtail admin: cycles, pairs, people, nominations, ideas, imports."""

from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from mentoring import access
from mentoring.admin_forms import NominationAdminForm, PairAdminForm
from mentoring.models import Cycle, Idea, Nomination, Pair, Participant
from mentoring.views import admin_import, admin_pairs


class CycleViewSet(ModelViewSet):
    name = "cycles"
    model = Cycle
    icon = "date"
    menu_label = _("Cycles")
    list_display = ["name", "starts_on", "ends_on", "status", "meeting_format"]
    list_filter = ["status", "plants"]
    search_fields = ["name"]
    search_backend_name = None
    list_export = ["name", "starts_on", "ends_on", "status", "meeting_format", "meeting_every_days"]
    export_filename = "cycles"
    form_fields = [
        "name",
        "starts_on",
        "ends_on",
        "status",
        "plants",
        "meeting_format",
        "meeting_every_days",
    ]


class TransitionColumn(Column):
    """Links to the lifecycle steps that make sense from the pair's current status."""

    def get_value(self, instance):
        links = [
            (reverse("pair_transition", args=[instance.pk, status.value]), status.label)
            for status in instance.allowed_transitions()
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links) or "—"


class PairViewSet(ModelViewSet):
    """Pairs; the status field moves the pair through its lifecycle (nonsense refused)."""

    name = "pairs"
    model = Pair
    icon = "group"
    menu_label = _("Pairs")
    list_display = [
        "__str__",
        "cycle",
        "curator",
        "status",
        "started_on",
        TransitionColumn("transitions", label=_("Move to")),
    ]
    list_filter = ["status", "cycle", "mentee__plant"]
    search_fields = [
        "mentor__user__last_name",
        "mentee__user__last_name",
        "curator__user__last_name",
    ]
    search_backend_name = None
    list_export = ["mentor", "mentee", "curator", "cycle", "status", "started_on", "ended_on"]
    export_filename = "pairs"
    edit_handler = ObjectList(
        [
            FieldPanel("cycle"),
            FieldRowPanel([FieldPanel("mentor"), FieldPanel("mentee"), FieldPanel("curator")]),
            MultiFieldPanel(
                [
                    FieldPanel(
                        "status",
                        help_text=_(
                            "Proposed → active ⇄ paused → completed; ended early needs a reason."
                        ),
                    ),
                    FieldPanel("end_reason"),
                    FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
                    FieldPanel("rematch_of"),
                ],
                heading=_("Lifecycle"),
            ),
        ],
        base_form_class=PairAdminForm,
    )


class ParticipantViewSet(ModelViewSet):
    name = "participants"
    model = Participant
    icon = "user"
    menu_label = _("Participants")
    list_display = ["__str__", "personnel_number", "plant", "department", "position"]
    list_filter = ["plant", "department", "left_company_on"]
    search_fields = ["user__last_name", "user__first_name", "personnel_number", "user__email"]
    search_backend_name = None
    list_export = ["__str__", "personnel_number", "plant", "department", "position"]
    export_filename = "participants"
    form_fields = ["personnel_number", "plant", "department", "position", "left_company_on"]


class NominationViewSet(ModelViewSet):
    """HR reviews nominations: accept, decline or waiting list (the nominee is e-mailed)."""

    name = "nominations"
    model = Nomination
    icon = "pick"
    menu_label = _("Nominations")
    list_display = ["nominee", "kind", "nominator", "status", "created_at"]
    list_filter = ["status", "kind", "cycle"]
    search_fields = ["nominee__user__last_name", "nominator__user__last_name"]
    search_backend_name = None
    list_export = [
        "nominee",
        "kind",
        "nominator",
        "status",
        "digital_literacy",
        "systems_thinking",
        "expertise",
        "communication",
        "motivation",
        "created_at",
    ]
    export_filename = "nominations"
    edit_handler = ObjectList(
        [
            FieldPanel("kind", read_only=True),
            FieldPanel("nominee", read_only=True),
            FieldPanel("nominator", read_only=True),
            FieldRowPanel(
                [
                    FieldPanel("digital_literacy", read_only=True),
                    FieldPanel("systems_thinking", read_only=True),
                    FieldPanel("expertise", read_only=True),
                    FieldPanel("communication", read_only=True),
                    FieldPanel("motivation", read_only=True),
                ],
                heading=_("Competencies"),
            ),
            FieldPanel("tools", read_only=True),
            FieldPanel("statement", read_only=True),
            FieldPanel("cycle"),
            FieldPanel("status"),
            FieldPanel("hr_comment"),
        ],
        base_form_class=NominationAdminForm,
    )


class IdeaViewSet(ModelViewSet):
    name = "ideas"
    model = Idea
    icon = "help"
    menu_label = _("Ideas")
    list_display = ["title", "author", "status", "implemented_on", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "description"]
    search_backend_name = None
    list_export = ["title", "author", "status", "effect", "implemented_on", "created_at"]
    export_filename = "ideas"
    form_fields = ["title", "description", "status", "effect", "implemented_on"]


class ProgrammeViewSetGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 250
    items = (CycleViewSet, PairViewSet, ParticipantViewSet, NominationViewSet, IdeaViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ProgrammeViewSetGroup()


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("participant-import/", admin_import.upload, name="participant_import"),
        path("participant-import/<int:pk>/", admin_import.job, name="participant_import_job"),
        path("programme-mail/", admin_import.mass_mail, name="programme_mass_mail"),
        path(
            "pairs/<int:pk>/transition/<str:status>/",
            admin_pairs.transition,
            name="pair_transition",
        ),
    ]


class HRAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_hr_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return HRAdminMenuItem(
        _("Import participants"), reverse("participant_import"), icon_name="upload", order=260
    )


@hooks.register("register_admin_menu_item")
def register_mass_mail_menu_item():
    return HRAdminMenuItem(
        _("Programme e-mail"), reverse("programme_mass_mail"), icon_name="mail", order=261
    )
