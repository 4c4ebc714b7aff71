"""The programme's paperwork in the Wagtail admin.

* consent texts and document templates HR edits: editing a version that people already
  agreed to, or that a document was made from, saves a new version instead;
* the register of consent records, where HR records a consent given or withdrawn on paper
  on the person's behalf (records are never edited or deleted);
* the mentors' addenda (drafted → signed → ended) and the pairs' agreements, with PDFs;
* the production calendar's corrections.
"""

from django import forms
from django.contrib import messages
from django.db.models import Max
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from cms import wording
from cms.params import db_id
from mentoring import addenda, consent_documents, workdays
from mentoring.admin_choosers import participant_chooser
from mentoring.models import (
    CalendarDay,
    ConsentKind,
    ConsentRecord,
    ConsentText,
    DocumentTemplate,
    MentoringAddendum,
    Pair,
    PairAgreement,
)


class LinkColumn(Column):
    """A column with one link per row, e.g. to a document's PDF."""

    def __init__(self, name, url_name, text, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.text = text

    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse(self.url_name, args=[instance.pk]), self.text
        )


# --- versioned texts ---------------------------------------------------------------------


def _is_used(instance):
    if isinstance(instance, ConsentText):
        return instance.records.exists()
    return instance.is_used()


class VersionedTextForm(WagtailAdminModelForm):
    """The kind of a text is fixed once written; a version number is given on saving."""

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if self.instance.pk and kind != type(self.instance).objects.get(pk=self.instance.pk).kind:
            raise forms.ValidationError(
                _("The kind of a text cannot change: write a new text of the other kind.")
            )
        return kind


def _next_version(model, kind):
    return (model.objects.filter(kind=kind).aggregate(n=Max("version"))["n"] or 0) + 1


class VersionedCreateView(CreateView):
    def save_instance(self):
        instance = self.form.instance
        instance.version = _next_version(type(instance), instance.kind)
        if hasattr(instance, "created_by_id"):
            instance.created_by = self.request.user
        return super().save_instance()


class VersionedEditView(EditView):
    """Saving a version in use creates the next version; the one in use stays as it was."""

    def save_instance(self):
        instance = self.form.instance
        model = type(instance)
        original = model.objects.get(pk=instance.pk)
        if not _is_used(original):
            return super().save_instance()
        instance.pk = None
        instance.id = None
        instance._state.adding = True
        instance.version = _next_version(model, instance.kind)
        if hasattr(instance, "created_by_id"):
            instance.created_by = self.request.user
        instance.save()
        log(instance=instance, action="wagtail.create", user=self.request.user)
        messages.info(
            self.request,
            _(
                "People have already agreed to (or documents were made from) version "
                "%(old)s, so it stays as it was; your text is saved as version %(new)s."
            )
            % {"old": original.version, "new": instance.version},
        )
        return instance


class ConsentTextViewSet(ModelViewSet):
    """The wording of each consent, versioned: a record always points at the words seen."""

    model = ConsentText
    icon = "doc-full"
    menu_label = gettext_lazy("Consent texts")
    add_view_class = VersionedCreateView
    edit_view_class = VersionedEditView
    list_display = ["title", "kind", "version", "created_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [FieldPanel("kind"), FieldPanel("title"), FieldPanel("body")],
        base_form_class=VersionedTextForm,
    )


class DocumentTemplateViewSet(ModelViewSet):
    """HR's templates of the agreement's rules and of the addendum, versioned."""

    model = DocumentTemplate
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Document templates")
    add_view_class = VersionedCreateView
    edit_view_class = VersionedEditView
    list_display = ["title", "kind", "version", "created_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("title"),
            FieldPanel(
                "body",
                help_text=gettext_lazy(
                    "Placeholders: {{ mentor }}, {{ mentee }}, {{ curator }}, {{ cycle }}, "
                    "{{ every_days }}, {{ format }} (agreement rules); {{ number }}, {{ date }}, "
                    "{{ mentor_position }}, {{ personnel_number }}, {{ department }}, "
                    "{{ plant }}, {{ mentee_position }}, {{ starts_on }}, {{ ends_on }}, "
                    "{{ form }}, {{ duties }}, {{ pay_basis }} (addendum)."
                ),
            ),
        ],
        base_form_class=VersionedTextForm,
    )


# --- consent records -----------------------------------------------------------------------


class PaperConsentForm(WagtailAdminModelForm):
    """HR records a consent the person gave or withdrew on paper, with the paper's date."""

    given = forms.TypedChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("1", gettext_lazy("consent given")), ("0", gettext_lazy("consent withdrawn"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ConsentRecord
        fields = ["participant", "kind", "given", "cycle", "signed_on"]
        widgets = {"participant": participant_chooser.widget_class}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (kind.value, kind.label) for kind in consent_documents.DOCUMENT_KINDS
        ]
        self.fields["signed_on"].required = True

    def clean(self):
        data = super().clean()
        if data.get("cycle") and data.get("kind") != ConsentKind.MENTORING:
            self.add_error("cycle", _("Only the consent to mentor is given for one cycle."))
        return data


class RecordConsentView(CreateView):
    success_message = gettext_lazy("Recorded: %(object)s.")

    def save_instance(self):
        data = self.form.cleaned_data
        entry = consent_documents.change(
            data["participant"],
            data["kind"],
            data["given"],
            by=self.request.user,
            way=ConsentRecord.Way.PAPER,
            cycle=data.get("cycle"),
            signed_on=data["signed_on"],
        )
        log(instance=entry, action="wagtail.create", user=self.request.user)
        messages.info(self.request, entry.effect)
        return entry

    def get_success_buttons(self):
        return []


class ConsentRecordViewSet(ModelViewSet):
    """The register of consents; HR records paper consents, nobody edits or deletes one."""

    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = gettext_lazy("Consent records")
    add_view_class = RecordConsentView
    inspect_view_enabled = True
    list_display = [
        "participant",
        "kind",
        "given",
        "way",
        "at",
        LinkColumn(
            "pdf", "consent_record_pdf", gettext_lazy("PDF"), label=gettext_lazy("Document")
        ),
    ]
    list_filter = ["kind", "given", "way"]
    search_fields = ["participant__user__last_name", "participant__personnel_number"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("participant"),
            FieldPanel("kind"),
            FieldPanel("given"),
            FieldPanel("cycle"),
            FieldPanel("signed_on"),
        ],
        base_form_class=PaperConsentForm,
    )

    def get_queryset(self, request):
        return ConsentRecord.objects.select_related("participant__user", "text")


