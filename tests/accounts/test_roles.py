import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from accounts.factories import UserFactory
from accounts.roles import is_specialist, is_staff_member

pytestmark = pytest.mark.django_db


def test_the_four_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Members", "Specialists", "Moderators", "Editors"}


def test_editors_edit_and_publish_pages_from_the_root():
    editors = Group.objects.get(name="Editors")
    root = Page.objects.get(depth=1)
    codenames = {p.permission.codename for p in GroupPagePermission.objects.filter(group=editors, page=root)}
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert editors.permissions.filter(codename="change_topic").exists()


def test_moderators_moderate_but_do_not_edit_pages():
    moderators = Group.objects.get(name="Moderators")
    assert moderators.permissions.filter(codename="can_moderate").exists()
    assert not GroupPagePermission.objects.filter(group=moderators).exists()


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_neither_moderators_nor_editors_can_manage_users_or_groups(group):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    for permission in ("add_user", "change_user", "delete_user", "add_group", "change_group", "delete_group"):
        app = "accounts" if permission.endswith("user") else "auth"
        assert not user.has_perm(f"{app}.{permission}")


def test_specialist_role_comes_from_the_group_not_from_anything_the_member_edits(a_member):
    assert not is_specialist(a_member)
    a_member.groups.add(Group.objects.get(name="Specialists"))
    a_member = type(a_member).objects.get(pk=a_member.pk)
    assert is_specialist(a_member)


def test_staff_role(a_member):
    assert not is_staff_member(a_member)
    a_member.groups.add(Group.objects.get(name="Moderators"))
    a_member = type(a_member).objects.get(pk=a_member.pk)
    assert is_staff_member(a_member)
