"""The project's own records: only what every app shares."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """One rendered create-form that was sent: its token is unique, so the same form sent
    twice (a double click, a resent request, two tabs) creates its record once, and the
    second sending is answered with the page the first one led to. See :mod:`cms.once`."""

    token = models.UUIDField(_("form token"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
    )
    result_url = models.CharField(_("result address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sent form")
        verbose_name_plural = _("sent forms")

    def __str__(self):
        return str(self.token)
