"""The programme's structure: cycles and mentor–mentee pairs."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
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

    class MeetingFormat(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        MIXED = "mixed", _("in person or online")

    plants = models.ManyToManyField(Plant, verbose_name=_("plants"), blank=True)
    meeting_format = models.CharField(
        _("meeting format"),
        max_length=20,
        choices=MeetingFormat.choices,
        default=MeetingFormat.IN_PERSON,
    )
    meeting_every_days = models.PositiveSmallIntegerField(
        _("meet every, days"),
        default=14,
        help_text=_(
            "The cadence pairs agree to; the curator's desk warns when a pair falls behind."
        ),
    )

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


class PairTransitionError(ValidationError):
    """A lifecycle change that makes no sense (e.g. reactivating a completed pair)."""


class Pair(models.Model):
    """A mentor and a mentee working together in a cycle, supported by a curator.

    The status changes only through :meth:`transition_to`, the one place that knows the
    lifecycle: proposed → active ⇄ paused → completed, or ended early with a reason.
    """

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
    rematch_of = models.ForeignKey(
        "self",
        verbose_name=_("rematch of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rematches",
        help_text=_("The earlier pair this one replaces after a rematch."),
    )
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

    # status -> the statuses it may move to
    TRANSITIONS = {
        Status.PROPOSED: {Status.ACTIVE, Status.ENDED_EARLY},
        Status.ACTIVE: {Status.PAUSED, Status.COMPLETED, Status.ENDED_EARLY},
        Status.PAUSED: {Status.ACTIVE, Status.COMPLETED, Status.ENDED_EARLY},
        Status.COMPLETED: set(),
        Status.ENDED_EARLY: set(),
    }

    def allowed_transitions(self):
        return [s for s in self.Status if s in self.TRANSITIONS[self.Status(self.status)]]

    def check_transition(self, status, reason=""):
        """Raise :class:`PairTransitionError` with a clear message if the move is nonsense."""
        status = self.Status(status)
        current = self.Status(self.status)
        if status == current:
            raise PairTransitionError(
                _("The pair is already “%(status)s”.") % {"status": current.label}
            )
        if status not in self.TRANSITIONS[current]:
            if not self.TRANSITIONS[current]:
                raise PairTransitionError(
                    _(
                        "The pair is “%(from)s”: its lifecycle is over and it cannot become "
                        "“%(to)s”. Create a new pair (rematch) instead."
                    )
                    % {"from": current.label, "to": status.label}
                )
            raise PairTransitionError(
                _("A pair cannot go from “%(from)s” to “%(to)s”. Possible: %(allowed)s.")
                % {
                    "from": current.label,
                    "to": status.label,
                    "allowed": ", ".join(f"«{s.label}»" for s in self.allowed_transitions()),
                }
            )
        if status == self.Status.ENDED_EARLY and not (reason or "").strip():
            raise PairTransitionError(_("Give the reason why the pair ends early."))

    def transition_to(self, status, reason="", on=None):
        """Move the pair to ``status`` (saving it), or refuse with a clear message."""
        self.check_transition(status, reason)
        on = on or datetime.date.today()
        status = self.Status(status)
        if status == self.Status.ACTIVE and self.started_on is None:
            self.started_on = on
        if status in (self.Status.COMPLETED, self.Status.ENDED_EARLY):
            self.ended_on = on
        if status == self.Status.ENDED_EARLY:
            self.end_reason = reason.strip()
        self.status = status
        self.save()
        return self

    def rematch(self, mentor=None, mentee=None, reason=""):
        """End this pair early (if still running) and propose a new one in its place."""
        with transaction.atomic():
            if self.status not in (self.Status.COMPLETED, self.Status.ENDED_EARLY):
                self.transition_to(self.Status.ENDED_EARLY, reason)
            return Pair.objects.create(
                cycle=self.cycle,
                mentor=mentor or self.mentor,
                mentee=mentee or self.mentee,
                curator=self.curator,
                rematch_of=self,
            )
