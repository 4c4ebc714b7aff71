"""The programme's roles and the Django groups that carry them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A role a person plays in the programme; each is one Django group."""

    MENTEE = "mentee", _("Mentee")
    MENTOR = "mentor", _("Mentor")
    CURATOR = "curator", _("Curator")
    HR_EDITOR = "hr_editor", _("HR editor")
    HR_ADMIN = "hr_admin", _("HR admin")


# Group names are stored data and must not change with the interface language.
GROUP_NAMES = {
    Role.MENTEE: "Наставляемые",
    Role.MENTOR: "Наставники",
    Role.CURATOR: "Кураторы",
    Role.HR_EDITOR: "HR-редакторы",
    Role.HR_ADMIN: "HR-администраторы",
}
ROLE_BY_GROUP = {name: role for role, name in GROUP_NAMES.items()}
# Where a user object keeps its roles for the request (mentoring.access.roles_of).
ROLES_ATTRIBUTE = "_nastavnik_roles"
HR_ROLES = frozenset({Role.HR_EDITOR, Role.HR_ADMIN})
