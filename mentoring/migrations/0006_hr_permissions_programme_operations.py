"""Give the HR groups the admin permissions for nominations, ideas, feedback and issues."""

from django.db import migrations

from mentoring.permissions_setup import ensure_permissions, grant_model_permissions
from mentoring.roles import Role


def grant(apps, schema_editor):
    ensure_permissions(apps)
    for role in (Role.HR_EDITOR, Role.HR_ADMIN):
        grant_model_permissions(
            apps, role, "mentoring", ["nomination", "idea"], ["add", "change", "view"]
        )
    grant_model_permissions(apps, Role.HR_ADMIN, "mentoring", ["nomination", "idea"], ["delete"])


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0005_programme_operations")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
