"""The confidential channel from a pair member to the curator."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import limits

from .people import Participant
from .programme import Pair


class SupportIssue(models.Model):
    """A concern one side of a pair raises with the curator, privately.

    Invisible to the other side of the pair; the curator tracks it to resolution. It
    reaches HR admins only when the curator hands it over: the step is recorded (who,
    when, why) and its author sees on «My messages to the curator» that it was.
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
    handed_to_hr_at = models.DateTimeField(_("handed over to HR"), null=True, blank=True)
    handed_to_hr_by = models.ForeignKey(
        Participant,
        verbose_name=_("handed over by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handover_reason = models.TextField(_("why HR is needed"), blank=True, max_length=limits.TEXT)

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

    @property
    def handed_to_hr(self):
        return self.handed_to_hr_at is not None

    def hand_over_to_hr(self, by, reason):
        """The curator's recorded step that lets HR admins read this issue."""
        self.handed_to_hr_at = timezone.now()
        self.handed_to_hr_by = by
        self.handover_reason = reason
        self.save(
            update_fields=["handed_to_hr_at", "handed_to_hr_by", "handover_reason", "updated_at"]
        )


class IssueNote(models.Model):
    """A working note on an issue.

    Notes the pair's curator writes are read by that curator only; once the issue is handed
    over, HR admins may add notes, which the curator reads too.
    """

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
