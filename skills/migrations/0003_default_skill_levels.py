"""The default scale: shop-floor ILUO in development language (DESIGN.md)."""

from django.db import migrations

LEVELS = [
    (0, "", "не начинал", "Ещё не работал с инструментом."),
    (1, "I", "знакомлюсь", "Знаю, зачем нужен инструмент, пробую под присмотром наставника."),
    (2, "L", "применяю с поддержкой", "Выполняю типовые задачи, иногда нужна подсказка."),
    (3, "U", "применяю самостоятельно", "Решаю рабочие задачи сам, без подсказок."),
    (4, "O", "могу научить других", "Уверенно применяю и могу показать коллегам."),
]


def create_levels(apps, schema_editor):
    SkillLevel = apps.get_model("skills", "SkillLevel")
    for value, code, label, description in LEVELS:
        SkillLevel.objects.get_or_create(
            value=value, defaults={"code": code, "label": label, "description": description}
        )


def grant_hr(apps, schema_editor):
    from mentoring.permissions_setup import ensure_permissions, grant_model_permissions
    from mentoring.roles import Role

    ensure_permissions(apps)
    for role in (Role.HR_EDITOR, Role.HR_ADMIN):
        grant_model_permissions(
            apps, role, "skills", ["toolcategory", "skilllevel"], ["add", "change", "view"]
        )
    grant_model_permissions(apps, Role.HR_ADMIN, "skills", ["toolcategory"], ["delete"])


class Migration(migrations.Migration):
    dependencies = [
        ("skills", "0002_catalogue_and_mastery"),
        ("mentoring", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(create_levels, migrations.RunPython.noop),
        migrations.RunPython(grant_hr, migrations.RunPython.noop),
    ]
