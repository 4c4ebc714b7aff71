"""The programme of one cycle, week by week, as HR publishes it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import limits
from curricula.blocks import CurriculumStreamBlock
from curricula.models.printable import PrintablePageMixin


class CurriculumPage(PrintablePageMixin, Page):
    """One cycle's curriculum: the kickoff meeting and the weeks with their modules,
    materials and tools. HR edits it; the «Проверка HR» workflow reviews it."""

    cycle_name = models.CharField(_("cycle"), max_length=200, blank=True)
    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)
    kickoff = RichTextField(
        _("Kickoff meeting"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    weeks = StreamField(CurriculumStreamBlock(), verbose_name=_("Weeks"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("cycle_name"),
        FieldPanel("intro"),
        FieldPanel("kickoff"),
        FieldPanel("weeks"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    pdf_template = "curricula/pdf/curriculum.html"
    pdf_cacheable = True

    class Meta:
        verbose_name = _("Curriculum")
        verbose_name_plural = _("Curricula")
