"""Replace Wagtail's placeholder welcome page with the programme's HomePage as site root."""

from django.db import migrations


def make_home_root(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    placeholder_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=placeholder_type, depth=2).delete()  # Site cascades
    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Наставник",
        draft_title="Наставник",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Наставник"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(make_home_root, migrations.RunPython.noop)]
