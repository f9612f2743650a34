"""axe-core on every page type: no violations of any rule axe runs by
default (WCAG 2.x A/AA and best practices)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.factories import UserFactory

pytestmark = pytest.mark.e2e

AXE = Axe()


# Every test here only reads the site: it is built once for the module
# (shared_site in tests/e2e/conftest.py), not once per test.
@pytest.fixture
def content(shared_site):
    return shared_site.content


@pytest.fixture
def server_url(shared_site):
    return shared_site.url


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
