"""Mentoring hours closed for payroll, month by month."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Participant
from .programme import Pair


class HoursMonth(models.Model):
    """A calendar month of mentoring hours and whether payroll has closed it.

    While a month is open its hours are read live from the logged meetings. Closing it
    freezes them as :class:`HoursEntry` rows; from then on meetings of that month cannot be
    logged, and only an HR admin changes a closed month (each change in the audit log).
    """

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-month"]
        verbose_name = _("month of mentoring hours")
        verbose_name_plural = _("months of mentoring hours")

    def __str__(self):
        return self.month.strftime("%m.%Y")

    @property
    def is_closed(self):
        return self.closed_at is not None


class HoursEntry(models.Model):
    """The hours of one pair's mentor in a closed month, as payroll receives them.

    Names and the personnel number are kept as they were at closing, so the payroll file of
    a closed month never changes behind payroll's back.
    """

    month = models.ForeignKey(
        HoursMonth, verbose_name=_("month"), on_delete=models.CASCADE, related_name="entries"
    )
    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.PROTECT, related_name="hours_entries"
    )
    mentor = models.ForeignKey(
        Participant, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="+"
    )
    personnel_number = models.CharField(_("personnel number"), max_length=50, blank=True)
    mentor_name = models.CharField(_("mentor"), max_length=450)
    mentee_name = models.CharField(_("mentee"), max_length=450)
    meetings = models.PositiveIntegerField(_("meetings"))
    meeting_minutes = models.PositiveIntegerField(_("meetings, minutes"))
    preparation_minutes = models.PositiveIntegerField(_("preparation, minutes"))
    minutes = models.PositiveIntegerField(_("total, minutes"))
    note = models.CharField(_("reason for the change"), max_length=500, blank=True)

    class Meta:
        ordering = ["month", "mentor_name", "pk"]
        verbose_name = _("hours of a mentor")
        verbose_name_plural = _("hours of mentors")
        constraints = [models.UniqueConstraint(fields=["month", "pair"], name="hours_per_pair")]

    def __str__(self):
        return f"{self.month} · {self.mentor_name}"
