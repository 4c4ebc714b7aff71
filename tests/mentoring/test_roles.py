"""The role groups exist after migrate and carry the permissions each role needs."""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Page

from mentoring.roles import GROUP_NAMES, Role


def test_every_role_has_its_group(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert set(GROUP_NAMES.values()) <= names
    assert len(GROUP_NAMES) == len(Role)


def _page_perms(role):
    root = Page.get_first_root_node()
    return set(
        GroupPagePermission.objects.filter(group__name=GROUP_NAMES[role], page=root).values_list(
            "permission__codename", flat=True
        )
    )


def test_hr_editor_edits_pages_but_cannot_publish(db):
    perms = _page_perms(Role.HR_EDITOR)
    assert {"add_page", "change_page"} <= perms
    assert "publish_page" not in perms
    group = Group.objects.get(name=GROUP_NAMES[Role.HR_EDITOR])
    assert group.permissions.filter(codename="access_admin").exists()


def test_hr_admin_publishes_and_manages_people(db):
    assert "publish_page" in _page_perms(Role.HR_ADMIN)
    group = Group.objects.get(name=GROUP_NAMES[Role.HR_ADMIN])
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_pair", "add_participant", "change_cycle"} <= codenames


def test_programme_roles_have_no_admin_access(db):
    for role in (Role.MENTEE, Role.MENTOR, Role.CURATOR):
        group = Group.objects.get(name=GROUP_NAMES[role])
        assert not group.permissions.exists()
        assert not GroupPagePermission.objects.filter(group=group).exists()
