"""A learner's own progress through the modules of the tracks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleProgress(models.Model):
    """A reader marked a module done.

    Lets each person see where they are in a track and resume; it is theirs alone and only
    ever shown to others as aggregates.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="module_progress",
        verbose_name=_("user"),
    )
    module = models.ForeignKey(
        "curricula.ModulePage",
        on_delete=models.CASCADE,
        related_name="progress",
        verbose_name=_("module"),
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_progress_per_module")
        ]

    def __str__(self):
        return f"{self.user} · {self.module_id}"
