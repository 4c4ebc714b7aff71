"""Competencies HR describes, and the evidence of a mentor's growth across a cycle.

Levels use the skills scale (:class:`skills.models.SkillLevel`, 0–4): a level says what a
person does, never a grade. Each competency describes every level in behaviour. The two
lenses — the mentor's own view and the curator's observation — are kept side by side, and
their history is append-only like :class:`skills.models.MasteryEvent`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from skills.models.mastery import AppendOnlyQuerySet, Lens


class Competency(ClusterableModel):
    """A competency of the programme, edited by HR in the Wagtail admin like a tool.

    The five selection competencies are what HR looks for in a future mentor; the
    leadership skills are what the mentor tracks teach and what the mentor grows in a cycle.
    """

    invalidates_fragments = True  # published pages show it: see cms.generations

    class Kind(models.TextChoices):
        LEADERSHIP = "leadership", _("leadership skill")
        SELECTION = "selection", _("selection competency")

    name = models.CharField(_("name"), max_length=200)
    key = models.SlugField(
        _("key"),
        max_length=50,
        unique=True,
        help_text=_("A stable short name used in reports; do not change it once in use."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("what it is"), blank=True)
    tracks = models.ManyToManyField(
        "curricula.TrackPage",
        verbose_name=_("tracks that teach it"),
        blank=True,
        related_name="competencies",
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Uncheck instead of deleting: people's history refers to it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("tracks"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
        InlinePanel("levels", label=_("What each level looks like"), min_num=1),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "name"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.name


class CompetencyLevel(Orderable):
    """What one level of the scale looks like in behaviour for one competency."""

    competency = ParentalKey(
        Competency, verbose_name=_("competency"), on_delete=models.CASCADE, related_name="levels"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), help_text=_("A value of the skill scale (0–4).")
    )
    behaviour = models.TextField(_("what the person does at this level"))

    panels = [FieldPanel("level"), FieldPanel("behaviour")]

    class Meta(Orderable.Meta):
        verbose_name = _("level description")
        verbose_name_plural = _("level descriptions")
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_unique")
        ]

    def __str__(self):
        return f"{self.competency} · {self.level}"


class Source(models.TextChoices):
    """The two lenses on a mentor's level, never merged into one score."""

    SELF = Lens.SELF.value, _("self-assessment")
    CURATOR = "curator", _("curator observation")


class Moment(models.TextChoices):
    """When in the cycle a level was recorded: the mentor assesses at the start and the end."""

    START = "start", _("start of the cycle")
    DURING = "during", _("during the cycle")
    END = "end", _("end of the cycle")


class AppendOnly(models.Model):
    """History that is kept and never rewritten: a correction is a new row."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Growth history is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Growth history is append-only")


class CompetencyEvent(AppendOnly):
    """One level of one mentor in one competency, from one source, in one cycle.

    The latest event of a source and moment is the one in force; earlier ones stay as
    history (levels may go down as well as up).
    """

    participant = models.ForeignKey(
        "mentoring.Participant",
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="competency_events",
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("competency"), on_delete=models.PROTECT, related_name="events"
    )
    cycle = models.ForeignKey(
        "mentoring.Cycle", verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    level = models.PositiveSmallIntegerField(_("level"))
    evidence_text = models.TextField(_("what shows it"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("competency record")
        verbose_name_plural = _("competency records")
        indexes = [
            models.Index(fields=["participant", "cycle"], name="growth_event_person_cycle"),
            models.Index(fields=["cycle", "competency", "source"], name="growth_event_cycle"),
        ]

    def __str__(self):
        return f"{self.participant_id} · {self.competency_id} · {self.source} {self.level}"

    # What :func:`skills.charts.progress_svg` reads: a lens and a level reached.
    @property
    def lens(self):
        return Lens.SELF if self.source == Source.SELF else Lens.MENTOR

    @property
    def to_level(self):
        return self.level


class TalentPoolDecision(AppendOnly):
    """HR's decision about a mentor and the talent pool; the product only shows evidence.

    Recorded only for a mentor who consented to share with HR; the newest row is in force.
    """

    class Decision(models.TextChoices):
        READY = "ready", _("ready for the talent pool")
        NOT_YET = "not_yet", _("not yet: keep developing")

    participant = models.ForeignKey(
        "mentoring.Participant",
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="talent_pool_decisions",
    )
    cycle = models.ForeignKey(
        "mentoring.Cycle", verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    note = models.TextField(_("reasons"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("talent pool decision")
        verbose_name_plural = _("talent pool decisions")

    def __str__(self):
        return f"{self.participant_id} · {self.cycle_id} · {self.decision}"
