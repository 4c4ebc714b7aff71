"""The access log: who read a person's named records, and every export of personal data.

A person sees on `/my/` who read their records and when; HR admins see the exports. One row
per reader, person, kind of record and day (with a count and the last time) keeps the log
small on busy pages while still answering «who and when». Rows hold references, never
copies of names, so anonymising a person leaves no name behind in the log.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Participant


class RecordAccess(models.Model):
    """Reads of one person's records by one other user on one day, or one export."""

    class Action(models.TextChoices):
        READ = "read", _("read")
        EXPORT = "export", _("export")

    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    subject = models.ForeignKey(
        Participant,
        verbose_name=_("whose records"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="record_accesses",
        help_text=_("Empty for an export about many people."),
    )
    what = models.CharField(_("what"), max_length=50)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    people = models.PositiveIntegerField(_("people in the export"), default=0)
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("times"), default=1)
    first_at = models.DateTimeField(_("first time"))
    last_at = models.DateTimeField(_("last time"))

    class Meta:
        ordering = ["-last_at", "-pk"]
        verbose_name = _("record access")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["subject", "-last_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "subject", "what", "day"],
                condition=models.Q(action="read"),
                name="record_access_one_row_per_day",
                violation_error_message=_("This read is already in today's access log."),
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} · {self.what} · {self.day:%d.%m.%Y}"
