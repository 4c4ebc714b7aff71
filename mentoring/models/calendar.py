"""The production calendar's corrections that HR keeps by hand."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """One day HR marks as working or non-working, overriding the library calendar.

    The Russian production calendar comes from the maintained ``holidays`` library (public
    holidays and the government's transfers of days off); a late decree, a regional holiday
    or a company's own day off is entered here, and wins over the library.
    """

    day = models.DateField(_("date"), unique=True)
    is_working = models.BooleanField(
        _("working day"),
        help_text=_("Checked: a working day (e.g. a transferred Saturday). Unchecked: a day off."),
    )
    note = models.CharField(
        _("basis"),
        max_length=300,
        help_text=_("E.g. the government decree or the company's order."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("production calendar day")
        verbose_name_plural = _("production calendar corrections")

    def __str__(self):
        kind = _("working day") if self.is_working else _("day off")
        return f"{self.day:%d.%m.%Y} — {kind}"
