"""The company directory (LDAP: Active Directory, FreeIPA, ALD Pro, Samba), when configured.

Sign-in itself is django-auth-ldap's backend (settings: ``LDAP_*`` from the environment, see
``cms/settings/base.py``); this module holds what the programme adds around it.
"""

from django.conf import settings


def is_enabled():
    return bool(getattr(settings, "AUTH_LDAP_SERVER_URI", ""))


def has_account(person):
    """Does ``person`` sign in with the directory (so needs no invitation)?"""
    if not is_enabled():
        return False
    return False
