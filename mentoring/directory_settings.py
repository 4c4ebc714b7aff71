"""Settings of directory sign-in, read from the environment (``LDAP_*``).

Kept out of ``cms/settings`` so that the settings import python-ldap only when directory
sign-in is on. Every name and its default is in the README («Вход через каталог компании»).
"""

from django.core.exceptions import ImproperlyConfigured

# programme field -> environment variable naming the directory attribute, and its default
ATTRIBUTES = {
    "first_name": ("LDAP_ATTR_FIRST_NAME", "givenName"),
    "last_name": ("LDAP_ATTR_LAST_NAME", "sn"),
    "patronymic": ("LDAP_ATTR_PATRONYMIC", ""),
    "email": ("LDAP_ATTR_EMAIL", "mail"),
    "personnel_number": ("LDAP_ATTR_PERSONNEL_NUMBER", "employeeNumber"),
    "department": ("LDAP_ATTR_DEPARTMENT", "departmentNumber"),
    "position": ("LDAP_ATTR_POSITION", "title"),
    "manager": ("LDAP_ATTR_MANAGER", "manager"),
}
USER_FIELDS = ("first_name", "last_name", "patronymic", "email")


def parse_group_roles(value):
    """``"cn=mentors,ou=groups,dc=x=mentor; cn=hr,...=mentee"`` → ``{group dn: role}``.

    The role is after the last ``=``; several pairs are separated by ``;`` or new lines.
    """
    from mentoring.roles import HR_ROLES, Role

    mapping = {}
    for item in value.replace("\\n", ";").replace("\n", ";").split(";"):
        item = item.strip()
        if not item:
            continue
        dn, sep, role = item.rpartition("=")
        try:
            role = Role(role.strip())
        except ValueError:
            raise ImproperlyConfigured(
                f"LDAP_GROUP_ROLES: unknown role {role.strip()!r} in {item!r}; use one of "
                "mentee, mentor, curator."
            ) from None
        if not sep or not dn.strip():
            raise ImproperlyConfigured(f"LDAP_GROUP_ROLES: expected 'group DN=role', got {item!r}")
        if role in HR_ROLES:
            raise ImproperlyConfigured(
                "LDAP_GROUP_ROLES: HR roles are given by IT in the admin, not by the directory."
            )
        mapping[dn.strip().lower()] = role
    return mapping


def directory_settings(env):
    """The ``AUTH_LDAP_*`` settings (and ``DIRECTORY_*``) for the given environment."""
    try:
        import ldap
        from django_auth_ldap.config import (
            ActiveDirectoryGroupType,
            GroupOfNamesType,
            GroupOfUniqueNamesType,
            LDAPSearch,
            PosixGroupType,
        )
    except ImportError as error:
        raise ImproperlyConfigured(
            "LDAP_SERVER_URI is set but django-auth-ldap is not installed: "
            'pip install -e ".[ldap]" (needs libldap2-dev and libsasl2-dev).'
        ) from error
    user_base = env.get("LDAP_USER_SEARCH_BASE", "")
    if not user_base:
        raise ImproperlyConfigured("LDAP_SERVER_URI is set: set LDAP_USER_SEARCH_BASE too.")
    attributes = {field: env.get(name, default) for field, (name, default) in ATTRIBUTES.items()}
    group_types = {
        "groupOfNames": GroupOfNamesType,
        "groupOfUniqueNames": GroupOfUniqueNamesType,
        "activeDirectory": ActiveDirectoryGroupType,
        "posixGroup": PosixGroupType,
    }
    group_type = env.get("LDAP_GROUP_TYPE", "groupOfNames")
    if group_type not in group_types:
        raise ImproperlyConfigured(
            f"LDAP_GROUP_TYPE must be one of {', '.join(group_types)}, not {group_type!r}."
        )
    result = {
        "AUTH_LDAP_SERVER_URI": env["LDAP_SERVER_URI"],
        "AUTH_LDAP_BIND_DN": env.get("LDAP_BIND_DN", ""),
        "AUTH_LDAP_BIND_PASSWORD": env.get("LDAP_BIND_PASSWORD", ""),
        "AUTH_LDAP_START_TLS": env.get("LDAP_START_TLS", "").lower() in {"1", "true", "yes"},
        "AUTH_LDAP_USER_SEARCH": LDAPSearch(
            user_base,
            ldap.SCOPE_SUBTREE,
            env.get("LDAP_USER_FILTER", "(uid=%(user)s)"),
        ),
        "AUTH_LDAP_USER_ATTR_MAP": {f: attributes[f] for f in USER_FIELDS if attributes[f]},
        "AUTH_LDAP_ALWAYS_UPDATE_USER": True,
        "AUTH_LDAP_CONNECTION_OPTIONS": {
            ldap.OPT_REFERRALS: 0,
            ldap.OPT_NETWORK_TIMEOUT: int(env.get("LDAP_TIMEOUT_SECONDS", "5")),
        },
        "DIRECTORY_ATTRIBUTES": attributes,
        "DIRECTORY_DISABLED_FILTER": env.get("LDAP_DISABLED_FILTER", ""),
        "DIRECTORY_GROUP_ROLES": parse_group_roles(env.get("LDAP_GROUP_ROLES", "")),
        "DIRECTORY_USER_BASE": user_base,
    }
    group_base = env.get("LDAP_GROUP_SEARCH_BASE", "")
    if group_base:
        result["AUTH_LDAP_GROUP_SEARCH"] = LDAPSearch(
            group_base, ldap.SCOPE_SUBTREE, env.get("LDAP_GROUP_FILTER", "(objectClass=*)")
        )
        result["AUTH_LDAP_GROUP_TYPE"] = group_types[group_type]()
    return result
