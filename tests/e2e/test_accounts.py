"""Sign-up, e-mail confirmation, log in and out, password reset: allauth's
pages inside the site's layout, labelled, with errors beside their fields."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.factories import UserFactory

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "a-long-test-password"


def link_in_last_mail(live_server):
    assert mail.outbox, "no e-mail was sent"
    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    links = [link for link in links if link.startswith(live_server.url)]
    assert links, mail.outbox[-1].body
    return links[0]


def new_password(page):
    return page.get_by_label(re.compile(r"^New password$", re.IGNORECASE))


def new_password_again(page):
    return page.get_by_label(re.compile(r"^New password \(again\)$", re.IGNORECASE))


def expect_site_layout(page):
    expect(page.get_by_role("banner")).to_contain_text("Steady Ground")
    expect(page.get_by_role("link", name="Need help now?")).to_be_visible()
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_contain_text("In crisis?")
    expect(page.locator("link[rel=stylesheet][href$='site.css']")).to_have_count(1)
    expect(page).to_have_title(re.compile(r"\S.* · Steady Ground$"))


@pytest.fixture
def a_member(live_site):
    return UserFactory(email="rowan@example.com", display_name="Rowan", password=PASSWORD)


def test_login_and_signup_pages_use_the_site_layout_with_labelled_fields(page, live_site):
    page.goto("/accounts/login/")
    expect_site_layout(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    expect(page.get_by_label("Email")).to_have_attribute("type", "email")
    expect(page.get_by_label("Password")).to_have_attribute("type", "password")
    expect(page.get_by_role("link", name="Forgot your password?")).to_be_visible()

    page.get_by_role("main").get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    expect_site_layout(page)
    for label in ["Display name", "Email", "Password", "Password (again)"]:
        expect(page.get_by_label(label, exact=True)).to_be_editable()
    expect(page.get_by_label("Display name")).to_have_accessible_description(re.compile("nickname"))


def test_signup_errors_are_shown_next_to_their_fields(page, live_site):
    page.goto("/accounts/signup/")
    # Values the browser accepts and the server refuses.
    page.get_by_label("Display name").fill("me@example.com")
    page.get_by_label("Email").fill("someone@nowhere")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password (again)").fill("short")
    page.get_by_role("checkbox").check()
    page.get_by_role("main").get_by_role("button", name="Sign up").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("Please check the fields marked below.")
    for label, message in [
        ("Display name", "Please don't use an e-mail address"),
        ("Email", "Enter a valid email address."),
        ("Password", "This password is too short."),
    ]:
        field = page.get_by_label(label, exact=True)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(re.escape(message)))
        # The message is inside the field's own group, right above the input.
        group = page.locator(".form-field", has=field)
        expect(group.locator(".errorlist")).to_contain_text(message)
    # What was typed is kept (except the passwords).
    expect(page.get_by_label("Email")).to_have_value("someone@nowhere")
    assert_no_axe_violations(page)


def test_member_signs_up_confirms_the_address_and_is_logged_in(page, live_site, live_server):
    page.goto("/accounts/signup/")
    page.get_by_label("Display name").fill("Robin")
    page.get_by_label("Email").fill("robin@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("checkbox").check()
    page.get_by_role("main").get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    expect_site_layout(page)
    assert_no_axe_violations(page)

    page.goto(link_in_last_mail(live_server))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your e-mail address")
    expect(page.get_by_role("main")).to_contain_text("robin@example.com")
    expect_site_layout(page)
    assert_no_axe_violations(page)
    page.get_by_role("main").get_by_role("button", name="Confirm").click()

    banner = page.get_by_role("banner")
    expect(banner).to_contain_text("Robin")
    # Log out sits in the account menu, as the member's own pages do.
    banner.get_by_text("Your account").click()
    expect(banner.get_by_role("button", name="Log out")).to_be_visible()


def test_login_brings_the_member_back_to_the_article(page, content, a_member):
    page.goto(content.article.url)
    page.get_by_role("banner").get_by_role("link", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("Email").fill(a_member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(re.escape(content.article.url) + "$"))
    expect(page.get_by_role("banner")).to_contain_text("Rowan")
    expect(page.locator(".messages")).to_have_text("You are logged in as Rowan.")


def test_wrong_password_says_so_above_the_form(page, a_member):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(a_member.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    expect(page).to_have_title(re.compile(r"^Error: Log in"))
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    expect(page.get_by_label("Email")).to_have_value(a_member.email)
    assert_no_axe_violations(page)


def test_logout_page_asks_and_logs_out(page, a_member):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(a_member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("banner")).to_contain_text("Rowan")

    page.goto("/accounts/logout/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log out")
    expect_site_layout(page)
    assert_no_axe_violations(page)
    page.get_by_role("main").get_by_role("button", name="Log out").click()

    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()
    expect(page.locator(".messages")).to_have_text("You are logged out.")


def test_member_resets_a_forgotten_password(page, a_member, live_server):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    expect_site_layout(page)
    page.get_by_label("Email").fill(a_member.email)
    page.get_by_role("main").get_by_role("button", name="Send me a link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    expect_site_layout(page)
    assert_no_axe_violations(page)

    page.goto(link_in_last_mail(live_server))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    expect_site_layout(page)
    assert_no_axe_violations(page)
    new_password(page).fill("short")
    new_password_again(page).fill("short")
    page.get_by_role("main").get_by_role("button", name="Change my password").click()
    expect(new_password(page)).to_have_attribute("aria-invalid", "true")

    new_password(page).fill("a-brand-new-long-password")
    new_password_again(page).fill("a-brand-new-long-password")
    page.get_by_role("main").get_by_role("button", name="Change my password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password is changed")
    assert_no_axe_violations(page)

    page.get_by_role("main").get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill(a_member.email)
    page.get_by_label("Password").fill("a-brand-new-long-password")
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("banner")).to_contain_text("Rowan")


def test_used_password_reset_link_explains_what_to_do(page, a_member):
    page.goto("/accounts/password/reset/key/1-not-a-real-key/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work any more")
    expect(page.get_by_role("link", name="Ask for a new one")).to_have_attribute("href", "/accounts/password/reset/")
    expect_site_layout(page)
