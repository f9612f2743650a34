"""In a real browser, on the demo site: the public pages, a member's and a
specialist's pages and the Wagtail admin (the article editor with its live
preview too) load with no Content-Security-Policy or Permissions-Policy
violation and no request to any other host.

Public and member pages are found by following links from the home page (the
pages people reach), the admin's from a list; violations are caught in the
page (`securitypolicyviolation` events, in every frame) and in the console."""

import datetime
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from accounts.factories import UserFactory, give_totp
from home.factories import ContactPageFactory
from messaging.demo import build_demo_conversation
from qa.factories import AnswerFactory, QuestionFactory
from specialists.demo import build_demo_availability, build_demo_consultations
from tests.two_factor import TOTP_SECRET, log_in_with_two_factor

pytestmark = [pytest.mark.e2e, pytest.mark.search_index]  # the crawl searches

# Collected in every frame before any script of the page runs.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""
# Not pages, or not to be opened by a crawler: logging out, downloads, feeds.
SKIP_PREFIXES = (
    "/accounts/logout/",
    "/accounts/data/download/",
    "/accounts/2fa/recovery-codes/download/",
    "/articles/feed/",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/email/",
    "/sitemap",
    "/robots.txt",
)
PAGES_PER_VISITOR = 30


class Watcher:
    """Records, for one browser context, every request to another host and
    every CSP or Permissions-Policy complaint of its pages."""

    def __init__(self, context, origin):
        self.origin = origin
        self.problems = []
        context.add_init_script(WATCH_VIOLATIONS)
        context.on("request", self._request)
        context.on("page", self._page)

    def _request(self, request):
        scheme = urlsplit(request.url).scheme
        if scheme in {"http", "https", "ws", "wss"} and not request.url.startswith(self.origin + "/"):
            self.problems.append(f"request to another host: {request.url} (from {request.frame.url})")

    def _page(self, page):
        def console(message):
            text = message.text
            if "Content Security Policy" in text or "Permissions-Policy" in text or "Permissions Policy" in text:
                self.problems.append(f"console on {page.url}: {text}")

        page.on("console", console)

    def visit(self, page, path):
        response = page.goto(path, wait_until="load")
        self.collect(page)
        return response

    def collect(self, page):
        for frame in page.frames:
            for violation in frame.evaluate("window.__cspViolations || []"):
                self.problems.append(f"{frame.url}: {violation}")


def same_site_links(page, origin):
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    for href in hrefs:
        url = urljoin(page.url, href)
        if not url.startswith(origin + "/"):
            continue
        parts = urlsplit(url)
        if parts.path.startswith(SKIP_PREFIXES):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(context, origin, start, *, limit=PAGES_PER_VISITOR):
    """Visit `start`, then pages linked from there (each path once, its query
    strings counted as one), breadth first; the paths visited."""
    watcher = context._watcher
    page = context.new_page()
    queue, seen_paths, visited = list(start), set(), []
    while queue and len(visited) < limit:
        target = queue.pop(0)
        path = urlsplit(target).path
        if path in seen_paths:
            continue
        seen_paths.add(path)
        response = watcher.visit(page, target)
        assert response is not None and response.status < 500, f"{target}: {response and response.status}"
        visited.append(target)
        queue.extend(link for link in same_site_links(page, origin) if urlsplit(link).path not in seen_paths)
    page.close()
    return visited


@pytest.fixture
def site_with_people(content, specialist_index):
    """The browser tests' small site, plus what members and specialists see:
    a question with an answer, a conversation, availability and consultation
    requests (built as the demo builds them), the contact page, and a
    superuser with two-factor set up."""
    member = UserFactory(email="robin@example.com", display_name="Robin")
    specialist = UserFactory(email="ada@example.com", display_name="Ada")
    specialist.groups.add(Group.objects.get(name="Specialists"))
    type(content.author).objects.filter(pk=content.author.pk).update(user=specialist)
    landing = type(content.author).objects.get(pk=content.author.pk)
    question = QuestionFactory(author=member, topic=content.article.topics.first())
    AnswerFactory(question=question, author=specialist)
    build_demo_conversation(member=member, specialist_page=landing, today=datetime.date.today())
    build_demo_availability(pages=[landing])
    build_demo_consultations(specialist_page=landing, member=member, other_member=UserFactory())
    ContactPageFactory(parent=content.home)
    admin = UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)
    give_totp(admin, TOTP_SECRET)
    return SimpleNamespace(member=member, specialist=specialist, admin=admin, article=content.article)


def new_context(browser, origin):
    context = browser.new_context(base_url=origin)
    context.set_default_timeout(15_000)
    context._watcher = Watcher(context, origin)
    return context


def session_cookie(context, client, origin):
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": origin}])


def test_every_kind_of_page_loads_with_no_csp_violation_and_no_other_host(browser, live_server, site_with_people):
    origin = live_server.url
    people = site_with_people
    problems, visited = [], {}

    anonymous = new_context(browser, origin)
    visited["anonymous"] = crawl(anonymous, origin, ["/", "/search/?q=sleep", "/no-such-page/", "/accounts/signup/"])
    problems += anonymous._watcher.problems
    anonymous.close()

    for who in ("member", "specialist"):
        context = new_context(browser, origin)
        client = Client()
        client.force_login(getattr(people, who))
        session_cookie(context, client, origin)
        start = ["/accounts/", "/messages/", "/questions/ask/", "/specialists/me/requests/", "/"]
        visited[who] = crawl(context, origin, start)
        problems += context._watcher.problems
        context.close()

    context = new_context(browser, origin)
    session_cookie(context, log_in_with_two_factor(Client(), people.admin), origin)
    article = people.article
    page = context.new_page()
    admin_pages = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/csp_reports/",
        "/django-admin/",
    ]
    for path in admin_pages:
        response = context._watcher.visit(page, path)
        assert response.status == 200, f"{path}: {response.status}"
    # The editor's live preview, in its side panel.
    context._watcher.visit(page, f"/admin/pages/{article.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("iframe").first.locator("main").wait_for(state="attached")
    context._watcher.collect(page)
    problems += context._watcher.problems
    visited["admin"] = admin_pages
    context.close()

    # The crawl reached each kind of page it is meant to check.
    assert len(visited["anonymous"]) >= 15, visited["anonymous"]
    for who in ("member", "specialist"):
        conversations = [path for path in visited[who] if path.startswith("/messages/") and len(path) > 20]
        assert conversations, visited[who]
    assert problems == [], "\n".join(problems)
