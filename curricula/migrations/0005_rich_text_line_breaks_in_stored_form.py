"""Stored rich text written with ``<br>`` (the demo's feedback template did) cannot be opened
by the admin editor («Unmatched tags: expected br, got p»): rewrite it as Wagtail stores it,
``<br/>``, in the live bodies and in the revisions the editor opens."""

import re

from django.db import migrations

BARE_BREAK = re.compile(r"<br\s*>", re.IGNORECASE)


def _fixed(value):
    """The value with every bare ``<br>`` in its strings written ``<br/>``."""
    if isinstance(value, str):
        return BARE_BREAK.sub("<br/>", value)
    if isinstance(value, dict):
        return {key: _fixed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_fixed(item) for item in value]
    return value


def rewrite_breaks(apps, schema_editor):
    revision_model = apps.get_model("wagtailcore", "Revision")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    for model_name in ("MaterialPage", "ModulePage"):
        model = apps.get_model("curricula", model_name)
        field = model._meta.get_field("body")
        for page in model.objects.all():
            raw = [dict(block) for block in page.body.raw_data]
            fixed = _fixed(raw)
            if fixed != raw:
                model.objects.filter(pk=page.pk).update(body=field.to_python(fixed))
        content_type = content_type_model.objects.filter(
            app_label="curricula", model=model_name.lower()
        ).first()
        if content_type is None:
            continue
        for revision in revision_model.objects.filter(content_type=content_type):
            fixed = _fixed(revision.content)
            if fixed != revision.content:
                revision_model.objects.filter(pk=revision.pk).update(content=fixed)


class Migration(migrations.Migration):
    dependencies = [
        ("curricula", "0004_russian_name_of_material_tags"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(rewrite_breaks, migrations.RunPython.noop)]
