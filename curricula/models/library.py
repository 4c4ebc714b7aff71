"""The content library: ready-made materials mentors take into their sessions."""

from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import generations, limits
from cms.params import clean_text
from curricula.blocks import LearningStreamBlock
from curricula.models.printable import PrintablePageMixin
from curricula.models.tracks import Audience
from skills.models import ToolPage

MATERIALS_PER_PAGE = 12


class LibraryIndexPage(Page):
    """The library listing with filters that combine and live in the URL."""

    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curricula.MaterialPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Content library")
        verbose_name_plural = _("Content libraries")

    def get_context(self, request, *args, **kwargs):
        """The filter form and one page of materials. A page of cards for a set of filters
        is kept rendered in the shared cache (``cms.generations``), in the reader's language,
        and the template caches the form it renders, so a warm page reads no material at
        all, whatever the library's size; the «add to plan» picker is the reader's own and
        never cached."""
        from curricula.filters import LibraryFilterForm
        from curricula.plans import plans_for_picker

        context = super().get_context(request, *args, **kwargs)
        form = LibraryFilterForm(request.GET or None)
        filters = {
            name: clean_text(request.GET.get(name), 100)
            for name in form.fields
            if request.GET.get(name)
        }
        number = request.GET.get("page") or "1"
        number = number if number.isdigit() and len(number) <= 6 else "1"
        query = urlencode(filters)

        def find():
            materials = form.filter(MaterialPage.objects.live().child_of(self)).order_by("title")
            ids = materials.values_list("pk", flat=True)
            found = Paginator(ids, MATERIALS_PER_PAGE).get_page(number)
            return {
                "count": found.paginator.count,
                "number": found.number,
                "cards": self._cards(list(found), query, request),
            }

        found = generations.cached("library", find, self.pk, query, number, get_language())
        # The paginator counts a range, not the materials: the count is already known.
        pages = Paginator(range(found["count"]), MATERIALS_PER_PAGE)
        context.update(
            filter_form=form,
            materials=DjangoPage(found["cards"], found["number"], pages),
            result_count=found["count"],
            filter_query=query,
            my_plans=plans_for_picker(request.user),
        )
        return context

    @staticmethod
    def _cards(ids, query, request):
        """The cards of the materials ``ids``, in that order, rendered (the same for every
        reader: title, kind, tools, tags)."""
        # the cards show titles and short fields: no page's StreamField is read
        tools = Prefetch("tools", queryset=ToolPage.objects.defer_streamfields())
        by_id = (
            MaterialPage.objects.filter(pk__in=ids)
            .defer_streamfields()
            .prefetch_related(tools, "tags")
        )
        by_id = {material.pk: material for material in by_id}
        return [
            MaterialCard(
                pk,
                by_id[pk].title,
                render_to_string(
                    "curricula/includes/material_card.html",
                    {"material": by_id[pk], "url": by_id[pk].get_url(request), "query": query},
                ),
            )
            for pk in ids
            if pk in by_id
        ]


class MaterialCard(NamedTuple):
    """A material as the library lists it: its card, rendered once for every reader."""

    pk: int
    title: str
    html: str


class MaterialTag(TaggedItemBase):
    """The through model of the topic tags of a material."""

    content_object = ParentalKey(
        "curricula.MaterialPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("topic tag of a material")
        verbose_name_plural = _("topic tags of materials")


class MaterialPage(PrintablePageMixin, Page):
    """One library material: an exercise, question bank, meeting template, checklist, case
    or handout, with who it is for, how long it takes and which tools it serves."""

    class Kind(models.TextChoices):
        EXERCISE = "exercise", _("Exercise")
        QUESTION_BANK = "questions", _("Question bank")
        MEETING_TEMPLATE = "template", _("Meeting template")
        CHECKLIST = "checklist", _("Checklist")
        CASE = "case", _("Case")
        HANDOUT = "handout", _("Handout")

    class Format(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        PAIR = "pair", _("In a pair")
        GROUP = "group", _("In a group")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.PAIR
    )
    duration_minutes = models.PositiveIntegerField(_("duration, minutes"), default=15)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.MENTOR
    )
    summary = models.TextField(_("Summary"), blank=True, max_length=limits.TEXT)
    body = StreamField(LearningStreamBlock(), verbose_name=_("Body"), blank=True)
    tools = ParentalManyToManyField(
        "skills.ToolPage", blank=True, related_name="materials", verbose_name=_("digital tools")
    )
    tags = ClusterTaggableManager(through=MaterialTag, blank=True, verbose_name=_("topics"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("format"),
                FieldPanel("duration_minutes"),
                FieldPanel("audience"),
                FieldPanel("tools", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("How to use it"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["curricula.LibraryIndexPage"]
    subpage_types = []
    pdf_template = "curricula/pdf/material.html"
    pdf_cacheable = True

    class Meta:
        verbose_name = _("Library material")
        verbose_name_plural = _("Library materials")

    def get_context(self, request, *args, **kwargs):
        from curricula.plans import plans_for_picker

        context = super().get_context(request, *args, **kwargs)
        context["my_plans"] = plans_for_picker(request.user)
        return context
