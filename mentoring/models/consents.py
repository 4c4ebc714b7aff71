"""Consents as documents: what a person agreed to, in which words, when and how.

152-ФЗ makes consent to processing personal data a document of its own (since 1 September
2025), and showing personal data to all employees is dissemination (art. 10.1), a consent of
its own; the Labour Code (art. 351.8) wants the mentor's written consent to mentor. Each
kind below is therefore separate, each given or withdrawn as its own record pointing at the
exact version of the text the person saw. Records are append-only: the current state of a
consent is its latest record.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Participant
from .programme import Cycle, Pair


class ConsentKind(models.TextChoices):
    """The separate consents a person may give, each its own document."""

    PERSONAL_DATA = "personal_data", _("processing of personal data, skill records included")
    SHARE_WITH_HR = "share_with_hr", _("showing my progress to HR by name")
    LISTED_AS_EXPERT = "listed_as_expert", _("listing me as a colleague to ask about a tool")
    MENTORING = "mentoring", _("acting as a mentor (Labour Code, art. 351.8)")


class ConsentText(models.Model):
    """One version of the wording of a consent, as HR publishes it.

    A version that someone has agreed to is never changed: new wording is a new version, and
    each record keeps pointing at the words its person saw.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=ConsentKind.choices)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=20_000)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="consent_text_version")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"


class ConsentRecord(models.Model):
    """A consent given or withdrawn: who, which text, when, how, by whom it was recorded.

    ``cycle`` or ``pair`` narrow a consent to one cycle or one pair (the mentor's consent to
    mentor may be given per pair or per cycle); empty means the person's consent as a whole.
    """

    class Way(models.TextChoices):
        ONLINE = "online", _("online, by the person on the platform")
        PAPER = "paper", _("on paper, signed; recorded by HR")
        DIRECTORY = "directory", _("imported from the HR system")

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="consent_records",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ConsentKind.choices)
    text = models.ForeignKey(
        ConsentText, verbose_name=_("text"), on_delete=models.PROTECT, related_name="records"
    )
    given = models.BooleanField(_("given"), help_text=_("Unchecked: the consent is withdrawn."))
    way = models.CharField(_("how"), max_length=20, choices=Way.choices, default=Way.ONLINE)
    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, null=True, blank=True
    )
    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, null=True, blank=True
    )
    effect = models.CharField(
        _("effect"),
        max_length=500,
        blank=True,
        help_text=_("What changed because of this record, as the person was told."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_on = models.DateField(
        _("date on the signed paper"),
        null=True,
        blank=True,
        help_text=_("For a consent given on paper: the date the person wrote on it."),
    )
    at = models.DateTimeField(_("date and time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [models.Index(fields=["participant", "kind", "-at"])]

    def __str__(self):
        return f"{self.participant} · {self.get_kind_display()}"
