"""The programme's nine competencies with each level described in behaviour; HR may edit."""

from django.db import migrations


def create_competencies(apps, schema_editor):
    from growth.content import ensure_competencies

    ensure_competencies(
        apps.get_model("growth", "Competency"), apps.get_model("growth", "CompetencyLevel")
    )


def grant_hr(apps, schema_editor):
    from mentoring.permissions_setup import ensure_permissions, grant_model_permissions
    from mentoring.roles import Role

    ensure_permissions(apps)
    for role in (Role.HR_EDITOR, Role.HR_ADMIN):
        grant_model_permissions(apps, role, "growth", ["competency"], ["add", "change", "view"])


class Migration(migrations.Migration):
    dependencies = [
        ("growth", "0001_competencies_and_growth_records"),
        ("mentoring", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(create_competencies, migrations.RunPython.noop),
        migrations.RunPython(grant_hr, migrations.RunPython.noop),
    ]
