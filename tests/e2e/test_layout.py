"""Readable on a small phone: no page scrolls sideways, images stay inside
their column, the header keeps the crisis link on its first row."""

import pytest

pytestmark = pytest.mark.e2e

OVERFLOW_JS = """() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && getComputedStyle(el).position !== "fixed")
        .filter((el) => !el.closest(".visually-hidden, .skip-link"))
        .slice(0, 5)
        .map((el) => el.outerHTML.slice(0, 120));
    return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide};
}"""


def assert_no_sideways_scroll(page):
    result = page.evaluate(OVERFLOW_JS)
    assert result["scrollWidth"] <= result["innerWidth"], f"{page.url} scrolls sideways: {result}"


def _url(name, content):
    return {
        "home": "/",
        "article index": "/articles/",
        "article": content.article.url,
        "help now": "/help-now/",
        "specialist": content.author.url,
        "search": "/search/?q=attachment",
        "not found": "/no-such-page/",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
    }[name]


# Every test here only reads the site: it is built once for the module
# (shared_site in tests/e2e/conftest.py), not once per test.
@pytest.fixture
def content(shared_site):
    return shared_site.content


@pytest.fixture
def server_url(shared_site):
    return shared_site.url


@pytest.fixture
def narrow_page(browser, server_url, request):
    width = request.param
    context = browser.new_context(base_url=server_url, viewport={"width": width, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("narrow_page", [360], indirect=True)
def test_article_does_not_scroll_sideways_at_360px(narrow_page, content):
    narrow_page.goto(content.article.url)
    assert narrow_page.evaluate("window.innerWidth") == 360
    assert_no_sideways_scroll(narrow_page)


@pytest.mark.parametrize("narrow_page", [320], indirect=True)
@pytest.mark.parametrize(
    "name",
    [
        *["home", "article index", "help now", "article", "specialist"],
        pytest.param("search", marks=pytest.mark.search_index),
        *["not found", "login", "signup"],
    ],
)
def test_page_does_not_scroll_sideways_at_320px(narrow_page, content, name):
    narrow_page.goto(_url(name, content))
    assert narrow_page.evaluate("window.innerWidth") == 320
    assert_no_sideways_scroll(narrow_page)


@pytest.mark.parametrize("narrow_page", [320], indirect=True)
def test_article_images_fit_their_column_at_320px(narrow_page, content):
    narrow_page.goto(content.article.url)
    narrow_page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    sizes = narrow_page.evaluate(
        """() => [...document.querySelectorAll("main img")].map((img) => ({
            src: img.currentSrc, right: img.getBoundingClientRect().right,
            parent: img.closest("figure, div, article").getBoundingClientRect().right,
        }))"""
    )
    assert len(sizes) >= 2, sizes
    for size in sizes:
        assert size["right"] <= size["parent"] + 0.5, size


@pytest.mark.parametrize("narrow_page", [320, 360, 1280], indirect=True)
def test_crisis_link_is_on_the_first_row_of_the_header(narrow_page, content):
    narrow_page.goto("/articles/")
    brand = narrow_page.locator(".brand").bounding_box()
    help_now = narrow_page.get_by_role("link", name="Need help now?").bounding_box()
    assert help_now["y"] < brand["y"] + brand["height"], (brand, help_now)
    assert help_now["x"] + help_now["width"] <= narrow_page.evaluate("window.innerWidth")
