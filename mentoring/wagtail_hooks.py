"""The programme in the Wagtail admin: cycles, pairs, people, nominations, ideas, imports."""

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from mentoring import access, admin_paperwork, consents, hours
from mentoring.admin_choosers import (
    curator_chooser,
    mentee_chooser,
    mentor_chooser,
    participant_chooser,
)
from mentoring.admin_forms import NominationAdminForm, PairAdminForm
from mentoring.dashboard import DASHBOARD_SECTION_HOOK, DashboardSection
from mentoring.models import ConsentKind, Cycle, Idea, Nomination, Pair, Participant
from mentoring.views import (
    admin_documents,
    admin_hours,
    admin_import,
    admin_pair_import,
    admin_pairs,
)


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
        "departments",
        "meeting_format",
        "meeting_every_days",
        "mentor_capacity",
        "preparation_minutes",
    ]


class TransitionColumn(Column):
    """Links to the lifecycle steps that make sense from the pair's current status."""

    def get_value(self, instance):
        links = [
            (reverse("pair_transition", args=[instance.pk, status.value]), status.label)
            for status in instance.allowed_transitions()
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links) or "—"


class AddendumLinkColumn(Column):
    """The mentor's addendum of the pair, or a link to draft it."""

    def get_value(self, instance):
        addendum = getattr(instance, "addendum", None)
        if addendum is not None:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("addenda:edit", args=[addendum.pk]),
                addendum.get_status_display(),
            )
        if instance.status not in Pair.RUNNING_STATUSES:
            return "—"
        return format_html(
            '<a href="{}?pair={}">{}</a>', reverse("addenda:add"), instance.pk, _("draft")
        )


class PairSaveMixin:
    """A rule broken between the form's check and the save (another HR admin was quicker)
    is shown on the form, never as a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)


class PairCreateView(PairSaveMixin, CreateView):
    pass


class PairEditView(PairSaveMixin, EditView):
    pass


class PairViewSet(ModelViewSet):
    """Pairs, formed by the rules of :mod:`mentoring.pairing`; the status field moves the pair
    through its lifecycle (nonsense refused). Mentor, mentee and curator are picked from
    choosers that list only the people holding the role."""

    name = "pairs"
    add_view_class = PairCreateView
    edit_view_class = PairEditView
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
        AddendumLinkColumn("addendum", label=_("Addendum")),
    ]
    list_filter = ["status", "cycle", "mentee__plant"]

    def get_queryset(self, request):
        return Pair.objects.select_related(
            "cycle", "mentor__user", "mentee__user", "curator__user", "addendum"
        )

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
            FieldRowPanel(
                [
                    FieldPanel("mentor", widget=mentor_chooser.widget_class),
                    FieldPanel("mentee", widget=mentee_chooser.widget_class),
                    FieldPanel("curator", widget=curator_chooser.widget_class),
                ]
            ),
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


@hooks.register("register_admin_viewset")
def register_people_choosers():
    return [mentor_chooser, mentee_chooser, curator_chooser, participant_chooser]


class PaperworkViewSetGroup(ViewSetGroup):
    """The documents the law asks for: consents, agreements, addenda, the calendar."""

    menu_label = _("Programme documents")
    menu_icon = "doc-full"
    menu_order = 252
    items = (
        admin_paperwork.ConsentRecordViewSet("consent_records"),
        admin_paperwork.ConsentTextViewSet("consent_texts"),
        admin_paperwork.AddendumViewSet("addenda"),
        admin_paperwork.AgreementViewSet("agreements"),
        admin_paperwork.DocumentTemplateViewSet("document_templates"),
        admin_paperwork.CalendarDayViewSet("production_calendar"),
    )


@hooks.register("register_admin_viewset")
def register_paperwork():
    return PaperworkViewSetGroup()


@hooks.register("register_admin_urls")
def register_paperwork_urls():
    return [
        path(
            "documents/consents/<id:pk>/pdf/",
            admin_documents.consent_record_pdf,
            name="consent_record_pdf",
        ),
        path(
            "documents/addenda/<id:pk>/pdf/",
            admin_documents.addendum_pdf,
            name="addendum_admin_pdf",
        ),
        path(
            "documents/agreements/<id:pk>/pdf/",
            admin_documents.agreement_pdf,
            name="agreement_admin_pdf",
        ),
        path("pair-import/", admin_pair_import.upload, name="pair_import"),
        path("mentoring-hours/", admin_hours.HoursReportView.as_view(), name="mentoring_hours"),
        path(
            "mentoring-hours/results/",
            admin_hours.HoursReportView.as_view(results_only=True),
            name="mentoring_hours_results",
        ),
        path("mentoring-hours/1c.csv", admin_hours.payroll_csv, name="mentoring_hours_csv"),
        path("mentoring-hours/close/", admin_hours.close_month, name="mentoring_hours_close"),
        path("mentoring-hours/reopen/", admin_hours.reopen_month, name="mentoring_hours_reopen"),
        path(
            "mentoring-hours/entries/<id:pk>/",
            admin_hours.adjust_entry,
            name="mentoring_hours_adjust",
        ),
    ]


class HRMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_hr(request.user)


class AddPairMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("mentoring.add_pair")


@hooks.register("register_admin_menu_item")
def register_hours_menu_item():
    return HRMenuItem(_("Mentoring hours"), reverse("mentoring_hours"), icon_name="time", order=253)


@hooks.register("register_admin_menu_item")
def register_pair_import_menu_item():
    return AddPairMenuItem(_("Import pairs"), reverse("pair_import"), icon_name="upload", order=256)


@hooks.register("register_log_actions")
def register_hours_log_actions(actions):
    actions.register_action(
        hours.CLOSE_ACTION,
        _("Close the month of mentoring hours"),
        _("Month of mentoring hours closed"),
    )
    actions.register_action(
        hours.REOPEN_ACTION,
        _("Reopen the month of mentoring hours"),
        _("Month of mentoring hours reopened"),
    )
    actions.register_action(
        hours.ADJUST_ACTION, _("Correct mentoring hours"), _("Mentoring hours corrected")
    )


@hooks.register(DASHBOARD_SECTION_HOOK)
def consents_section(request):
    """`/my/` shows where the person's consents stand and links to «Мои согласия»."""
    me = access.participant_of(request.user)
    if me is None:
        return None
    found = consents.in_force(me)
    personal = found.get(ConsentKind.PERSONAL_DATA)
    mentoring = found.get(ConsentKind.MENTORING)
    return DashboardSection(
        "mentoring/includes/consents_section.html",
        {
            "personal_data": bool(personal and personal.given),
            "mentoring": mentoring,
        },
        order=900,
    )


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("participant-import/", admin_import.upload, name="participant_import"),
        path("participant-import/<id:pk>/", admin_import.job, name="participant_import_job"),
        path("programme-mail/", admin_import.mass_mail, name="programme_mass_mail"),
        path(
            "pairs/<id:pk>/transition/<str:status>/",
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
