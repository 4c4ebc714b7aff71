"""People and where they work."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentoring.roles import GROUP_NAMES, ROLE_BY_GROUP, ROLES_ATTRIBUTE, Role


def full_name(last_name, first_name, patronymic, username):
    """«Фамилия Имя Отчество», or the user name when no part is known."""
    parts = [last_name, first_name, patronymic]
    return " ".join(p for p in parts if p).strip() or username


class User(AbstractUser):
    """The account a person logs in with.

    Custom from the first migration so that the profile can grow without a painful swap;
    the programme-specific facts live on :class:`Participant`.
    """

    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self):
        return full_name(self.last_name, self.first_name, self.patronymic, self.username)

    def get_short_name(self):
        return " ".join(p for p in [self.first_name, self.last_name] if p) or self.username

    def __str__(self):
        return self.get_full_name()


class Plant(models.Model):
    """A production site taking part in the programme (pilot plants first)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("plant")
        verbose_name_plural = _("plants")

    def __str__(self):
        return self.name


class Department(models.Model):
    """A department of a plant: the unit aggregates are grouped by."""

    plant = models.ForeignKey(
        Plant, verbose_name=_("plant"), on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["plant__name", "name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(fields=["plant", "name"], name="department_unique_per_plant")
        ]

    def __str__(self):
        return f"{self.name} ({self.plant})"


class ParticipantQuerySet(models.QuerySet):
    def with_role(self, role):
        return self.filter(user__groups__name=GROUP_NAMES[Role(role)])

    def active(self):
        return self.filter(left_company_on__isnull=True, user__is_active=True)


class Participant(models.Model):
    """A person's profile in the programme: where they work and what they agreed to share.

    Roles are the user's groups (one group a role), so Wagtail's permission system and the
    programme's access policy read the same source.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="participant",
    )
    personnel_number = models.CharField(
        _("personnel number"), max_length=50, blank=True, null=True, unique=True
    )
    plant = models.ForeignKey(
        Plant,
        verbose_name=_("plant"),
        on_delete=models.PROTECT,
        related_name="participants",
        null=True,
        blank=True,
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="participants",
        null=True,
        blank=True,
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text=_("The person's line manager, from the HR import or the company directory."),
    )
    consent_to_share = models.BooleanField(
        _("consent to share my progress with HR"),
        default=False,
        help_text=_(
            "If checked, HR sees your skills by name; otherwise only in anonymous summaries."
        ),
    )
    listed_as_expert = models.BooleanField(
        _("consent to be listed for colleagues"),
        default=False,
        help_text=_(
            "If checked, colleagues see your name and your level in a tool where they look "
            "for someone to ask about it. Kept in step with the consent records."
        ),
    )
    left_company_on = models.DateField(_("left the company on"), null=True, blank=True)
    directory_dn = models.CharField(
        _("company directory entry"),
        max_length=500,
        blank=True,
        editable=False,
        help_text=_("Set at the first sign-in with the company directory."),
    )

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.user.get_full_name()

    @property
    def full_name(self):
        return self.user.get_full_name()

    @property
    def roles(self):
        """The programme roles of this person, from their groups (those already read for
        the reader of this request, see :func:`mentoring.access.roles_of`)."""
        known = getattr(self.user, ROLES_ATTRIBUTE, None)
        if known is not None:
            return known
        return frozenset(
            ROLE_BY_GROUP[g.name] for g in self.user.groups.all() if g.name in ROLE_BY_GROUP
        )
