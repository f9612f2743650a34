"""A reader finds and reads an article, shares it, and nothing on the way
talks to another host."""

import re
from urllib.parse import quote, urlsplit

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


def test_reader_goes_from_home_to_the_article_index_to_an_article(page, content):
    article = content.article

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Articles").click()
    expect(page).to_have_url(re.compile(r"/articles/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Articles")

    page.get_by_role("link", name=article.title).click()
    expect(page).to_have_url(re.compile(re.escape(article.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    byline = page.locator(".article__byline")
    expect(byline.get_by_role("link", name="Dr Ada Moss")).to_be_visible()
    expect(byline).to_contain_text("Family psychologist")
    body = page.locator(".article__body")
    expect(body.get_by_role("heading", level=2, name="What an attachment wound is")).to_be_visible()
    expect(body.get_by_role("heading", level=2, name="Five small steps")).to_be_visible()
    expect(body.get_by_role("heading", level=3, name="How it shows up in a couple")).to_be_visible()

    toc = page.get_by_role("navigation", name="In this article")
    expect(toc.get_by_role("link")).to_have_text(
        ["What an attachment wound is", "How it shows up in a couple", "Five small steps"]
    )
    toc.get_by_role("link", name="Five small steps").click()
    expect(page).to_have_url(re.compile(r"#five-small-steps$"))
    expect(body.get_by_role("heading", name="Five small steps")).to_be_in_viewport()


def test_home_page_links_to_a_featured_article(page, content):
    page.goto("/")
    featured = page.get_by_role("region", name="Featured")
    featured.get_by_role("link", name=content.article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(content.article.title)


def test_share_links_carry_the_article_address(page, content, server_url):
    article = content.article
    url = article.full_url
    assert url.startswith(server_url), "the site's hostname and port should be the live server's"
    encoded = quote(url, safe="")

    page.goto(article.url)
    share = page.get_by_role("region", name="Share on other sites")
    expected = {
        "Facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "X": f"https://x.com/intent/post?url={encoded}",
        "LinkedIn": f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}",
        "WhatsApp": "https://wa.me/?text=",
        "Telegram": f"https://t.me/share/url?url={encoded}",
        "E-mail": "mailto:?subject=",
    }
    for name, start in expected.items():
        link = share.get_by_role("link", name=re.compile(rf"^{re.escape(name)}\b"))
        expect(link).to_have_count(1)
        href = link.get_attribute("href")
        assert href.startswith(start), (name, href)
        assert encoded in href, (name, href)
    for name in ["Facebook", "X", "LinkedIn", "WhatsApp", "Telegram"]:
        link = share.get_by_role("link", name=re.compile(rf"^{re.escape(name)}\b"))
        expect(link).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
        expect(link).to_have_accessible_name(re.compile(r"opens in a new tab"))


def test_copy_link_puts_the_article_address_on_the_clipboard(page, context, content, server_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
    page.goto(content.article.url)
    share = page.get_by_role("region", name="Share on other sites")

    share.get_by_role("button", name="Copy link").click()

    expect(share.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == content.article.full_url


def test_article_page_makes_no_request_to_another_host(page, content, server_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(content.article.url, wait_until="networkidle")
    # Scroll through the page so lazily loaded images are fetched too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")

    live = urlsplit(server_url)
    assert requests, "the page made no requests at all"
    assert any("/static/css/site.css" in url for url in requests)
    assert any("/media/images/" in url for url in requests), "the article's images were not loaded"
    elsewhere = [url for url in requests if (urlsplit(url).hostname, urlsplit(url).port) != (live.hostname, live.port)]
    assert elsewhere == []
