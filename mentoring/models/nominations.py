"""Mentor selection: self-nominations and recommendations HR reviews."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms import limits

from .people import Participant
from .programme import Cycle

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]
COMPETENCIES = (
    "digital_literacy",
    "systems_thinking",
    "expertise",
    "communication",
    "motivation",
)


def _score(label):
    return models.PositiveSmallIntegerField(
        label, choices=SCORE_CHOICES, validators=SCORE_VALIDATORS
    )


class Nomination(models.Model):
    """Someone put forward as a mentor, by themselves or by a colleague.

    Carries the selection competencies of the programme; HR decides and the nominee is told
    the outcome by e-mail. ``token`` makes a repeated POST of the same form harmless.
    """

    class Kind(models.TextChoices):
        SELF = "self", _("self-nomination")
        RECOMMENDATION = "recommendation", _("recommendation of a colleague")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        WAITING_LIST = "waiting_list", _("waiting list")
        DECLINED = "declined", _("declined")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    nominator = models.ForeignKey(
        Participant,
        verbose_name=_("nominated by"),
        on_delete=models.CASCADE,
        related_name="nominations_made",
    )
    nominee = models.ForeignKey(
        Participant,
        verbose_name=_("nominee"),
        on_delete=models.CASCADE,
        related_name="nominations",
        null=True,
        blank=True,
        help_text=_("Empty when the e-mail given belongs to nobody in the programme."),
    )
    # What the nominator typed for a recommendation: the form answers the same whether or
    # not it belongs to a participant, so nobody learns who is in the programme from it.
    nominee_email = models.EmailField(_("nominee's e-mail as given"), blank=True)
    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.SET_NULL, null=True, blank=True
    )
    digital_literacy = _score(_("digital literacy"))
    systems_thinking = _score(_("systems thinking"))
    expertise = _score(_("expertise"))
    communication = _score(_("communication"))
    motivation = _score(_("motivation"))
    tools = models.ManyToManyField(
        "skills.ToolPage", verbose_name=_("tools they can teach"), blank=True, related_name="+"
    )
    statement = models.TextField(_("why this person"), blank=True, max_length=limits.LONG_TEXT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    hr_comment = models.TextField(_("HR comment"), blank=True, max_length=limits.TEXT)
    token = models.UUIDField(_("form token"), default=uuid.uuid4, unique=True, editable=False)
    outcome_sent_for = models.CharField(max_length=20, blank=True, editable=False)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["nominator", "nominee"],
                condition=models.Q(status="submitted"),
                name="nomination_once_while_pending",
                violation_error_message=_(
                    "You have already nominated this person; the nomination is being considered."
                ),
            )
        ]

    def __str__(self):
        return f"{self.nominee or self.nominee_email} ({self.get_kind_display()})"

    @property
    def competency_scores(self):
        return [(self._meta.get_field(n).verbose_name, getattr(self, n)) for n in COMPETENCIES]
