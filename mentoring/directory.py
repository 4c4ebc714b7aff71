"""The company directory (LDAP: Active Directory, FreeIPA, ALD Pro, Samba), when configured.

Sign-in is django-auth-ldap's backend (settings from ``LDAP_*`` in the environment, see
:mod:`mentoring.directory_settings` and the README); :class:`DirectoryBackend` adds what the
programme needs around it:

* the first sign-in matches the person to their imported participant by personnel number,
  then by e-mail, or creates them; every sign-in refreshes name, e-mail, department,
  position and line manager from the directory;
* members of the directory groups named in ``LDAP_GROUP_ROLES`` get those programme roles
  (logged like every role change, :mod:`mentoring.role_changes`);
* an account the directory marks disabled (``LDAP_DISABLED_FILTER``) cannot sign in, and
  the person is recorded as having left that day: the scheduled task deactivates them and
  ends their pairs (:mod:`mentoring.leaving`), as it does for accounts that
  :func:`sync_disabled` finds disabled or gone.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def is_enabled():
    return bool(getattr(settings, "AUTH_LDAP_SERVER_URI", ""))


def _first(attrs, name):
    if not name or not attrs:
        return ""
    values = attrs.get(name) or attrs.get(name.lower()) or []
    return (values[0] if values else "") or ""


def _connection():
    """A connection bound with the service account (``LDAP_BIND_DN``)."""
    import ldap

    connection = ldap.initialize(settings.AUTH_LDAP_SERVER_URI)
    for option, value in getattr(settings, "AUTH_LDAP_CONNECTION_OPTIONS", {}).items():
        connection.set_option(option, value)
    if getattr(settings, "AUTH_LDAP_START_TLS", False):
        connection.start_tls_s()
    connection.simple_bind_s(settings.AUTH_LDAP_BIND_DN, settings.AUTH_LDAP_BIND_PASSWORD)
    return connection


def _is_disabled(connection, dn):
    """Is the entry ``dn`` gone, or matched by ``LDAP_DISABLED_FILTER``?"""
    import ldap

    disabled_filter = getattr(settings, "DIRECTORY_DISABLED_FILTER", "")
    try:
        found = connection.search_s(dn, ldap.SCOPE_BASE, disabled_filter or "(objectClass=*)")
    except ldap.NO_SUCH_OBJECT:
        return True
    return bool(found) if disabled_filter else not found


def find_entry(person, connection=None):
    """The directory DN of ``person`` (by personnel number, then e-mail), or ``""``."""
    import ldap
    from ldap.filter import escape_filter_chars

    if person.directory_dn:
        return person.directory_dn
    attributes = settings.DIRECTORY_ATTRIBUTES
    conditions = []
    if person.personnel_number and attributes.get("personnel_number"):
        conditions.append(
            f"({attributes['personnel_number']}={escape_filter_chars(person.personnel_number)})"
        )
    if person.user.email and attributes.get("email"):
        conditions.append(f"({attributes['email']}={escape_filter_chars(person.user.email)})")
    if not conditions:
        return ""
    connection = connection or _connection()
    found = connection.search_s(
        settings.DIRECTORY_USER_BASE,
        ldap.SCOPE_SUBTREE,
        f"(|{''.join(conditions)})",
        attrlist=["1.1"],
    )
    entries = [dn for dn, _attrs in found if dn]
    return entries[0] if len(entries) == 1 else ""


def has_account(person):
    """Does ``person`` sign in with the directory (so needs no invitation)?

    Directory sign-in off: no. On: they signed in already, or the directory holds an entry
    with their personnel number or e-mail. A directory that does not answer counts as no
    (the invitation is the way in that still works).
    """
    if not is_enabled():
        return False
    if person.directory_dn:
        return True
    try:
        return bool(find_entry(person))
    except Exception:
        logger.warning("The directory did not answer; %s is invited instead", person.pk)
        return False


def _department(person, name):
    from mentoring.models import Department

    if not name:
        return person.department
    found = Department.objects.filter(name=name)
    if person.plant_id:
        found = found.filter(plant_id=person.plant_id)
        department = found.first()
        if department is None:
            department = Department.objects.create(plant_id=person.plant_id, name=name[:200])
        return department
    departments = list(found[:2])
    return departments[0] if len(departments) == 1 else person.department


def _manager(connection, dn):
    """The participant whose directory entry is ``dn`` (by DN, then number or e-mail)."""
    import ldap

    from mentoring.models import Participant

    if not dn:
        return None
    manager = Participant.objects.filter(directory_dn__iexact=dn).first()
    if manager is not None:
        return manager
    attributes = settings.DIRECTORY_ATTRIBUTES
    wanted = [a for a in (attributes.get("personnel_number"), attributes.get("email")) if a]
    try:
        found = connection.search_s(dn, ldap.SCOPE_BASE, "(objectClass=*)", attrlist=wanted)
    except ldap.LDAPError:
        return None
    if not found:
        return None
    attrs = {k: [v.decode() for v in vs] for k, vs in found[0][1].items()}
    number = _first(attrs, attributes.get("personnel_number"))
    email = _first(attrs, attributes.get("email"))
    if number:
        manager = Participant.objects.filter(personnel_number=number).first()
    if manager is None and email:
        manager = Participant.objects.filter(user__email__iexact=email).first()
    return manager


def record_disabled(person, on=None):
    """The directory disabled ``person``: they left on ``on`` (the task deactivates them)."""
    if person.left_company_on is None:
        person.left_company_on = on or datetime.date.today()
        person.save(update_fields=["left_company_on"])


def sync_disabled(today=None):
    """Record as left everyone who signs in with the directory and whose entry is disabled
    or gone. Called by the scheduled task before it deactivates leavers."""
    from mentoring.models import Participant

    if not is_enabled():
        return 0
    connection = _connection()
    count = 0
    people = Participant.objects.filter(left_company_on__isnull=True, user__is_active=True).exclude(
        directory_dn=""
    )
    for person in people.order_by("pk"):
        if _is_disabled(connection, person.directory_dn):
            record_disabled(person, today)
            count += 1
    return count


try:
    from django_auth_ldap.backend import LDAPBackend
except ImportError:  # python-ldap not built: directory sign-in stays off
    LDAPBackend = object


class DirectoryBackend(LDAPBackend):
    """django-auth-ldap, matched to the programme's participants (see the module text)."""

    def get_or_build_user(self, username, ldap_user):
        from mentoring.models import Participant

        attributes = settings.DIRECTORY_ATTRIBUTES
        number = _first(ldap_user.attrs, attributes.get("personnel_number"))
        email = _first(ldap_user.attrs, attributes.get("email"))
        person = Participant.objects.filter(directory_dn__iexact=ldap_user.dn).first()
        if person is None and number:
            person = Participant.objects.filter(personnel_number=number).first()
        if person is None and email:
            person = Participant.objects.filter(user__email__iexact=email).first()
        if person is not None:
            return person.user, False
        return super().get_or_build_user(username, ldap_user)

    def authenticate_ldap_user(self, ldap_user, password):
        user = super().authenticate_ldap_user(ldap_user, password)
        if user is None:
            return None
        with transaction.atomic():
            person = self._sync_participant(user, ldap_user)
            if _is_disabled(ldap_user.connection, ldap_user.dn):
                record_disabled(person)
                logger.info("Directory account %s is disabled: sign-in refused", ldap_user.dn)
                return None
            self._grant_group_roles(person, ldap_user)
        if not user.is_active or person.left_company_on:
            return None
        return user

    def _sync_participant(self, user, ldap_user):
        from mentoring.models import Participant

        attributes = settings.DIRECTORY_ATTRIBUTES
        attrs = ldap_user.attrs
        person = Participant.objects.filter(user=user).first() or Participant(user=user)
        number = _first(attrs, attributes.get("personnel_number"))
        if (
            number
            and not Participant.objects.filter(personnel_number=number).exclude(user=user).exists()
        ):
            person.personnel_number = number[:50]
        position = _first(attrs, attributes.get("position"))
        if position:
            person.position = position[:200]
        person.department = _department(person, _first(attrs, attributes.get("department")))
        if person.department is not None and person.plant_id is None:
            person.plant_id = person.department.plant_id
        person.directory_dn = ldap_user.dn[:500]
        person.save()
        manager = _manager(ldap_user.connection, _first(attrs, attributes.get("manager")))
        if manager is not None and manager.pk != person.pk and person.manager_id != manager.pk:
            person.manager = manager
            person.save(update_fields=["manager"])
        return person

    def _grant_group_roles(self, person, ldap_user):
        from mentoring import role_changes

        mapping = getattr(settings, "DIRECTORY_GROUP_ROLES", {})
        if not mapping:
            return
        member_of = {dn.lower() for dn in ldap_user.group_dns}
        for dn, role in mapping.items():
            if dn in member_of:
                role_changes.grant(
                    person, role, reason="directory_group", extra={"group": dn[:200]}
                )
