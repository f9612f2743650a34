"""Offline and drafts in a real browser: the banner comes and goes with the
connection, a form is not sent while offline, and what a member writes is kept
in this browser (per member) until it is sent, they log out, or they switch
drafts off on this device."""

import uuid

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.factories import UserFactory
from articles.factories import ArticlePageFactory
from core.factories import TopicFactory
from messaging import services as messaging_services
from messaging.models import Message
from qa.models import Question
from specialists.factories import SpecialistPageFactory

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e

TITLE = "How do I stop going over the day at night?"
BODY = "Every evening I replay small things I said at work, and it keeps me awake for hours."
DRAFT_KEYS = "Object.keys(localStorage).filter((key) => key.startsWith('sg-draft:'))"


@pytest.fixture
def people(live_site, specialist_index):
    TopicFactory(name="Sleep", slug="sleep")
    specialist = UserFactory(email="ada.offline@example.com", display_name="Ada")
    specialist.groups.add(Group.objects.get(name="Specialists"))
    SpecialistPageFactory(parent=specialist_index, title="Dr Ada Moss", slug="ada-moss", user=specialist)
    specialist.refresh_from_db()
    member = UserFactory(email="robin.offline@example.com", display_name="Robin")
    conversation, _ = messaging_services.conversation_start(
        member=member, page=specialist.specialist_page, body="Hello, may I ask about sleep?", token=uuid.uuid4()
    )
    return member, specialist, conversation


@pytest.fixture
def member_page(context, log_in, people, page):
    log_in(context, people[0])
    return page


def draft_keys(page):
    return page.evaluate(DRAFT_KEYS)


def wait_for_draft(page):
    # A function, not a bare expression: Playwright evals bare expressions in
    # the page, which the site's CSP (no unsafe-eval) rightly refuses.
    page.wait_for_function(f"() => {DRAFT_KEYS}.length > 0")


def banner(page):
    return page.locator("[data-offline-banner]")


def test_banner_appears_offline_and_goes_when_back(context, member_page, people):
    page = member_page
    page.goto(people[2].get_absolute_url())
    expect(banner(page)).to_be_empty()
    context.set_offline(True)
    expect(banner(page)).to_have_text("No internet connection. Your text is kept: send it when you are back.")
    expect(page.get_by_role("status").filter(has_text="No internet connection")).to_be_visible()
    assert_no_axe_violations(page)
    context.set_offline(False)
    expect(banner(page)).to_be_empty()
    assert banner(page).bounding_box()["height"] == 0


def test_a_form_sent_offline_is_not_sent_and_keeps_its_text(context, member_page, people):
    page = member_page
    conversation = people[2]
    page.goto(conversation.get_absolute_url())
    context.set_offline(True)
    page.get_by_label("Your message").fill("Written on the train, out of signal.")
    page.get_by_role("button", name="Send").click()
    expect(banner(page)).to_contain_text("Not sent, as you are offline. Your text is still here")
    expect(page.get_by_label("Your message")).to_have_value("Written on the train, out of signal.")
    assert Message.objects.filter(conversation=conversation).count() == 1
    context.set_offline(False)
    expect(banner(page)).to_be_empty()
    page.get_by_role("button", name="Send").click()
    expect(page.locator("[data-messaging-status]")).to_have_text("Your message has been sent.", timeout=15_000)
    assert Message.objects.filter(conversation=conversation, body__contains="out of signal").count() == 1


def test_banner_at_320_px_is_readable_and_covers_no_form_field(browser, live_server, log_in, people):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640}, locale="en-GB")
    try:
        context.set_default_timeout(10_000)
        log_in(context, people[0])
        page = context.new_page()
        page.goto(people[2].get_absolute_url())
        context.set_offline(True)
        expect(banner(page)).to_contain_text("No internet connection.")
        box = banner(page).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["height"] < 160
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        field = page.get_by_label("Your message")

        def assert_field_clear():
            for block in ("start", "center", "end"):
                # "instant": the site scrolls smoothly, and a box measured mid-way means nothing.
                field.evaluate(f"(el) => el.scrollIntoView({{block: '{block}', behavior: 'instant'}})")
                stuck, target = banner(page).bounding_box(), field.bounding_box()
                below, above = stuck["y"] + stuck["height"] <= target["y"], target["y"] + target["height"] <= stuck["y"]
                assert below or above, block

        assert_field_clear()
        # The longer sentence after a blocked send, on five lines or so at 320 px.
        field.fill("Typed on a phone with no signal.")
        page.get_by_role("button", name="Send").click()
        expect(banner(page)).to_contain_text("Not sent")
        assert_field_clear()
        expect(field).to_have_value("Typed on a phone with no signal.")
    finally:
        context.close()


def test_a_draft_survives_a_reload_and_goes_once_the_question_is_sent(member_page):
    page = member_page
    page.goto("/questions/ask/?step=form")
    page.locator("input[name='title']").fill(TITLE)
    page.locator("textarea[name='body']").fill(BODY)
    page.locator("select[name='topic']").select_option(label="Sleep")
    wait_for_draft(page)
    page.reload()
    expect(page.locator("input[name='title']")).to_have_value(TITLE)
    expect(page.locator("textarea[name='body']")).to_have_value(BODY)
    expect(page.locator("select[name='topic'] option:checked")).to_have_text("Sleep")
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_url("**/questions/*/*/?asked=1")
    assert Question.objects.filter(title=TITLE).exists()
    assert draft_keys(page) == []
    page.goto("/questions/ask/?step=form")
    expect(page.locator("textarea[name='body']")).to_have_value("")


