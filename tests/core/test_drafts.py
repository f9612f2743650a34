"""What the server gives the browser's drafts (static/js/drafts.js): an
opaque value per user, the forms marked with what they are a draft of, the
logout forms and the logged-out page that clear them. The browser side is
tests/e2e/test_offline.py."""

import re

import pytest

from accounts.factories import UserFactory
from core.drafts import draft_owner_key

pytestmark = pytest.mark.django_db

OWNER = re.compile(r'<body[^>]* data-draft-user="([^"]*)"')


def test_the_owner_key_is_stable_per_user_and_different_between_users(a_member, another_member):
    assert draft_owner_key(a_member) == draft_owner_key(a_member)
    assert draft_owner_key(a_member) != draft_owner_key(another_member)
    assert re.fullmatch(r"[0-9a-f]{32}", draft_owner_key(a_member))


def test_the_owner_key_names_nobody(a_member):
    key = draft_owner_key(a_member)
    for personal in (a_member.email, a_member.email.split("@")[0], a_member.display_name):
        assert personal.lower() not in key
    # Not the id either: the same id under another salt or secret gives another value.
    assert key != str(a_member.pk) and not key.isdigit()


def test_the_owner_key_depends_on_the_secret_key(settings, a_member):
    key = draft_owner_key(a_member)
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert draft_owner_key(a_member) != key


def test_a_visitor_has_no_owner_key(client, home_page):
    from django.contrib.auth.models import AnonymousUser

    assert draft_owner_key(AnonymousUser()) == ""
    html = client.get("/").content.decode()
    assert "data-draft-user" not in html


def test_every_page_carries_the_logged_in_members_key(client, home_page, a_member):
    client.force_login(a_member)
    html = client.get("/help-now/").content.decode()
    assert OWNER.search(html).group(1) == draft_owner_key(a_member)
    assert "data-offline-banner" in html
    assert 'src="/static/js/offline.js"' in html and 'src="/static/js/drafts.js"' in html


def test_two_members_get_different_keys_in_the_page(client, home_page, a_member, another_member):
    keys = set()
    for user in (a_member, another_member):
        client.force_login(user)
        keys.add(OWNER.search(client.get("/help-now/").content.decode()).group(1))
    assert len(keys) == 2


def test_the_header_and_the_logout_page_forms_clear_drafts(client, home_page, a_member):
    client.force_login(a_member)
    header = client.get("/help-now/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/" data-drafts-clear-on-submit>', header)
    page = client.get("/accounts/logout/").content.decode()
    assert page.count("data-drafts-clear-on-submit") == 2  # the header's and the page's


def test_the_logged_out_page_clears_drafts_and_other_messages_do_not(client, home_page, a_member):
    client.force_login(a_member)
    html = client.post("/accounts/logout/", follow=True).content.decode()
    assert re.search(r'<p class="message message--success" data-drafts-clear>You are logged out.</p>', html)
    assert "data-draft-user" not in html
    member = UserFactory(email="drafts.login@example.com", password="a-long-test-password")  # noqa: S106
    html = client.post(
        "/accounts/login/", {"login": member.email, "password": "a-long-test-password"}, follow=True
    ).content.decode()
    assert "data-drafts-clear" not in html.replace("data-drafts-clear-on-submit", "")


def test_the_account_page_has_the_drafts_switch(client, a_member):
    client.force_login(a_member)
    html = client.get("/accounts/").content.decode()
    assert 'id="drafts"' in html and "data-draft-control" in html
