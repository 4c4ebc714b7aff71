"""Training tracks: the preparation programmes for mentors, mentees and curators."""

from django.db import models
from django.db.models import Sum
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import limits
from curricula.blocks import LearningStreamBlock
from curricula.models.printable import PrintablePageMixin


class Audience(models.TextChoices):
    """Who a track or a material is written for."""

    MENTOR = "mentor", _("Mentors")
    MENTEE = "mentee", _("Mentees")
    CURATOR = "curator", _("Curators")
    EVERYONE = "everyone", _("Everyone")


class TrackIndexPage(Page):
    """The list of training tracks, grouped by audience."""

    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curricula.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Track list")
        verbose_name_plural = _("Track lists")

    def get_context(self, request, *args, **kwargs):
        from curricula.progress import progress_by_track

        context = super().get_context(request, *args, **kwargs)
        tracks = list(TrackPage.objects.live().child_of(self).order_by("path"))
        progress = progress_by_track(request.user, tracks)
        groups = []
        for value, label in Audience.choices:
            items = [(t, progress[t.pk]) for t in tracks if t.audience == value]
            if items:
                groups.append((label, items))
        context["groups"] = groups
        return context


class TrackPage(PrintablePageMixin, Page):
    """A training track: a goal, what the reader will be able to do, and ordered modules.

    The printed track is the participant's handbook (cover, contents, every module).
    """

    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)
    goal = models.TextField(_("Goal"), blank=True, max_length=limits.TEXT)
    outcomes = models.TextField(
        _("Learning outcomes"),
        blank=True,
        help_text=_("One outcome per line."),
        max_length=limits.TEXT,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("goal"),
        FieldPanel("outcomes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("goal"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["curricula.TrackIndexPage"]
    subpage_types = ["curricula.ModulePage"]
    pdf_template = "curricula/pdf/track.html"
    pdf_cacheable = True

    class Meta:
        verbose_name = _("Track")
        verbose_name_plural = _("Tracks")

    @property
    def outcome_list(self):
        return [line.strip(" -•\t") for line in self.outcomes.splitlines() if line.strip()]

    def modules(self):
        return ModulePage.objects.live().child_of(self).order_by("path")

    def pdf_versions(self):
        """The track and every live module: the handbook prints them all."""
        modules = self.modules().values_list("pk", "live_revision_id")
        return [(self.pk, self.live_revision_id), *modules]

    @property
    def total_minutes(self):
        return self.modules().aggregate(total=Sum("duration_minutes"))["total"] or 0

    def get_context(self, request, *args, **kwargs):
        from curricula.progress import done_module_ids

        context = super().get_context(request, *args, **kwargs)
        modules = list(self.modules())
        done = done_module_ids(request.user, modules)
        context.update(
            modules=modules,
            done_ids=done,
            done_count=len(done),
            total_minutes=sum(m.duration_minutes for m in modules),
            percent=round(100 * len(done) / len(modules)) if modules else 0,
        )
        return context


class ModulePage(PrintablePageMixin, Page):
    """One module of a track: what to read, watch, try and discuss, with its duration."""

    intro = models.TextField(_("Introduction"), blank=True, max_length=limits.TEXT)
    duration_minutes = models.PositiveIntegerField(_("duration, minutes"), default=30)
    body = StreamField(LearningStreamBlock(), verbose_name=_("Body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["curricula.TrackPage"]
    subpage_types = []
    pdf_template = "curricula/pdf/module.html"
    pdf_cacheable = True

    class Meta:
        verbose_name = _("Module")
        verbose_name_plural = _("Modules")

    def get_context(self, request, *args, **kwargs):
        from curricula.progress import done_module_ids

        context = super().get_context(request, *args, **kwargs)
        track = self.get_parent().specific
        siblings = list(ModulePage.objects.live().sibling_of(self).order_by("path"))
        index_ = next((i for i, m in enumerate(siblings) if m.pk == self.pk), 0)
        done = done_module_ids(request.user, siblings)
        context.update(
            track=track,
            position=index_ + 1,
            module_count=len(siblings),
            previous_module=siblings[index_ - 1] if index_ > 0 else None,
            next_module=siblings[index_ + 1] if index_ + 1 < len(siblings) else None,
            is_done=self.pk in done,
            done_count=len(done),
        )
        return context

    @path("done/", name="mark_done")
    def mark_done(self, request):
        return _mark_done(request, self)


@require_POST
def _mark_done(request, module):
    """POST only; marking twice keeps the first date (idempotent)."""
    from curricula.progress import mark_done

    mark_done(request.user, module)
    target = request.POST.get("next")
    if target == "next":
        following = ModulePage.objects.live().sibling_of(module, inclusive=False)
        following = following.filter(path__gt=module.path).order_by("path").first()
        if following is not None:
            return redirect(following.url)
    return redirect(module.url)
