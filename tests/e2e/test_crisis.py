"""The crisis safeguard in a real browser: a member posts a comment that
matches the detector and sees the crisis panel in place of a published
comment; the moderator's dashboard shows the urgent comment at once."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from accounts.factories import UserFactory, give_totp
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.e2e

CRY = "I want to end my life. I cannot go on like this."


def test_member_posts_a_matching_comment_sees_the_panel_and_the_dashboard_shows_it(
    browser, live_server, content, log_in
):
    member = UserFactory(email="robin@example.com", display_name="Robin")
    moderator = UserFactory(email="morgan@example.com", display_name="Morgan", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    give_totp(moderator, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")  # staff need two-factor for the admin

    def new_page(user, *, two_factor=False):
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(10_000)
        if two_factor:
            # Staff reach the admin only with both factors done in the session.
            client = log_in_with_two_factor(Client(), user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        else:
            log_in(context, user)
        return context.new_page()

    writer = new_page(member)
    writer.goto(content.article.url)
    writer.get_by_label("Your comment").fill(CRY)
    writer.get_by_role("button", name="Post comment").click()
    panel = writer.locator("[data-crisis-panel]")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", name="You don't have to wait for a reply")).to_be_visible()
    expect(panel.locator('a[href^="tel:"]').first).to_be_visible()
    expect(writer.locator(".message").get_by_text("Your comment is kept")).to_be_visible()
    # Held, not published: its writer sees it in place, waiting; readers do not see it.
    expect(writer.locator(".comment--waiting").get_by_text(CRY)).to_be_visible()
    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto(content.article.url)
    expect(reader.locator(".comments").get_by_text(CRY)).to_have_count(0)
    reader.context.close()

    desk = new_page(moderator, two_factor=True)
    desk.goto("/admin/")
    counts = desk.locator("[data-moderation-counts]")
    expect(counts).to_be_visible()
    expect(counts).to_contain_text("1 urgent item")
    expect(counts.locator('[data-counts="comments"] [data-urgent]')).to_have_text("1")
    counts.get_by_role("link", name="Comments").click()
    expect(desk.get_by_text(CRY)).to_be_visible()
