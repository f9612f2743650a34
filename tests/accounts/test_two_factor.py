import re

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from accounts.factories import UserFactory, current_totp_code, give_totp
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_member_can_turn_on_two_factor(client, a_member, home_page):
    client.post("/accounts/login/", {"login": a_member.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = re.search(r"\b([A-Z2-7]{32})\b", page.content.decode()).group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=a_member, type=Authenticator.Type.TOTP).exists()


def test_login_with_two_factor_asks_for_the_code(a_member, home_page):
    give_totp(a_member, SECRET)
    client = Client()
    response = client.post("/accounts/login/", {"login": a_member.email, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(SECRET)})
    assert client.session["_auth_user_id"] == str(a_member.pk)


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_staff_without_two_factor_cannot_reach_the_admin(client, home_page, group):
    from django.contrib.auth.models import Group

    user = UserFactory(email=f"{group.lower()}@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert client.get("/django-admin/").status_code == 302


def test_staff_with_two_factor_reaches_the_admin(client, home_page):
    from django.contrib.auth.models import Group

    user = UserFactory(email="editor2@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    give_totp(user, SECRET)
    log_in_with_two_factor(client, user)
    assert client.get("/admin/").status_code == 200


def test_members_are_never_asked_for_two_factor(client, a_member, home_page):
    client.force_login(a_member)
    # Members have no admin access: a page says so.
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "/accounts/2fa/" not in response.get("Location", "")


def test_admin_login_goes_to_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
