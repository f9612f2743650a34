"""axe-core on every page type: no violations of any rule axe runs by
default (WCAG 2.x A/AA and best practices)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.factories import UserFactory
from tests import member_content

from .conftest import DESKTOP

pytestmark = pytest.mark.e2e

AXE = Axe()


def assert_no_axe_violations(page):
    results = AXE.run(page)
    violations = results.response["violations"]
    assert violations == [], f"{page.url}\n{results.generate_report()}"


PAGES = {
    "home": lambda content: "/",
    "article index": lambda content: "/articles/",
    "article": lambda content: content.article.url,
    "article index filtered": lambda content: "/articles/?topic=anxiety",
    "help now": lambda content: "/help-now/",
    "search": lambda content: "/search/?q=attachment",
    "search without results": lambda content: "/search/?q=zzzzqqq",
    "not found": lambda content: "/no-such-page/",
    "specialist": lambda content: content.author.url,
    "specialist index": lambda content: "/specialists/",
    "login": lambda content: "/accounts/login/",
    "signup": lambda content: "/accounts/signup/",
    "password reset": lambda content: "/accounts/password/reset/",
}


SEARCHES = {"search", "search without results"}


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=pytest.mark.search_index) if name in SEARCHES else name for name in PAGES]
)
def test_page_has_no_axe_violations(page, content, name):
    page.goto(PAGES[name](content))
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", ["home", "article", "help now", "login", "signup"])
def test_page_has_no_axe_violations_on_a_phone(phone_page, content, name):
    phone_page.goto(PAGES[name](content))
    assert_no_axe_violations(phone_page)


MEMBER_PAGES = {
    "article with the comment form": lambda content: content.article.url,
    "e-mail addresses": lambda content: "/accounts/email/",
    "change password": lambda content: "/accounts/password/change/",
    "two-factor authentication": lambda content: "/accounts/2fa/",
    "log out": lambda content: "/accounts/logout/",
    "no access to the admin": lambda content: "/admin/",
    "my questions": lambda content: "/questions/mine/",
    "my comments": lambda content: "/comments/mine/",
}


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_page_has_no_axe_violations(page, context, content, log_in, name):
    member = UserFactory(email="kit@example.com", display_name="Kit")
    log_in(context, member)
    page.goto(MEMBER_PAGES[name](content))
    expect(page.get_by_role("banner")).to_contain_text("Kit")
    assert_no_axe_violations(page)


# --- The pages as members fill them ----------------------------------------


def _violations(page):
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)" for v in AXE.run(page).response["violations"]]


@pytest.mark.search_index  # the crawl includes search results
def test_pages_filled_by_members_have_no_axe_violations(
    browser, live_site, live_server, article_index, specialist_index, django_capture_on_commit_callbacks, log_in
):
    """axe-core on the pages the HTML checker sees (tests/core/test_html_validity.py),
    with the same content made through the members' forms and services."""
    content = member_content.build(
        home_page=live_site.root_page.specific,
        article_index=article_index,
        specialist_index=specialist_index,
        capture_on_commit=django_capture_on_commit_callbacks,
    )
    posted = member_content.fetch_posts(content)
    found, errors, checked = {}, [], 0
    for visitor, pages in content.pages.items():
        context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB")
        context.set_default_timeout(10_000)
        if content.users[visitor] is not None:
            log_in(context, content.users[visitor])
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))  # noqa: B023 - used within the loop
        for kind, url in pages.items():
            page.goto(url)
            found[f"{visitor}: {kind} ({url})"] = _violations(page)
            checked += 1
        # Forms sent back with errors: the response the server gave, shown on the
        # live server's origin so its stylesheet and scripts load.
        for kind, (url, (_status, html)) in posted.get(visitor, {}).items():
            page.goto("/robots.txt")
            page.set_content(html.decode())
            found[f"{visitor}: {kind} (POST {url})"] = _violations(page)
            checked += 1
        context.close()

    assert checked >= 50
    assert {name: lines for name, lines in found.items() if lines} == {}
    assert errors == [], f"JavaScript errors on the pages: {errors}"
