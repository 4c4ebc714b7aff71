"""HR roles manage programme data, never accounts, passwords, groups or superuser status.

Migration 0002 gave HR admins ``add/change/view_user``: with it an HR admin could open any
account in ``/admin/users/``, tick «superuser» or set a password, and from there read every
private note. Accounts belong to IT (the superuser). This takes every permission on user
accounts, groups and permissions away from every programme role's group.
"""

from django.db import migrations

from mentoring.roles import GROUP_NAMES

ACCOUNT_MODELS = (("mentoring", "user"), ("auth", "group"), ("auth", "permission"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    account_perms = Permission.objects.none()
    for app_label, model in ACCOUNT_MODELS:
        account_perms |= Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    for group in Group.objects.filter(name__in=GROUP_NAMES.values()):
        group.permissions.remove(*account_perms)


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0013_participant_directory_entry")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
