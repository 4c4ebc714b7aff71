"""Session plans: a mentor's own plan for one meeting, built from library materials."""

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from cms import limits


class SessionPlan(models.Model):
    """A mentor prepares a meeting from the library and prints it.

    Private to the mentor; shared read-only with the mentee of the linked pair, so both
    come to the meeting knowing the plan. Not a page: it is a personal record.
    """

    mentor = models.ForeignKey(
        "mentoring.Participant",
        on_delete=models.CASCADE,
        related_name="session_plans",
        verbose_name=_("mentor"),
    )
    pair = models.ForeignKey(
        "mentoring.Pair",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session_plans",
        verbose_name=_("pair"),
    )
    title = models.CharField(_("title"), max_length=200)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=limits.NOTES)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("session plan")
        verbose_name_plural = _("session plans")
        ordering = ["-meeting_date", "-pk"]

    def __str__(self):
        return self.title

    @property
    def total_minutes(self):
        return self.items.aggregate(total=Sum("minutes"))["total"] or 0


class SessionPlanItem(models.Model):
    """One material in a plan, with the minutes the mentor gives it and its place."""

    plan = models.ForeignKey(
        SessionPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan")
    )
    material = models.ForeignKey(
        "curricula.MaterialPage",
        on_delete=models.CASCADE,
        related_name="plan_items",
        verbose_name=_("material"),
    )
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=15)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.plan_id}: {self.material_id}"
