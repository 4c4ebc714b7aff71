"""Mastery of tools by people: the scale, current levels, the append-only history, goals."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from cms import limits


class SkillLevel(models.Model):
    """One step of the scale (0–4, ILUO by default); HR may reword labels and descriptions.

    Levels describe what a person can do with a tool, never a grade (DESIGN.md).
    """

    invalidates_fragments = True  # published pages show it: see cms.generations

    value = models.PositiveSmallIntegerField(_("value"), unique=True)
    code = models.CharField(_("ILUO letter"), max_length=4, blank=True)
    label = models.CharField(_("label"), max_length=100)
    description = models.TextField(_("description"), blank=True, max_length=limits.TEXT)

    panels = [FieldPanel("value"), FieldPanel("code"), FieldPanel("label"), "description"]

    class Meta:
        ordering = ["value"]
        verbose_name = _("skill level")
        verbose_name_plural = _("skill levels")

    def __str__(self):
        code = f" ({self.code})" if self.code else ""
        return f"{self.value} — {self.label}{code}"


class Lens(models.TextChoices):
    """The two ways of seeing a level, kept side by side and never merged into one score."""

    SELF = "self", _("self-assessment")
    MENTOR = "mentor", _("mentor observation")


def evidence_storage():
    """Evidence files go to the ``private`` storage (cms/storage.py): never served as plain
    media, only through the view that asks :mod:`mentoring.access`."""
    from cms.storage import PrivateStorage

    return PrivateStorage()


class Mastery(models.Model):
    """Current levels of one mentee in one tool, by both lenses, kept for fast reads.

    Only :func:`skills.services.record_level` writes it, in the same transaction as the
    event it follows, so it always equals the last event of each lens.
    """

    participant = models.ForeignKey(
        "mentoring.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="masteries",
    )
    tool = models.ForeignKey(
        "skills.ToolPage",
        verbose_name=_("tool"),
        on_delete=models.CASCADE,
        related_name="masteries",
    )
    self_level = models.PositiveSmallIntegerField(_("self-assessment"), null=True, blank=True)
    mentor_level = models.PositiveSmallIntegerField(_("mentor observation"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("mastery")
        verbose_name_plural = _("masteries")
        constraints = [
            models.UniqueConstraint(fields=["participant", "tool"], name="mastery_unique")
        ]
        indexes = [models.Index(fields=["tool", "mentor_level"], name="mastery_tool_level")]

    def __str__(self):
        return f"{self.participant_id} · {self.tool_id}"

    def level_for(self, lens):
        return self.self_level if lens == Lens.SELF else self.mentor_level

    @property
    def best_level(self):
        """The level the matrix colours by: the observation if any, else the self-assessment."""
        return self.mentor_level if self.mentor_level is not None else self.self_level


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Mastery history is append-only")

    def delete(self):
        raise PermissionError("Mastery history is append-only")


class MasteryEvent(models.Model):
    """One change of a level: the history that is kept and never rewritten.

    Levels may go down as well as up (the right to make mistakes); a correction is a new
    event, so saving an existing event or deleting one is refused. The history only goes
    with its subject: when a person's profile is erased; a tool with history cannot be
    deleted in the admin (see ``wagtail_hooks``), only unpublished.
    """

    Lens = Lens

    mastery = models.ForeignKey(
        Mastery, verbose_name=_("mastery"), on_delete=models.CASCADE, related_name="events"
    )
    lens = models.CharField(_("lens"), max_length=10, choices=Lens.choices)
    from_level = models.PositiveSmallIntegerField(_("from level"), null=True, blank=True)
    to_level = models.PositiveSmallIntegerField(_("to level"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)
    evidence_text = models.TextField(_("evidence"), blank=True, max_length=limits.EVIDENCE)
    evidence_link = models.URLField(_("link to evidence"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="evidence/%Y/%m/", storage=evidence_storage, blank=True
    )
    meeting = models.ForeignKey(
        "mentoring.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mastery_events",
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("mastery event")
        verbose_name_plural = _("mastery events")

    def __str__(self):
        return f"{self.mastery_id}: {self.from_level} → {self.to_level} ({self.lens})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Mastery history is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Mastery history is append-only")

    @property
    def is_up(self):
        return self.from_level is None or self.to_level > self.from_level


class SkillGoal(models.Model):
    """The level a mentee wants to reach in a tool during a cycle; the mentee chooses it."""

    participant = models.ForeignKey(
        "mentoring.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="skill_goals",
    )
    tool = models.ForeignKey(
        "skills.ToolPage", verbose_name=_("tool"), on_delete=models.CASCADE, related_name="goals"
    )
    cycle = models.ForeignKey(
        "mentoring.Cycle", verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="+"
    )
    target_level = models.PositiveSmallIntegerField(_("target level"))
    set_at = models.DateTimeField(_("set at"), default=timezone.now)

    class Meta:
        verbose_name = _("skill goal")
        verbose_name_plural = _("skill goals")
        constraints = [
            models.UniqueConstraint(fields=["participant", "tool", "cycle"], name="goal_unique")
        ]

    def __str__(self):
        return f"{self.participant_id} · {self.tool_id} → {self.target_level}"
