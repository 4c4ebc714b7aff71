"""The programme's structure: cycles and mentor–mentee pairs."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from cms import limits

from .people import Department, Participant, Plant


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

    plants = models.ManyToManyField(
        Plant,
        verbose_name=_("plants"),
        blank=True,
        help_text=_("The plants taking part. Empty: every plant."),
    )
    departments = models.ManyToManyField(
        Department,
        verbose_name=_("departments"),
        blank=True,
        related_name="cycles",
        help_text=_("The departments taking part. Empty: every department of the plants."),
    )
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
    mentor_capacity = models.PositiveSmallIntegerField(
        _("mentees per mentor"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("How many running pairs one mentor may have in this cycle."),
    )
    preparation_minutes = models.PositiveSmallIntegerField(
        _("preparation per meeting, minutes"),
        default=0,
        validators=[MaxValueValidator(240)],
        help_text=_(
            "Preparation time counted towards the mentor's hours for each logged meeting; "
            "0 — only the meetings themselves count."
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
    end_reason = models.TextField(_("reason for ending early"), blank=True, max_length=limits.TEXT)

    class Side(models.TextChoices):
        MENTOR = "mentor", _("the mentor")
        MENTEE = "mentee", _("the mentee")
        HR = "hr", _("HR")

    end_notice_on = models.DateField(
        _("early ending announced on"),
        null=True,
        blank=True,
        help_text=_("The day one side or HR gave notice; the pair ends 3 working days later."),
    )
    end_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("early ending started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    end_started_side = models.CharField(
        _("early ending started by side"), max_length=10, choices=Side.choices, blank=True
    )
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
                fields=["cycle", "mentor", "mentee"],
                name="pair_unique_in_cycle",
                violation_error_message=_(
                    "This mentor and this mentee already form a pair in this cycle."
                ),
            ),
            models.UniqueConstraint(
                fields=["cycle", "mentee"],
                condition=models.Q(status__in=["proposed", "active", "paused"]),
                name="pair_one_running_per_mentee",
                violation_error_message=_("The mentee already has a running pair in this cycle."),
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")),
                name="pair_mentor_is_not_mentee",
                violation_error_message=_("The mentor and the mentee must be different people."),
            ),
        ]

    def __str__(self):
        return f"{self.mentor} — {self.mentee}"

    # A pair in one of these statuses is running: it counts for the one-pair-per-mentee rule
    # and the mentor's capacity.
    RUNNING_STATUSES = (Status.PROPOSED, Status.ACTIVE, Status.PAUSED)

    @property
    def is_running(self):
        return self.status in self.RUNNING_STATUSES

    @property
    def is_in_notice(self):
        """Ended early, but the notice period still runs: meetings may still be logged."""
        return (
            self.status == self.Status.ENDED_EARLY
            and self.ended_on is not None
            and self.end_notice_on is not None
            and datetime.date.today() <= self.ended_on
        )

    def clean(self):
        from mentoring import pairing

        if self.mentor_id and self.mentor_id == self.mentee_id:
            raise ValidationError(
                {"mentee": _("The mentor and the mentee must be different people.")}
            )
        if self.curator_id and self.curator_id in (self.mentor_id, self.mentee_id):
            raise ValidationError(
                {"curator": _("A curator cannot be a member of the pair they curate.")}
            )
        problems = pairing.problems(self)
        if problems:
            raise ValidationError(problems)

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

    @property
    def has_started(self):
        return self.status in (self.Status.ACTIVE, self.Status.PAUSED)

    def early_end_date(self, notice_on=None, end_on=None):
        """The day an early ending given notice on ``notice_on`` takes effect.

        A pair that has started ends no sooner than three working days after the notice
        (Labour Code, art. 351.8) by the production calendar; ``end_on`` may name a later
        day. A proposed pair never started, so it is simply cancelled on the notice day.
        """
        from mentoring import workdays

        notice_on = notice_on or datetime.date.today()
        if not self.has_started:
            return notice_on
        earliest = workdays.earliest_early_end(notice_on)
        if end_on is None:
            return earliest
        if end_on < earliest:
            raise PairTransitionError(
                _(
                    "Mentoring ends no sooner than three working days after the notice: "
                    "notice given on %(notice)s, so the last day is %(earliest)s or later."
                )
                % {
                    "notice": notice_on.strftime("%d.%m.%Y"),
                    "earliest": earliest.strftime("%d.%m.%Y"),
                }
            )
        return end_on

    def transition_to(
        self, status, reason="", on=None, *, by=None, side="", notice_on=None, immediate=False
    ):
        """Move the pair to ``status`` (saving it), or refuse with a clear message.

        Every path that changes a pair's status comes here: activating (or resuming) checks
        the pairing rules again; ending early sets the end date by the three-working-day
        rule (``on`` may ask for a later day), ends the mentor's addendum and tells both
        sides and the curator. ``immediate`` ends it on the notice day itself: one side left
        the company, so there is no employment left to give notice in.
        """
        from mentoring import pairing

        self.check_transition(status, reason)
        status = self.Status(status)
        with transaction.atomic():
            if status == self.Status.ACTIVE:
                try:
                    pairing.check(self, activating=True, lock=True)
                except ValidationError as error:
                    raise PairTransitionError(error.messages) from error
            today = datetime.date.today()
            was_started = self.has_started
            if status == self.Status.ACTIVE and self.started_on is None:
                self.started_on = on or today
            if status == self.Status.COMPLETED:
                self.ended_on = on or today
            if status == self.Status.ENDED_EARLY:
                notice_on = notice_on or today
                self.ended_on = notice_on if immediate else self.early_end_date(notice_on, on)
                self.end_reason = reason.strip()
                self.end_started_by = by
                self.end_started_side = side or (
                    self._side_of(by) if by is not None else self.Side.HR
                )
                if was_started:
                    self.end_notice_on = notice_on
            self.status = status
            self.save()
            if status == self.Status.ACTIVE:
                from mentoring import role_changes

                role_changes.after_pair(self, by=by)
            if status in (self.Status.COMPLETED, self.Status.ENDED_EARLY):
                self.addenda_end(self.ended_on)
            if status == self.Status.ENDED_EARLY and was_started:
                from mentoring import emails

                transaction.on_commit(lambda: emails.send_early_end_notice(self))
        return self

    def _side_of(self, user):
        if self.mentor.user_id == user.pk:
            return self.Side.MENTOR
        if self.mentee.user_id == user.pk:
            return self.Side.MENTEE
        return self.Side.HR

    def addenda_end(self, on):
        """The mentor's addendum ends with the pair."""
        from .documents import MentoringAddendum

        MentoringAddendum.objects.filter(pair=self).exclude(
            status=MentoringAddendum.Status.ENDED
        ).update(status=MentoringAddendum.Status.ENDED, ended_on=on)

    def rematch(self, mentor=None, mentee=None, reason="", *, by=None):
        """End this pair early (if still running) and propose a new one in its place.

        The new pair obeys the pairing rules like any other (:mod:`mentoring.pairing`).
        """
        from mentoring import pairing

        with transaction.atomic():
            if self.status not in (self.Status.COMPLETED, self.Status.ENDED_EARLY):
                self.transition_to(self.Status.ENDED_EARLY, reason, by=by)
            return pairing.create_pair(
                cycle=self.cycle,
                mentor=mentor or self.mentor,
                mentee=mentee or self.mentee,
                curator=self.curator,
                rematch_of=self,
            )
