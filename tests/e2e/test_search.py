"""The header's search box in a real browser: suggestions while typing (an
ARIA combobox axe-core accepts), a suggestion followed with the keyboard, and
the results page checked by axe-core; the form works without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from qa.models import Question

from .test_accessibility import assert_no_axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.search_index]


@pytest.fixture
def searchable(content):
    # Committed by the live-server test's transaction, so the index update runs.
    Question.objects.create(
        title="Attachment anxiety when my partner travels",
        body="Every time my partner goes away for work I feel panicky and clingy for days.",
        status=Question.Status.PUBLISHED,
    )
    return content


def test_typing_in_the_header_suggests_and_a_suggestion_can_be_followed(page, searchable):
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the site")
    box.press_sequentially("attachm", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Attachment")
    expect(box).to_have_attribute("aria-expanded", "true")
    assert_no_axe_violations(page)  # the open combobox

    box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    title = first.locator(".site-search__suggestion-title").inner_text()
    box.press("Enter")
    expect(page.locator("h1")).to_have_text(title)

    # Back to the box: Escape closes the list, Enter searches.
    box = page.get_by_role("combobox", name="Search the site")
    box.fill("")
    box.press_sequentially("attachment", delay=40)
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_visible()
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=attachment$"))
    expect(page.locator("#search-articles")).to_contain_text("Articles")
    expect(page.locator("#search-questions")).to_contain_text("Questions")
    expect(page.locator(".search-hit__snippet mark").first).to_have_text("attachment", ignore_case=True)
    expect(page.get_by_role("combobox", name="Search the site")).to_have_value("attachment")
    assert "attachment" not in page.title().lower()
    assert_no_axe_violations(page)


def test_the_header_box_searches_without_javascript(browser, live_server, searchable):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        box = page.get_by_role("searchbox", name="Search the site")
        box.fill("partner travels")
        box.press("Enter")
        expect(page.locator("#search-questions")).to_be_visible()
        expect(page.locator(".search-hit__title a").first).to_have_text("Attachment anxiety when my partner travels")
    finally:
        context.close()
