"""Wagtail creates a workflow and a task both called «Moderators approval»; the admin then
shows that English name in the workflow list and in page moderation. Give them Russian names
(the English name comes back if the migration is reversed)."""

from django.db import migrations

ENGLISH = "Moderators approval"
RUSSIAN = "Согласование модераторами"


def rename(apps, old, new):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def to_russian(apps, schema_editor):
    rename(apps, ENGLISH, RUSSIAN)


def to_english(apps, schema_editor):
    rename(apps, RUSSIAN, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("curricula", "0002_hr_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_russian, to_english)]
