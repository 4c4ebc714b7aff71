"""The site's root page and the plain pages for rules, principles and FAQ."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import limits, structure
from cms.blocks import BaseStreamBlock
from curricula.models.printable import PrintablePageMixin


class PrincipleBlock(blocks.StructBlock):
    """One principle of the programme, shown as a card on the home page."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "pick"
        label = _("Principle")
        template = "home/blocks/principle.html"
        description = _("A principle of the programme with a short explanation")
        preview_value = {
            "title": "Конфиденциальность",
            "text": "Заметки встреч видит только пара.",
        }


class HomePage(Page):
    """The entry to the site: a door per role, the programme's principles and what is new.

    One per site; everything else hangs below it.
    """

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])
    principles = StreamField(
        [("principle", PrincipleBlock())], verbose_name=_("Principles"), blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("principles")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")

    def route(self, request, path_components):
        """Find the deepest page on the path at once, not with two queries per level.

        Wagtail descends one level at a time (a child by slug, then its specific object);
        a tool's PDF five levels down cost ten queries before the page itself. The pages'
        ``url_path`` already holds the whole path, so the deepest page whose ``url_path``
        is a prefix of the request is found at once (which page that is, is remembered
        until content changes: :func:`cms.structure.deepest_page`), and routes the rest
        itself (a routable page's ``pdf/``, or Wagtail's 404 for a missing child).
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        found = structure.deepest_page(prefixes, self.depth)
        if found is None:
            return super().route(request, path_components)
        consumed = found.depth - self.depth
        return found.route(request, path_components[consumed:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["whats_new"] = (
            structure.public(Page.objects.live())
            .descendant_of(self)
            .exclude(depth__lte=self.depth + 1)
            .specific(defer=True)
            .order_by("-last_published_at")[:6]
        )
        # The rules and FAQ pages right under the home page; nothing else links to them.
        context["info_pages"] = structure.public(
            StandardPage.objects.child_of(self).live()
        ).order_by("path")
        return context


class StandardPage(PrintablePageMixin, Page):
    """A plain page for the programme's rules, principles explained and FAQ; printable at
    ``<page url>pdf/`` like the other content pages."""

    pdf_template = "home/pdf/standard_page.html"

    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Standard page")
        verbose_name_plural = _("Standard pages")
