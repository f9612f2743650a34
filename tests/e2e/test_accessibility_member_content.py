"""axe-core on the pages the HTML checker sees, filled through the members'
forms and services (tests/member_content.py); the page types with the
browser tests' own site are in test_accessibility.py."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import member_content

from .conftest import DESKTOP

pytestmark = pytest.mark.e2e

AXE = Axe()


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
