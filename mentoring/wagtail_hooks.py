"""The programme in the Wagtail admin: cycles, pairs, people, nominations, ideas, imports."""

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from cms import wording
from mentoring import access, admin_paperwork, audit, consents, hours, invitations, role_changes
from mentoring.admin_choosers import (
    curator_chooser,
    mentee_chooser,
    mentor_chooser,
    participant_chooser,
)
from mentoring.admin_forms import NominationAdminForm, PairAdminForm, ParticipantAdminForm
from mentoring.dashboard import DASHBOARD_SECTION_HOOK, DashboardSection
from mentoring.models import ConsentKind, Cycle, Idea, Nomination, Pair, Participant
from mentoring.roles import Role
from mentoring.views import (
    admin_access_log,
    admin_anonymise,
    admin_documents,
    admin_hours,
    admin_import,
    admin_invitations,
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
    filterset_class = wording.labelled_filterset(
        Pair, ["status", "cycle", "mentee__plant"], {"mentee__plant": _("Mentee's plant")}
    )

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


class RolesColumn(Column):
    """The programme roles a participant holds now (their history is in «History»)."""

    def get_value(self, instance):
        return ", ".join(str(Role(r).label) for r in sorted(instance.roles)) or "—"


class InvitationColumn(Column):
    """«Send again» for a person who has not set a password yet."""

    def get_value(self, instance):
        user = instance.user
        if user.has_usable_password() or not user.email or not user.is_active:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("participant_invite", args=[instance.pk]), _("send")
        )


class LoggedExportIndexView(IndexView):
    """The listing of a viewset whose export carries personal data: every export is logged."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.record_export(
            self.request.user,
            self.model._meta.model_name,
            people=len(queryset) if hasattr(queryset, "__len__") else queryset.count(),
            detail=spreadsheet_format,
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class ParticipantEditView(EditView):
    """The participant's form, with «Anonymise» for a person who left (HR admins)."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if access.is_hr_admin(self.request.user):
            buttons.append(
                Button(
                    _("Anonymise"),
                    url=reverse("participant_anonymise", args=[self.object.pk]),
                    icon_name="bin",
                    priority=30,
                )
            )
        return buttons


class ParticipantViewSet(ModelViewSet):
    """People of the programme; their roles follow the programme (see «History»)."""

    name = "participants"
    model = Participant
    index_view_class = LoggedExportIndexView
    edit_view_class = ParticipantEditView
    icon = "user"
    menu_label = _("Participants")
    list_display = [
        "__str__",
        "personnel_number",
        "plant",
        "department",
        "position",
        RolesColumn("roles", label=_("Roles")),
        InvitationColumn("invitation", label=_("Invitation")),
    ]

    def get_queryset(self, request):
        return Participant.objects.select_related(
            "user", "plant", "department__plant"
        ).prefetch_related("user__groups")

    list_filter = ["plant", "department", "left_company_on"]
    search_fields = ["user__last_name", "user__first_name", "personnel_number", "user__email"]
    search_backend_name = None
    list_export = ["__str__", "personnel_number", "plant", "department", "position"]
    export_filename = "participants"
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("last_name"), FieldPanel("first_name"), FieldPanel("patronymic")],
                heading=_("Name"),
            ),
            FieldPanel("email"),
            FieldPanel("personnel_number"),
            FieldRowPanel([FieldPanel("plant"), FieldPanel("department")]),
            FieldPanel("position"),
            FieldPanel("left_company_on"),
        ],
        base_form_class=ParticipantAdminForm,
    )


class NominationViewSet(ModelViewSet):
    """HR reviews nominations: accept, decline or waiting list (the nominee is e-mailed)."""

    name = "nominations"
    model = Nomination
    index_view_class = LoggedExportIndexView
    icon = "pick"
    menu_label = _("Nominations")
    list_display = ["nominee", "nominee_email", "kind", "nominator", "status", "created_at"]
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
            FieldPanel("nominee_email", read_only=True),
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


class HRAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_hr_admin(request.user)


@hooks.register("register_admin_urls")
def register_access_log_urls():
    return [
        path(
            "participants-anonymise/<id:pk>/",
            admin_anonymise.anonymise,
            name="participant_anonymise",
        ),
        path(
            "personal-data-exports/",
            admin_access_log.ExportsReportView.as_view(),
            name="personal_data_exports",
        ),
        path(
            "personal-data-exports/results/",
            admin_access_log.ExportsReportView.as_view(results_only=True),
            name="personal_data_exports_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_exports_report_menu_item():
    return HRAdminMenuItem(
        _("Exports of personal data"),
        reverse("personal_data_exports"),
        icon_name="download",
        order=720,
    )


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


class RoleChangeFormatter(LogFormatter):
    """«Role “Mentor” given: nomination accepted» in the participant's history."""

    granted = True

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            role = Role(data.get("role")).label
        except ValueError:
            role = data.get("role", "")
        reason = role_changes.REASONS.get(data.get("reason"), data.get("reason", ""))
        template = (
            _("Role “%(role)s” given: %(reason)s")
            if self.granted
            else _("Role “%(role)s” taken away: %(reason)s")
        )
        return template % {"role": role, "reason": reason}


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    @actions.register_action(role_changes.GRANT_ACTION)
    class RoleGranted(RoleChangeFormatter):
        label = _("Programme role given")
        granted = True

    @actions.register_action(role_changes.REVOKE_ACTION)
    class RoleRevoked(RoleChangeFormatter):
        label = _("Programme role taken away")
        granted = False

    actions.register_action(
        invitations.INVITED_ACTION,
        _("Invitation sent"),
        _("Invitation to set a password sent by e-mail"),
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
            "participants/<id:pk>/invite/",
            admin_invitations.resend,
            name="participant_invite",
        ),
        path(
            "pairs/<id:pk>/transition/<str:status>/",
            admin_pairs.transition,
            name="pair_transition",
        ),
    ]


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
