"""Feedback after a meeting, from both sides of the pair (equal dialogue)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms import limits

from .meetings import Meeting
from .people import Participant

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class Feedback(models.Model):
    """What one side of a pair thought of a meeting.

    The curator reads it by name; the other side of the pair never sees it with the
    author attached (only the curator and aggregates use it).
    """

    class Side(models.TextChoices):
        MENTOR = "mentor", _("mentor")
        MENTEE = "mentee", _("mentee")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        Participant, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    usefulness = models.PositiveSmallIntegerField(
        _("how useful was the meeting"), choices=SCORE_CHOICES, validators=SCORE_VALIDATORS
    )
    equal_dialogue = models.PositiveSmallIntegerField(
        _("did it feel like an equal dialogue"),
        choices=SCORE_CHOICES,
        validators=SCORE_VALIDATORS,
    )
    what_to_change = models.TextField(
        _("what should we change"), blank=True, max_length=limits.TEXT
    )
    # Asked of the mentee only, about the mentor's craft. The mentor sees them only as an
    # aggregate over enough answers (growth app), never one meeting's answer.
    mentor_facilitation = models.PositiveSmallIntegerField(
        _("the mentor let me try and ask freely"),
        choices=SCORE_CHOICES,
        validators=SCORE_VALIDATORS,
        null=True,
        blank=True,
    )
    mentor_feedback = models.PositiveSmallIntegerField(
        _("the mentor's remarks were clear, useful and respectful"),
        choices=SCORE_CHOICES,
        validators=SCORE_VALIDATORS,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "author"], name="feedback_once_per_meeting")
        ]

    def __str__(self):
        return f"{self.meeting} · {self.get_side_display()}"
