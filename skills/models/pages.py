"""Catalogue pages: the index with its filters and one page per digital tool."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import limits
from cms.params import clean_text
from skills.blocks import GuideStreamBlock, UseCaseStreamBlock

CATALOGUE_PAGE_SIZE = 12


class ToolCategory(models.Model):
    """A family of tools (BI, ERP and MES, …): the catalogue's main filter, edited by HR."""

    invalidates_fragments = True  # published pages show it: see cms.generations

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True, max_length=limits.TEXT)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tool category")
        verbose_name_plural = _("tool categories")

    def __str__(self):
        return self.name


class Difficulty(models.IntegerChoices):
    BASIC = 1, _("basic")
    INTERMEDIATE = 2, _("intermediate")
    ADVANCED = 3, _("advanced")


class ToolPageTag(TaggedItemBase):
    """Tags of tool pages, kept apart from other apps' tags so each app owns its table."""

    content_object = ParentalKey(
        "skills.ToolPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tag of a tool")
        verbose_name_plural = _("tags of tools")


class ToolIndexPage(Page):
    """The catalogue of digital tools the programme teaches, with filters and pages."""

    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["skills.ToolPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Tool catalogue")
        verbose_name_plural = _("Tool catalogues")

    def filtered_tools(self, params):
        """Live tools under this index filtered by category slug, tag slug and difficulty."""
        tools = (
            ToolPage.objects.child_of(self)
            .live()
            .select_related("category", "logo")
            .prefetch_related("tags", "logo__renditions")
            .order_by("title")
        )
        filters = {}
        if category := clean_text(params.get("category"), 255):
            tools = tools.filter(category__slug=category)
            filters["category"] = category
        if tag := clean_text(params.get("tag"), 100):
            tools = tools.filter(tags__slug=tag)
            filters["tag"] = tag
        difficulty = params.get("difficulty")
        if difficulty in {str(v) for v in Difficulty.values}:
            tools = tools.filter(difficulty=int(difficulty))
            filters["difficulty"] = difficulty
        return tools, filters

    def get_context(self, request, *args, **kwargs):
        """The filters, and the listing as a lazy object: the template caches what it renders
        from it per filters and page (``cms.generations``), so a warm page runs no query."""
        context = super().get_context(request, *args, **kwargs)
        tools, filters = self.filtered_tools(request.GET)
        number = request.GET.get("page") or "1"
        number = number if number.isdigit() and len(number) <= 6 else "1"

        def listing():
            page_obj = Paginator(tools, CATALOGUE_PAGE_SIZE).get_page(number)
            return {
                "page_obj": page_obj,
                "tools": page_obj.object_list,
                "categories": ToolCategory.objects.all(),
                "tags": Tag.objects.filter(skills_toolpagetag_items__content_object__live=True)
                .distinct()
                .order_by("name"),
            }

        context.update(
            {
                "listing": SimpleLazyObject(listing),
                "filters": filters,
                "filter_query": urlencode(filters),
                "page_number": number,
                "difficulties": Difficulty.choices,
            }
        )
        return context


class ToolPage(RoutablePageMixin, Page):
    """One digital tool with its guide: what a mentee learns and a mentor teaches.

    Related tracks and materials are not stored here: content of upper apps points at the
    tool, and the page lists what points at it (see :meth:`related_content`).
    """

    short_description = models.CharField(_("Short description"), max_length=300, blank=True)
    category = models.ForeignKey(
        ToolCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tools",
    )
    vendor = models.CharField(_("vendor"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.BASIC
    )
    tags = ClusterTaggableManager(through=ToolPageTag, blank=True, verbose_name=_("tags"))
    use_cases = StreamField(
        UseCaseStreamBlock(), verbose_name=_("shop-floor use cases"), blank=True
    )
    guide = StreamField(GuideStreamBlock(), verbose_name=_("step-by-step guide"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("vendor"),
                FieldPanel("logo"),
                FieldPanel("difficulty"),
                FieldPanel("tags"),
            ],
            heading=_("About the tool"),
        ),
        FieldPanel("use_cases"),
        FieldPanel("guide"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("vendor"),
        index.SearchField("guide"),
        index.FilterField("difficulty"),
        index.RelatedFields("category", [index.SearchField("name")]),
    ]
    parent_page_types = ["skills.ToolIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Digital tool")
        verbose_name_plural = _("Digital tools")

    def related_content(self):
        """Live pages of other apps that point at this tool, grouped by their type.

        Found through reverse relations so that ``skills`` never imports the apps above it;
        one query per kind of related page, whatever their number.
        """
        groups = []
        for rel in self._meta.related_objects:
            model = rel.related_model
            if not (isinstance(model, type) and issubclass(model, Page)):
                continue
            if model is ToolPage or rel.field.model is not model:
                continue
            pages = list(
                model.objects.live()
                .filter(**{rel.field.name: self})
                .distinct()
                .order_by("title")[:20]
            )
            if pages:
                groups.append((model._meta.verbose_name_plural, pages))
        return groups

    def get_context(self, request, *args, **kwargs):
        from skills.pages_context import tool_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(tool_page_context(self, request))
        return context

    @path("pdf/")
    def pdf(self, request):
        """The quick card: one A4 page to pin next to the workstation."""
        from cms.pdf import render_pdf

        context = {"page": self, "self": self, "request": request}
        return render_pdf(request, "skills/tool_card_pdf.html", context, self.title)
