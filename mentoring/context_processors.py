"""The reader's roles, for the navigation of the base template."""

from mentoring.access import roles_of


def roles(request):
    """Expose ``user_roles`` so the shell shows each role its own entry points."""
    user = getattr(request, "user", None)
    return {"user_roles": roles_of(user)}
