"""Choosers of people for the pair form: mentors, mentees and curators, each its own list.

Instead of three plain lists of everyone, HR picks from a searchable, paginated list of
the people who hold the role and are still with the company.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from mentoring import pairing
from mentoring.models import Participant, Plant


class PeopleFilterForm(BaseFilterForm):
    """Search by surname, name or personnel number; filter by plant."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Surname or personnel number")}),
    )
    plant = forms.ModelChoiceField(
        label=_("Plant"), queryset=Plant.objects.all(), required=False, empty_label=_("All")
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            condition = Q(personnel_number__iexact=query)
            for word in query.split()[:3]:
                condition |= Q(user__last_name__icontains=word) | Q(
                    user__first_name__icontains=word
                )
            objects = objects.filter(condition)
        if self.cleaned_data.get("plant"):
            objects = objects.filter(plant=self.cleaned_data["plant"])
        return objects


class PeopleColumnsMixin:
    filter_form_class = PeopleFilterForm
    per_page = 20

    @property
    def columns(self):
        return [
            self.title_column,
            Column("position", label=_("Position")),
            Column("department", label=_("Department")),
            Column("personnel_number", label=_("Personnel number")),
        ]


class PeopleChooseView(PeopleColumnsMixin, ChooseView):
    pass


class PeopleChooseResultsView(PeopleColumnsMixin, ChooseResultsView):
    pass


class PeopleChooserViewSet(ChooserViewSet):
    model = Participant
    icon = "user"
    register_widget = False
    choose_view_class = PeopleChooseView
    choose_results_view_class = PeopleChooseResultsView

    def people(self):
        raise NotImplementedError

    def get_object_list(self):
        return (
            self.people()
            .filter(left_company_on__isnull=True, user__is_active=True)
            .select_related("user", "department__plant")
            .order_by("user__last_name", "user__first_name", "pk")
        )


class MentorChooserViewSet(PeopleChooserViewSet):
    """Mentors: the mentor role given by HR, or an accepted nomination."""

    choose_one_text = _("Choose a mentor")
    choose_another_text = _("Choose another mentor")

    def people(self):
        return pairing.mentors()


class MenteeChooserViewSet(PeopleChooserViewSet):
    choose_one_text = _("Choose a mentee")
    choose_another_text = _("Choose another mentee")

    def people(self):
        return pairing.mentees()


class CuratorChooserViewSet(PeopleChooserViewSet):
    """Anyone still with the company: HR appoints a curator by assigning them to a pair, and
    the assignment gives the curator role (:mod:`mentoring.role_changes`)."""

    choose_one_text = _("Choose a curator")
    choose_another_text = _("Choose another curator")

    def people(self):
        return Participant.objects.all()


class ParticipantChooserViewSet(PeopleChooserViewSet):
    """Anyone still with the company, e.g. to record a consent given on paper."""

    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")

    def people(self):
        return Participant.objects.all()


participant_chooser = ParticipantChooserViewSet("participant_chooser", url_prefix="choose/person")
mentor_chooser = MentorChooserViewSet("mentor_chooser", url_prefix="choose/mentor")
mentee_chooser = MenteeChooserViewSet("mentee_chooser", url_prefix="choose/mentee")
curator_chooser = CuratorChooserViewSet("curator_chooser", url_prefix="choose/curator")
