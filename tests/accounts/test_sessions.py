import re

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def logged_in_client(user):
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, "login failed"
    return client


def is_logged_in(client):
    return client.get("/accounts/").status_code == 200


def test_session_key_rotates_at_login(client, home_page, a_member):
    client.get("/accounts/login/")
    session = client.session
    session["visited"] = True
    session.save()
    before = client.session.session_key
    client.post("/accounts/login/", {"login": a_member.email, "password": PASSWORD})
    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(a_member.pk)


def test_logout_needs_a_post_and_ends_the_session(home_page, a_member):
    client = logged_in_client(a_member)
    client.get("/accounts/logout/")
    assert is_logged_in(client), "a GET must not log out"
    client.post("/accounts/logout/")
    assert not is_logged_in(client)


def test_password_change_ends_every_other_session(home_page, a_member):
    here = logged_in_client(a_member)
    elsewhere = logged_in_client(a_member)
    response = here.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "a-new-long-password", "password2": "a-new-long-password"},
    )
    assert response.status_code == 302
    assert is_logged_in(here)
    assert not is_logged_in(elsewhere)


def test_password_change_requires_the_current_password(home_page, a_member):
    client = logged_in_client(a_member)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-it", "password1": "a-new-long-password", "password2": "a-new-long-password"},
    )
    assert response.status_code == 200
    a_member.refresh_from_db()
    assert a_member.check_password(PASSWORD)


def test_password_reset_ends_every_session(client, home_page, a_member):
    elsewhere = logged_in_client(a_member)
    client.post("/accounts/password/reset/", {"email": a_member.email})
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(action, {"password1": "a-new-long-password", "password2": "a-new-long-password"})
    assert response.status_code == 302
    a_member.refresh_from_db()
    assert a_member.check_password("a-new-long-password")
    assert not is_logged_in(elsewhere)


def test_email_change_asks_for_the_password_again(client, home_page, a_member):
    client.force_login(a_member)  # no recent password entry in this session
    response = client.post("/accounts/email/", {"action_add": "", "email": "new.address@example.com"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not a_member.emailaddress_set.filter(email="new.address@example.com").exists()


def test_email_change_works_after_entering_the_password(home_page, a_member):
    client = logged_in_client(a_member)
    wrong = client.post("/accounts/reauthenticate/", {"password": "not-it"})
    assert wrong.status_code == 200
    assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302
    response = client.post("/accounts/email/", {"action_add": "", "email": "new.address@example.com"})
    assert response.status_code == 302
    assert a_member.emailaddress_set.filter(email="new.address@example.com", verified=False).exists()
    assert any("new.address@example.com" in message.to for message in mail.outbox)
