"""The programme's structure: cycles and mentor–mentee pairs."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Participant, Plant


class Cycle(models.Model):
    """One run of the programme (typically 3–6 months) in one or more plants."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        FINISHED = "finished", _("finished")

    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    plants = models.ManyToManyField(Plant, verbose_name=_("plants"), blank=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A cycle cannot end before it starts.")})


class PairQuerySet(models.QuerySet):
    def involving(self, participant):
        return self.filter(
            models.Q(mentor=participant)
            | models.Q(mentee=participant)
            | models.Q(curator=participant)
        )


class Pair(models.Model):
    """A mentor and a mentee working together in a cycle, supported by a curator."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACTIVE = "active", _("active")
        PAUSED = "paused", _("paused")
        COMPLETED = "completed", _("completed")
        ENDED_EARLY = "ended_early", _("ended early")

    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="pairs"
    )
    mentor = models.ForeignKey(
        Participant,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="pairs_as_mentor",
    )
    mentee = models.ForeignKey(
        Participant,
        verbose_name=_("mentee"),
        on_delete=models.PROTECT,
        related_name="pairs_as_mentee",
    )
    curator = models.ForeignKey(
        Participant,
        verbose_name=_("curator"),
        on_delete=models.PROTECT,
        related_name="pairs_as_curator",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending early"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PairQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "mentor__user__last_name"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "mentor", "mentee"], name="pair_unique_in_cycle"
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="pair_mentor_is_not_mentee"
            ),
        ]

    def __str__(self):
        return f"{self.mentor} — {self.mentee}"

    def clean(self):
        if self.mentor_id and self.mentor_id == self.mentee_id:
            raise ValidationError(_("The mentor and the mentee must be different people."))
        if self.curator_id and self.curator_id in (self.mentor_id, self.mentee_id):
            raise ValidationError(
                {"curator": _("A curator cannot be a member of the pair they curate.")}
            )
