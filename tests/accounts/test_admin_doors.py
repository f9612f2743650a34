"""Every way into the Wagtail admin (/admin/) and the Django admin
(/django-admin/) goes through allauth's login with the second factor done in
this session; people without admin rights get a plain "no access" page."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from accounts.factories import UserFactory, current_totp_code, give_totp
from tests.two_factor import PASSWORD, log_in_with_two_factor

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
ADMIN_PAGES = ("/admin/", "/admin/pages/", "/admin/users/", "/django-admin/", "/django-admin/mfa/authenticator/")


def staff(email, group=None, **fields):
    user = UserFactory(email=email, is_staff=True, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    give_totp(user, SECRET)
    return user


@pytest.fixture
def a_moderator(db):
    return staff("mod.doors@example.com", "Moderators")


@pytest.fixture
def a_superuser_with_totp(db):
    return staff("root.doors@example.com", is_superuser=True)


# --- The doors: every login-ish admin URL goes to allauth -------------------------


@pytest.mark.parametrize(
    ("door", "target"),
    [
        ("/admin/login/?next=/admin/pages/", "/accounts/login/?next=/admin/pages/"),
        ("/django-admin/login/?next=/admin/", "/accounts/login/?next=/admin/"),
        ("/_util/login/?next=/private/", "/accounts/login/?next=/private/"),
        ("/admin/password_reset/", "/accounts/password/reset/"),
        ("/django-admin/password_change/", "/accounts/password/change/"),
        ("/django-admin/password_change/done/", "/accounts/password/change/"),
        ("/admin/logout/", "/accounts/logout/"),
        ("/django-admin/logout/", "/accounts/logout/"),
    ],
)
def test_admin_login_views_lead_to_allauth(client, door, target):
    response = client.get(door)
    assert response.status_code == 302
    assert response["Location"] == target


def test_posting_a_password_to_the_django_admin_login_logs_nobody_in(client, a_moderator):
    response = client.post(
        "/django-admin/login/?next=/admin/", {"username": a_moderator.email, "password": PASSWORD, "next": "/admin/"}
    )
    # Sent on, as a POST, to allauth's login, which does not know the field
    # "username" and, for an account with TOTP, would ask for the code anyway.
    assert response.status_code == 307
    assert response["Location"] == "/accounts/login/?next=/admin/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_password_at_allauth_alone_does_not_open_the_admin(client, a_moderator):
    response = client.post("/accounts/login/?next=/admin/", {"login": a_moderator.email, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_admins_logout_forms_log_out_through_allauth(client, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    for door in ("/admin/logout/", "/django-admin/logout/"):
        response = client.post(door)
        assert response.status_code == 307
        assert response["Location"] == "/accounts/logout/"
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


# --- The second factor must be done in this session --------------------------------


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_staff_logged_in_with_a_password_only_are_asked_for_their_code(a_superuser_with_totp, url):
    client = Client()
    client.force_login(a_superuser_with_totp)  # a session that never passed TOTP
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/?next=")


def test_a_script_prefix_does_not_hide_the_admin_from_the_check(a_superuser_with_totp):
    client = Client()
    client.force_login(a_superuser_with_totp)
    response = client.get("/admin/", SCRIPT_NAME="/site")
    assert response.status_code == 302
    assert "/accounts/2fa/reauthenticate/" in response["Location"]


def test_the_code_in_this_session_opens_the_admin(client, a_moderator):
    client.force_login(a_moderator)
    asked = client.get("/admin/pages/")
    assert asked["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fpages%2F"
    wrong = client.post(asked["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    right = client.post(asked["Location"], {"code": current_totp_code(SECRET)})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_second_factor_of_another_session_does_not_count(a_moderator):
    log_in_with_two_factor(Client(), a_moderator)
    other = Client()
    other.force_login(a_moderator)
    assert other.get("/admin/").status_code == 302


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_staff_who_passed_both_factors_reach_both_admins(a_superuser_with_totp, url):
    client = log_in_with_two_factor(Client(), a_superuser_with_totp)
    assert client.get(url).status_code == 200


def test_staff_without_totp_are_sent_to_set_it_up(client):
    editor = UserFactory(email="new.editor@example.com", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.post("/accounts/login/", {"login": editor.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(editor.pk)
    for url in ("/admin/", "/django-admin/"):
        response = client.get(url)
        assert response["Location"].startswith("/accounts/2fa/totp/activate/?next=")


def test_a_lost_device_deleted_by_a_superuser_means_setting_up_again(client, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    Authenticator.objects.filter(user=a_moderator).delete()
    assert client.get("/admin/")["Location"].startswith("/accounts/2fa/totp/activate/")


# --- People without admin rights: a plain page, no loop ---------------------------


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/login/", "/django-admin/", "/django-admin/login/"])
def test_members_opening_the_admin_see_a_no_access_page(client, a_member, url):
    client.force_login(a_member)
    response = client.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "No access to the admin" in html
    assert 'href="/accounts/"' in html
    assert "<footer" in html  # the site's own layout, not a bare error


def test_a_specialist_who_logs_in_for_the_admin_is_not_sent_round_in_a_loop(client, a_member):
    a_member.groups.add(Group.objects.get(name="Specialists"))
    first = client.get("/admin/")
    assert first["Location"].startswith("/admin/login/")
    login = client.get(first["Location"])
    assert login["Location"].startswith("/accounts/login/?next=/admin/")
    after = client.post(login["Location"], {"login": a_member.email, "password": PASSWORD})
    assert after["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 403


# --- Wagtail's own password and e-mail management are off ---------------------------


def test_wagtail_password_reset_sends_no_mail(client, a_moderator):
    for url in ("/admin/password_reset/done/", "/admin/password_reset/complete/"):
        assert client.get(url).status_code == 404
    client.post("/admin/password_reset/", {"email": a_moderator.email})
    assert mail.outbox == []


def test_wagtail_account_page_offers_no_email_or_password_change(client, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    response = client.get("/admin/account/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="name_email-email"' not in html
    assert 'name="password-new_password1"' not in html
    assert 'name="password-old_password"' not in html
    client.post("/admin/account/", {"name_email-email": "taken.over@example.com"})
    a_moderator.refresh_from_db()
    assert a_moderator.email == "mod.doors@example.com"


def test_wagtail_user_editing_sets_no_passwords(client, a_superuser_with_totp, a_member):
    log_in_with_two_factor(client, a_superuser_with_totp)
    html = client.get(f"/admin/users/edit/{a_member.pk}/").content.decode()
    assert 'name="password1"' not in html
