"""Create a group per programme role with the Wagtail permissions each role needs."""

from django.db import migrations

from mentoring.permissions_setup import (
    ensure_permissions,
    grant_model_permissions,
    group_for,
    permission,
)
from mentoring.roles import Role

EDITOR_PAGE_PERMS = ["add_page", "change_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMS = [*EDITOR_PAGE_PERMS, "publish_page", "bulk_delete_page"]
EDITOR_MEDIA = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
ADMIN_MEDIA = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}
PROGRAMME_MODELS = ["plant", "department", "participant", "cycle", "pair"]


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for role in Role:
        group_for(apps, role)

    for role, page_perms, media in (
        (Role.HR_EDITOR, EDITOR_PAGE_PERMS, EDITOR_MEDIA),
        (Role.HR_ADMIN, ADMIN_PAGE_PERMS, ADMIN_MEDIA),
    ):
        group = group_for(apps, role)
        group.permissions.add(permission(apps, "wagtailadmin", "access_admin"))
        if root_page is not None:
            for codename in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission(apps, "wagtailcore", codename),
                )
        if root_collection is not None:
            for app_label, codenames in media.items():
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, codename),
                    )

    grant_model_permissions(apps, Role.HR_EDITOR, "mentoring", PROGRAMME_MODELS, ["view"])
    grant_model_permissions(
        apps, Role.HR_ADMIN, "mentoring", PROGRAMME_MODELS, ["add", "change", "delete", "view"]
    )
    grant_model_permissions(apps, Role.HR_ADMIN, "mentoring", ["user"], ["add", "change", "view"])


def remove_groups(apps, schema_editor):
    from mentoring.roles import GROUP_NAMES

    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
