"""The digital-tool catalogue (pages) and, later, mastery records."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class ToolIndexPage(Page):
    """The catalogue of digital tools the programme teaches."""

    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["skills.ToolPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Tool catalogue")
        verbose_name_plural = _("Tool catalogues")


class ToolPage(Page):
    """One digital tool with its guide: what a mentee learns and a mentor teaches."""

    short_description = models.CharField(_("Short description"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("short_description")]
    search_fields = [*Page.search_fields, index.SearchField("short_description")]
    parent_page_types = ["skills.ToolIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Digital tool")
        verbose_name_plural = _("Digital tools")