def test_a_draft_stays_when_the_server_sends_the_form_back(member_page):
    page = member_page
    page.goto("/questions/ask/?step=form")
    page.locator("input[name='title']").fill("Too short")
    page.locator("textarea[name='body']").fill(BODY)
    wait_for_draft(page)
    page.get_by_role("button", name="Post your question").click()
    expect(page.locator("input[name='title'][aria-invalid='true']")).to_be_visible()
    # The server's text is there, and the draft is still a draft.
    expect(page.locator("textarea[name='body']")).to_have_value(BODY)
    assert len(draft_keys(page)) == 1
    page.goto("/questions/ask/?step=form")
    expect(page.locator("textarea[name='body']")).to_have_value(BODY)


def test_a_message_draft_goes_once_sent_by_the_script(member_page, people):
    page = member_page
    page.goto(people[2].get_absolute_url())
    page.get_by_label("Your message").fill("Is Thursday evening possible?")
    wait_for_draft(page)
    page.reload()
    expect(page.get_by_label("Your message")).to_have_value("Is Thursday evening possible?")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("[data-messaging-status]")).to_have_text("Your message has been sent.", timeout=15_000)
    assert draft_keys(page) == []
    page.reload()
    expect(page.get_by_label("Your message")).to_have_value("")


def test_logging_out_removes_drafts(context, member_page, people, log_in):
    page = member_page
    page.goto(people[2].get_absolute_url())
    page.get_by_label("Your message").fill("Something private I have not sent yet.")
    wait_for_draft(page)
    page.get_by_text("Your account").click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    assert draft_keys(page) == []
    log_in(context, people[0])
    page.goto(people[2].get_absolute_url())
    expect(page.get_by_label("Your message")).to_have_value("")


def test_the_logged_out_page_clears_drafts_left_behind(member_page, people):
    page = member_page
    page.goto(people[2].get_absolute_url())
    page.get_by_label("Your message").fill("Left behind in another tab.")
    wait_for_draft(page)
    # form.submit() skips the submit event: only the logged-out page can clear it.
    page.evaluate("document.querySelector('[data-drafts-clear-on-submit]').submit()")
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    assert draft_keys(page) == []


def test_another_member_on_the_same_browser_does_not_see_the_draft(context, member_page, people, log_in):
    page = member_page
    page.goto("/questions/ask/?step=form")
    page.locator("textarea[name='body']").fill(BODY)
    wait_for_draft(page)
    other = UserFactory(email="sasha.offline@example.com", display_name="Sasha")
    context.clear_cookies()
    log_in(context, other)
    page.goto("/questions/ask/?step=form")
    expect(page.locator("header")).to_contain_text("Sasha")
    expect(page.locator("textarea[name='body']")).to_have_value("")
    # Robin's draft is still in the browser, under a key that names nobody.
    (key,) = draft_keys(page)
    owner = key.split(":")[1]
    assert len(owner) == 32 and owner != str(people[0].pk) and "robin" not in key.lower()
    # The first member gets it back (their session ran out; nobody logged out).
    context.clear_cookies()
    log_in(context, people[0])
    page.goto("/questions/ask/?step=form")
    expect(page.locator("textarea[name='body']")).to_have_value(BODY)


def test_switching_drafts_off_removes_them_and_keeps_no_more(member_page):
    page = member_page
    page.goto("/questions/ask/?step=form")
    page.locator("textarea[name='body']").fill(BODY)
    wait_for_draft(page)
    page.goto("/accounts/")
    drafts = page.locator("#drafts")
    expect(drafts).to_contain_text("A draft of what you write is kept in this browser")
    assert_no_axe_violations(page)
    drafts.get_by_role("button", name="Do not keep drafts on this device").click()
    expect(drafts).to_contain_text("Drafts are off on this device")
    assert draft_keys(page) == []
    page.goto("/questions/ask/?step=form")
    expect(page.locator("textarea[name='body']")).to_have_value("")
    expect(page.get_by_role("button", name="Keep drafts on this device")).to_be_visible()
    page.locator("textarea[name='body']").fill(BODY)
    page.wait_for_timeout(800)  # longer than the save delay
    assert draft_keys(page) == []
    page.reload()
    expect(page.locator("textarea[name='body']")).to_have_value("")
    # And on again, from the control under the form.
    page.get_by_role("button", name="Keep drafts on this device").click()
    page.locator("textarea[name='body']").fill(BODY)
    wait_for_draft(page)
    assert len(draft_keys(page)) == 1


def test_a_comment_draft_stays_through_a_preview_and_goes_once_posted(member_page, article_index, people):
    page = member_page
    article = ArticlePageFactory(parent=article_index, author=people[1].specialist_page)
    page.goto(article.url)
    page.get_by_label("Your comment").fill("This helped me put words on the evenings.")
    wait_for_draft(page)
    page.reload()
    expect(page.get_by_label("Your comment")).to_have_value("This helped me put words on the evenings.")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_label("Your comment")).to_have_value("This helped me put words on the evenings.")
    assert len(draft_keys(page)) == 1  # a preview is not a send
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".message").first).to_be_visible()
    assert draft_keys(page) == []
    page.goto(article.url)
    expect(page.get_by_label("Your comment")).to_have_value("")
