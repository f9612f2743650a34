"""A member's whole life on the site, in the browser: sign up, verify, log
in, download their data, delete the account, and fail to log in again."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "a-long-journey-password"


def test_member_signs_up_downloads_their_data_deletes_the_account_and_cannot_log_in(page, live_site, live_server):
    page.goto("/accounts/signup/")
    page.get_by_label("Display name").fill("Wren")
    page.get_by_label("Email").fill("wren@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("checkbox").check()
    page.get_by_role("main").get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    # The verification link from the e-mail.
    link = next(url for url in re.findall(r"https?://\S+", mail.outbox[-1].body) if url.startswith(live_server.url))
    page.goto(link)
    page.get_by_role("main").get_by_role("button", name=re.compile("Confirm", re.I)).click()
    expect(page.get_by_role("banner")).to_contain_text("Wren")

    # Log out and back in with the password.
    page.get_by_role("banner").get_by_text("Your account").click()
    page.get_by_role("banner").get_by_role("button", name="Log out").click()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("wren@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("banner")).to_contain_text("Wren")

    # The account area, and the download of everything we hold.
    page.goto("/accounts/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert_no_axe_violations(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data (JSON)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("steady-ground-data-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["profile"]["email"] == "wren@example.com"
    assert data["records"]["accounts.consent.user"], "the consent given at sign-up is in the export"

    # Delete the account: a wrong password first, then the right one.
    page.get_by_role("link", name="Delete my account…").click()
    assert_no_axe_violations(page)
    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_label("I understand that this cannot be undone.").check()
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_label("Your password")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("That is not your current password.")).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand that this cannot be undone.").check()
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your account and your personal data have been deleted.")).to_be_visible()
    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()
    assert not User.objects.filter(email="wren@example.com").exists()

    # The old password opens nothing.
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("wren@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()
