"""The confidential channel from a pair member to the curator."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import limits

from .people import Participant
from .programme import Pair


class SupportIssue(models.Model):
    """A concern one side of a pair raises with the curator, privately.

    Invisible to the other side of the pair; the curator tracks it to resolution.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        RESOLVED = "resolved", _("resolved")

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="issues"
    )
    raised_by = models.ForeignKey(
        Participant, verbose_name=_("raised by"), on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("what happened"), max_length=limits.LONG_TEXT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("issue raised to the curator")
        verbose_name_plural = _("issues raised to the curator")

    def __str__(self):
        return self.subject

    def set_status(self, status):
        self.status = self.Status(status)
        self.resolved_at = timezone.now() if self.status == self.Status.RESOLVED else None
        self.save(update_fields=["status", "resolved_at", "updated_at"])


class IssueNote(models.Model):
    """A working note on an issue: read by the curator and HR admins only."""

    issue = models.ForeignKey(
        SupportIssue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        Participant,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("note"), max_length=limits.LONG_TEXT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("curator's note")
        verbose_name_plural = _("curator's notes")

    def __str__(self):
        return self.text[:80]
