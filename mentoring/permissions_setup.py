"""Helpers for data migrations that create role groups and grant them permissions.

Kept outside the migrations so later apps (curricula, skills) grant their own model
permissions to the HR groups the same way. Functions take the historical ``apps``.
"""

from django.contrib.auth.management import create_permissions

from mentoring.roles import GROUP_NAMES


def ensure_permissions(apps):
    """Create the Permission rows now; Django would only do it after the whole migrate."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def group_for(apps, role):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
    return group


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_model_permissions(apps, role, app_label, model_names, actions):
    """Give ``role`` the ``actions`` (add, change, delete, view) on the listed models."""
    group = group_for(apps, role)
    for model in model_names:
        for action in actions:
            group.permissions.add(permission(apps, app_label, f"{action}_{model}"))
