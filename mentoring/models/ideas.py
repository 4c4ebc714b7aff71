"""Improvement ideas born in the programme, tracked to their effect."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms import limits

from .people import Participant
from .programme import Pair


class Idea(models.Model):
    """An improvement idea; the number implemented is a result of the programme."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        IN_REVIEW = "in_review", _("in review")
        ACCEPTED = "accepted", _("accepted")
        IMPLEMENTED = "implemented", _("implemented")
        DECLINED = "declined", _("declined")

    author = models.ForeignKey(
        Participant, verbose_name=_("author"), on_delete=models.CASCADE, related_name="ideas"
    )
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("born in the pair"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
    )
    title = models.CharField(_("idea"), max_length=200)
    description = models.TextField(_("description"), max_length=limits.LONG_TEXT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    effect = models.TextField(
        _("effect"),
        blank=True,
        help_text=_("What changed once the idea was implemented."),
        max_length=limits.TEXT,
    )
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.IMPLEMENTED and self.implemented_on is None:
            self.implemented_on = datetime.date.today()
        super().save(*args, **kwargs)