# --- addenda and agreements ----------------------------------------------------------------

CONTENT_FIELDS = ("number", "dated", "starts_on", "ends_on", "form", "duties", "pay_basis")


class AddendumForm(WagtailAdminModelForm):
    """A signed addendum's terms are not edited: only its status and dates move."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["pair"].queryset = Pair.objects.filter(
                status__in=Pair.RUNNING_STATUSES, addendum__isnull=True
            ).select_related("mentor__user", "mentee__user")
        else:
            self.fields["pair"].disabled = True

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            original = MentoringAddendum.objects.get(pk=self.instance.pk)
            if original.status != MentoringAddendum.Status.DRAFTED:
                changed = [f for f in CONTENT_FIELDS if f in self.changed_data]
                for field in changed:
                    self.add_error(
                        field,
                        _("The addendum is signed: its terms change only by a new addendum."),
                    )
        return data


class AddendumCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        pair = Pair.objects.filter(pk=db_id(self.request.GET.get("pair")) or 0).first()
        if pair is not None:
            initial.update(addenda.initial(pair), pair=pair.pk)
        return initial

    def save_instance(self):
        instance = self.form.instance
        instance.template = addenda.current_template()
        instance.created_by = self.request.user
        return super().save_instance()


class AddendumViewSet(ModelViewSet):
    """The mentors' addenda to their employment contracts (Labour Code, art. 351.8)."""

    model = MentoringAddendum
    icon = "doc-full"
    menu_label = gettext_lazy("Mentoring addenda")
    add_view_class = AddendumCreateView
    list_display = [
        "__str__",
        "pair",
        "status",
        "signed_on",
        "ended_on",
        LinkColumn(
            "pdf", "addendum_admin_pdf", gettext_lazy("PDF"), label=gettext_lazy("Document")
        ),
    ]
    filterset_class = wording.labelled_filterset(
        MentoringAddendum, ["status", "pair__cycle"], {"pair__cycle": gettext_lazy("Cycle")}
    )
    search_fields = ["number", "pair__mentor__user__last_name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("pair"),
            FieldRowPanel([FieldPanel("number"), FieldPanel("dated")]),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldPanel("form"),
            FieldPanel("duties"),
            FieldPanel("pay_basis"),
            FieldRowPanel([FieldPanel("status"), FieldPanel("signed_on"), FieldPanel("ended_on")]),
        ],
        base_form_class=AddendumForm,
    )

    def get_queryset(self, request):
        return MentoringAddendum.objects.select_related(
            "pair__mentor__user", "pair__mentee__user", "template"
        )


class AgreementStatusColumn(Column):
    def get_value(self, instance):
        if instance.is_accepted:
            return _("accepted by both")
        if instance.mentor_accepted_at or instance.mentee_accepted_at:
            return _("accepted by one side")
        return _("not accepted")


class AgreementViewSet(ModelViewSet):
    """Which pairs have an agreement both sides accepted. Read only: the pair writes it."""

    model = PairAgreement
    icon = "list-ul"
    menu_label = gettext_lazy("Pair agreements")
    add_to_admin_menu = False
    list_display = [
        "pair",
        "version",
        "created_at",
        "mentor_accepted_at",
        "mentee_accepted_at",
        AgreementStatusColumn("accepted", label=gettext_lazy("Accepted")),
        LinkColumn(
            "pdf", "agreement_admin_pdf", gettext_lazy("PDF"), label=gettext_lazy("Document")
        ),
    ]
    filterset_class = wording.labelled_filterset(
        PairAgreement, ["pair__cycle"], {"pair__cycle": gettext_lazy("Cycle")}
    )
    search_fields = ["pair__mentor__user__last_name", "pair__mentee__user__last_name"]
    search_backend_name = None
    form_fields = []

    def get_queryset(self, request):
        return PairAgreement.objects.select_related("pair__mentor__user", "pair__mentee__user")


# --- production calendar -------------------------------------------------------------------


class LibraryColumn(Column):
    def get_value(self, instance):
        working = workdays.library_is_working_day(instance.day)
        name = workdays.holiday_name(instance.day)
        verdict = _("working day") if working else _("day off")
        return f"{verdict} ({name})" if name else verdict


class CalendarCreateView(CreateView):
    def save_instance(self):
        self.form.instance.changed_by = self.request.user
        return super().save_instance()


class CalendarEditView(EditView):
    def save_instance(self):
        self.form.instance.changed_by = self.request.user
        return super().save_instance()


class CalendarDayViewSet(ModelViewSet):
    """HR's corrections to the production calendar; they win over the library's calendar."""

    model = CalendarDay
    icon = "date"
    menu_label = gettext_lazy("Production calendar")
    add_view_class = CalendarCreateView
    edit_view_class = CalendarEditView
    list_display = [
        "day",
        "is_working",
        "note",
        LibraryColumn("library", label=gettext_lazy("By the library calendar")),
        "changed_by",
    ]
    form_fields = ["day", "is_working", "note"]
