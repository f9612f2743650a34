"""Keyboard use: the skip link comes first, the crisis link right after."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


# Every test here only reads the site: it is built once for the module
# (shared_site in tests/e2e/conftest.py), not once per test.
@pytest.fixture
def content(shared_site):
    return shared_site.content


@pytest.fixture
def server_url(shared_site):
    return shared_site.url


FOCUSED_JS = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, text: (el.innerText || el.getAttribute("aria-label") || "").trim(), id: el.id};
}"""


def tab_stops(page, count):
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED_JS))
    return stops


@pytest.mark.parametrize("path", ["/", "/articles/", "article"])
def test_tab_reaches_skip_link_then_crisis_link(page, content, path):
    page.goto(content.article.url if path == "article" else path)

    stops = tab_stops(page, 4)

    assert stops[0]["text"] == "Skip to content", stops
    texts = [stop["text"] for stop in stops]
    assert "Need help now?" in texts[1:4], stops


def test_skip_link_is_visible_when_focused_and_moves_focus_to_main(page, content):
    page.goto(content.article.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()
    # The next Tab continues inside the main content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_focus_is_visible_on_links_and_buttons(page, content):
    page.goto(content.article.url)
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    width = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert outline != "none" and width >= 2
