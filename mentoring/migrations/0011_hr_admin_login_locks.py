"""Let HR admins see failed logins and lift login locks (axes' AccessAttempt)."""

from django.db import migrations

from mentoring.permissions_setup import ensure_permissions, grant_model_permissions
from mentoring.roles import Role


def grant(apps, schema_editor):
    ensure_permissions(apps)
    grant_model_permissions(apps, Role.HR_ADMIN, "axes", ["accessattempt"], ["view", "delete"])


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0010_document_templates_and_permissions"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
