"""Meetings of a pair: what was worked on and the notes only the pair reads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms import limits

from .programme import Pair


class Meeting(models.Model):
    """One meeting of a pair. The mentee is the customer of its topics.

    ``tools`` points upward to the tool catalogue by a lazy reference (DESIGN.md), so
    ``mentoring`` never imports ``skills``.
    """

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="meetings"
    )
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), default=60)
    tools = models.ManyToManyField(
        "skills.ToolPage", verbose_name=_("tools worked on"), blank=True, related_name="meetings"
    )
    topics_requested = models.TextField(
        _("topics the mentee asked for"), blank=True, max_length=limits.TEXT
    )
    private_notes = models.TextField(
        _("notes private to the pair"),
        blank=True,
        help_text=_("Only the mentor and the mentee of the pair can read these notes."),
        max_length=limits.NOTES,
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.pair} · {self.held_on:%d.%m.%Y}"

    def clean(self):
        from mentoring import hours

        if (
            self.held_on
            and self.pair_id
            and self.pair.ended_on
            and self.held_on > self.pair.ended_on
        ):
            raise ValidationError(
                {
                    "held_on": _("The pair ended on %(date)s: a later meeting cannot be logged.")
                    % {"date": self.pair.ended_on.strftime("%d.%m.%Y")}
                }
            )
        if self.held_on and hours.is_closed(self.held_on):
            raise ValidationError(
                {
                    "held_on": _(
                        "The mentoring hours of %(month)s are closed for payroll: a meeting of "
                        "that month can no longer be logged. Ask an HR admin if it is missing."
                    )
                    % {"month": self.held_on.strftime("%m.%Y")}
                }
            )


class TopicRequest(models.Model):
    """A topic the mentee wants to work on: the mentee is the customer of topics.

    Posted before a meeting; the mentor sees the open requests when building the session
    plan, and a logged meeting may mark them as covered.
    """

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="topic_requests"
    )
    text = models.TextField(_("topic"), max_length=limits.SHORT_TEXT)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    covered_in = models.ForeignKey(
        Meeting,
        verbose_name=_("covered in meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="topics_covered",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("topic request")
        verbose_name_plural = _("topic requests")

    def __str__(self):
        return self.text[:80]
