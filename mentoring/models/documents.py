"""The programme's paperwork: HR's templates, the pair agreement, the mentor's addendum."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms import limits

from .programme import Cycle, Pair

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
ANY_PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")


class DocumentTemplate(models.Model):
    """One version of the wording HR gives a document (the agreement's rules, the addendum).

    Placeholders such as ``{{ mentor }}`` are filled from a fixed list of plain values, never
    by a template engine, so the text HR writes cannot reach into the system. A version a
    document was made from is never changed: editing it in the admin makes a new version.
    """

    class Kind(models.TextChoices):
        AGREEMENT_RULES = "agreement_rules", _("rules of the programme in the pair agreement")
        ADDENDUM = "addendum", _("mentoring addendum to the employment contract")
        CERTIFICATE = "certificate", _("certificate of a completed cycle")

    # The placeholders each kind may use, and what they are filled with.
    PLACEHOLDERS = {
        Kind.AGREEMENT_RULES: {
            "mentor": _("the mentor's full name"),
            "mentee": _("the mentee's full name"),
            "curator": _("the curator's full name"),
            "cycle": _("the cycle"),
            "every_days": _("the agreed rhythm, days"),
            "format": _("the meeting format"),
        },
        Kind.ADDENDUM: {
            "number": _("the addendum number"),
            "date": _("the addendum date"),
            "mentor": _("the mentor's full name"),
            "mentor_position": _("the mentor's position"),
            "personnel_number": _("the mentor's personnel number"),
            "department": _("the mentor's department"),
            "plant": _("the mentor's plant"),
            "mentee": _("the mentee's full name"),
            "mentee_position": _("the mentee's position"),
            "cycle": _("the cycle"),
            "starts_on": _("the first day of mentoring"),
            "ends_on": _("the last day of mentoring"),
            "form": _("the form of mentoring"),
            "duties": _("the mentor's duties"),
            "pay_basis": _("the basis of pay"),
        },
        Kind.CERTIFICATE: {
            "name": _("the person's full name"),
            "role": _("mentor or mentee"),
            "partner": _("the other person of the pair"),
            "cycle": _("the cycle"),
            "starts_on": _("the first day of mentoring"),
            "ends_on": _("the last day of mentoring"),
            "meetings": _("the number of meetings"),
            "hours": _("the hours of meetings"),
            "tools": _("the tools worked on"),
        },
    }

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    version = models.PositiveIntegerField(_("version"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=30_000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="document_template_version")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def clean(self):
        allowed = self.PLACEHOLDERS.get(self.kind, {})
        unknown = sorted({m for m in ANY_PLACEHOLDER.findall(self.body or "") if m not in allowed})
        if unknown:
            raise ValidationError(
                {
                    "body": _("Unknown placeholders: %(unknown)s. Available: %(allowed)s.")
                    % {
                        "unknown": ", ".join(f"{{{{ {u} }}}}" for u in unknown),
                        "allowed": ", ".join(f"{{{{ {a} }}}}" for a in allowed),
                    }
                }
            )

    def is_used(self):
        if self.pk is None:
            return False
        return self.agreements.exists() or self.addenda.exists()

    def fill(self, values):
        """The body with each placeholder replaced by its plain-text value."""
        return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), self.body)


class PairAgreement(models.Model):
    """One version of a pair's agreement («договор пары»): goals, tools, rhythm, rules.

    Both sides accept it in the product; any change is a new version that both accept
    again, so what each side agreed to stays on record.
    """

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="agreements"
    )
    version = models.PositiveIntegerField(_("version"))
    goals = models.TextField(_("goals of the pair"), max_length=5000)
    tools = models.ManyToManyField(
        "skills.ToolPage", verbose_name=_("tools"), blank=True, related_name="+"
    )
    meeting_format = models.CharField(
        _("meeting format"), max_length=20, choices=Cycle.MeetingFormat.choices
    )
    meeting_every_days = models.PositiveSmallIntegerField(
        _("meet every, days"), validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    meeting_slot = models.CharField(
        _("when and where"),
        max_length=300,
        blank=True,
        help_text=_("E.g. Thursdays at 15:00, meeting room of the shop."),
    )
    rules = models.TextField(_("rules of the programme"), max_length=limits.DOCUMENT)
    rules_template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("rules template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    mentor_accepted_at = models.DateTimeField(_("accepted by the mentor"), null=True, blank=True)
    mentor_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor's acceptance recorded for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mentee_accepted_at = models.DateTimeField(_("accepted by the mentee"), null=True, blank=True)
    mentee_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentee's acceptance recorded for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["pair", "-version"]
        verbose_name = _("pair agreement")
        verbose_name_plural = _("pair agreements")
        constraints = [
            models.UniqueConstraint(fields=["pair", "version"], name="agreement_version")
        ]

    def __str__(self):
        return _("Agreement of %(pair)s, version %(version)s") % {
            "pair": self.pair,
            "version": self.version,
        }

    @property
    def is_accepted(self):
        return bool(self.mentor_accepted_at and self.mentee_accepted_at)


class MentoringAddendum(models.Model):
    """The addendum to the mentor's employment contract (Labour Code, art. 351.8).

    Mentoring is work on the employer's instruction for additional pay; its term and form
    go into the contract. One addendum per pair, from HR's template; it ends with the pair.
    Once signed, its terms are not edited: a change is a new addendum on paper.
    """

    class Status(models.TextChoices):
        DRAFTED = "drafted", _("drafted")
        SIGNED = "signed", _("signed")
        ENDED = "ended", _("ended")

    pair = models.OneToOneField(
        Pair, verbose_name=_("pair"), on_delete=models.PROTECT, related_name="addendum"
    )
    template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="addenda",
    )
    number = models.CharField(_("number"), max_length=50)
    dated = models.DateField(_("date"))
    starts_on = models.DateField(_("mentoring from"))
    ends_on = models.DateField(_("mentoring until"))
    form = models.CharField(_("form of mentoring"), max_length=300)
    duties = models.TextField(_("duties of the mentor"), max_length=5000)
    pay_basis = models.TextField(
        _("basis of pay"),
        max_length=2000,
        help_text=_("E.g. a monthly additional payment of 5 000 roubles for mentoring."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFTED
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-dated", "-pk"]
        verbose_name = _("mentoring addendum")
        verbose_name_plural = _("mentoring addenda")

    def __str__(self):
        return _("Addendum No. %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.dated.strftime("%d.%m.%Y") if self.dated else "",
        }

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The term cannot end before it starts.")
        if self.status == self.Status.SIGNED and not self.signed_on:
            errors["signed_on"] = _("Give the date both sides signed the addendum.")
        if self.status == self.Status.ENDED and not self.ended_on:
            errors["ended_on"] = _("Give the day the addendum ended.")
        if self.template_id and self.template.kind != DocumentTemplate.Kind.ADDENDUM:
            errors["template"] = _("Choose a template of the addendum.")
        if errors:
            raise ValidationError(errors)
