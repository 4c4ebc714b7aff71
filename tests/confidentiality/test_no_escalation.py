"""No programme role raises its own rights: accounts, passwords, groups belong to IT.

Each attempt an HR admin could make in the Wagtail admin is tried; each answers without
effect (a redirect to the dashboard with «no permission», or 403/404) and the account is
unchanged afterwards.
"""

import pytest

from django.contrib.auth.models import Group, Permission

from mentoring.roles import GROUP_NAMES, Role
from tests.mentoring.factories import ParticipantFactory


@pytest.fixture
def victim(db):
    return ParticipantFactory(roles=[Role.MENTEE])


def _refused(response):
    return response.status_code in (302, 403, 404) and "/admin/users/" not in response.get(
        "Location", ""
    )


@pytest.mark.parametrize("role", [Role.HR_ADMIN, Role.HR_EDITOR, Role.CURATOR, Role.MENTOR])
def test_no_programme_group_holds_account_permissions(db, role):
    group = Group.objects.get(name=GROUP_NAMES[role])
    held = Permission.objects.filter(
        group=group, content_type__model__in=["user", "group", "permission"]
    )
    assert list(held) == []


@pytest.mark.parametrize("who", ["hr_admin", "hr_editor"])
def test_hr_cannot_make_a_superuser_or_set_a_password(client, victim, hr_admin, hr_editor, who):
    attacker = {"hr_admin": hr_admin, "hr_editor": hr_editor}[who]
    client.force_login(attacker.user)
    for target in (victim.user, attacker.user):
        url = f"/admin/users/{target.pk}/"
        assert _refused(client.get(url))
        response = client.post(
            url,
            {
                "username": target.username,
                "email": target.email,
                "first_name": "X",
                "last_name": "Y",
                "is_active": "on",
                "is_superuser": "on",
                "password1": "Hacked-pass-2026",
                "password2": "Hacked-pass-2026",
                "groups": [g.pk for g in Group.objects.all()],
            },
        )
        assert _refused(response)
        target.refresh_from_db()
        assert not target.is_superuser
        assert not target.check_password("Hacked-pass-2026")
        assert target.first_name != "X"
    attacker.user.refresh_from_db()
    assert set(attacker.user.groups.values_list("name", flat=True)) == {
        GROUP_NAMES[r]
        for r in ({Role.HR_ADMIN, Role.HR_EDITOR} if who == "hr_admin" else {Role.HR_EDITOR})
    }


def test_hr_admin_cannot_create_accounts_or_edit_groups(client, hr_admin):
    client.force_login(hr_admin.user)
    before = type(hr_admin.user).objects.count()
    response = client.post(
        "/admin/users/add/",
        {
            "username": "intruder",
            "email": "i@example.com",
            "first_name": "I",
            "last_name": "I",
            "password1": "Hacked-pass-2026",
            "password2": "Hacked-pass-2026",
            "is_superuser": "on",
        },
    )
    assert _refused(response)
    assert type(hr_admin.user).objects.count() == before
    group = Group.objects.get(name=GROUP_NAMES[Role.HR_ADMIN])
    all_perms = list(Permission.objects.values_list("pk", flat=True))
    response = client.post(
        f"/admin/groups/{group.pk}/", {"name": group.name, "permissions": all_perms}
    )
    assert _refused(response)
    assert not group.permissions.filter(codename="change_user").exists()
    assert _refused(client.get("/admin/groups/"))
    assert _refused(client.get("/admin/users/"))


def test_hr_admin_still_manages_programme_data(client, hr_admin):
    client.force_login(hr_admin.user)
    assert client.get("/admin/").status_code == 200
    assert hr_admin.user.has_perm("mentoring.change_participant")
    assert hr_admin.user.has_perm("mentoring.change_pair")
