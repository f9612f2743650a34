"""Browser tests: Playwright's sync API driving Debian's Chromium against
pytest-django's live server.

Playwright's sync API runs an asyncio event loop in the test thread, so Django
would refuse database access from it (SynchronousOnlyOperation). The tests and
the live server only ever touch the database from plain synchronous code, so
async-unsafe access is allowed here, for the browser tests only
(microsoft/playwright-pytest#29).
"""

import datetime
import json
import os
import shutil
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.test import Client, override_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site
from wagtail_factories import ImageFactory

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import TopicFactory
from core.models import SiteSettings
from home.models import FeaturedArticle, HomePage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    # Nothing but the live server resolves: a request to any other host fails
    # instead of leaving the machine.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which(CHROMIUM) or CHROMIUM
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM}, which is missing. "
            "Install it with: apt-get install -y chromium",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright_instance(django_db_setup):
    # Between its calls Playwright's sync API leaves its event loop marked as
    # running in this thread, and from then on Django's connection handler
    # (an asgiref Local) keeps connections in context variables instead of
    # the thread-local storage it used so far. Hand it the connections it
    # already has, so the tests keep the one holding the serialized test
    # database (serialized_rollback) instead of silently opening new ones.
    existing = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in existing.items():
            connections[alias] = connection
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path):
    try:
        browser = playwright_instance.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
    except Exception as error:  # Playwright raises its own Error class for a broken binary.
        pytest.fail(
            f"Could not start Chromium at {chromium_path}: {error}\nInstall it with: apt-get install -y chromium",
            pytrace=False,
        )
    yield browser
    browser.close()


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_around_module(request, django_db_setup, django_db_blocker, playwright_instance):
    """Make serialized rollback work whatever ran before.

    Each browser test starts by reloading the data the migrations created
    (root page, home page, site, content types...) with their original keys,
    into tables the previous test emptied. That needs the content types to
    have their original keys: signal handlers run while the data is loaded
    and look content types up. A transactional test elsewhere in the suite
    leaves content types re-created with new keys. So: empty the tables, put
    the original content types back, and at the end of the module leave the
    migrated data in place for the tests that come after. (A module reading
    shared_site needs none of it: that fixture starts and ends the module
    with a fresh copy of the migrated database.)"""
    connection = connections["default"]
    migrated_data = getattr(connection, "_test_serialized_contents", None)
    if migrated_data is None or "shared_site" in request.fixturenames:
        yield
        return
    content_types = json.dumps([row for row in json.loads(migrated_data) if row["model"] == "contenttypes.contenttype"])

    def reset():
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(content_types)

    with django_db_blocker.unblock():
        reset()
    yield
    with django_db_blocker.unblock():
        reset()
        connection.creation.deserialize_db_from_string(migrated_data)


@pytest.fixture(autouse=True)
def _search_index(request):
    """Browser tests keep the search index off (tests/conftest.py's
    search_index_off) unless marked `search_index`."""
    if not request.node.get_closest_marker("search_index"):
        request.getfixturevalue("search_index_off")


@pytest.fixture
def live_site(live_server, transactional_db, django_db_serialized_rollback, home_page):
    """The default Wagtail site answers on the live server's host and port, so
    page.full_url (canonical links, share links) points at the live server.

    The browser tests use transactional_db (the live server runs in another
    thread with its own connection), which empties every table after each
    test; serialized rollback restores what Wagtail's data migrations created
    (root page, home page, default site and collection)."""
    parts = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname = parts.hostname
    site.port = parts.port
    site.save()
    cache.clear()
    return site


@pytest.fixture(scope="session")
def shared_server(django_db_setup):
    """A second live server, for the modules that read shared_site: a test
    that uses pytest-django's own live_server is made transactional, and
    every table is emptied after it."""
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shared_site(django_db_blocker, playwright_instance, shared_server, tmp_path_factory):
    """`content`'s site, built once for a module of browser tests that only
    read it (axe-core, layouts, keyboard, the article journey), served by shared_server.

    Rebuilding it for each test was most of such a test's cost: emptying
    every table, reloading the migrated rows (serialized rollback), making the
    pages, images and renditions again. Here the module starts from a fresh
    copy of the migrated database (tests/pg_template.py), builds the site
    once, committed, and ends with a fresh copy again, so no other test sees
    it. Database access stays open for the module (the server's threads and
    the tests share the committed rows); uploads go to one folder for the
    module (tests/e2e's _media_root). A test module opts in by overriding
    `content` and `server_url` with this fixture's."""
    from tests.pg_template import restore_test_database

    connection = connections["default"]
    media_root = tmp_path_factory.mktemp("shared-site-media")

    def fresh_database():
        restore_test_database(connection.settings_dict)
        ContentType.objects.clear_cache()
        cache.clear()

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        fresh_database()
        try:
            home = HomePage.objects.get(depth=2)
            parts = urlsplit(shared_server.url)
            site = Site.objects.get(is_default_site=True)
            site.hostname = parts.hostname
            site.port = parts.port
            site.save()
            article_index = ArticleIndexPageFactory(parent=home)
            specialist_index = SpecialistIndexPageFactory(parent=home)
            content = build_content(home, article_index, specialist_index)
            content.article_index = article_index
            content.specialist_index = specialist_index
            yield SimpleNamespace(url=shared_server.url, media_root=media_root, content=content)
        finally:
            fresh_database()


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    """Uploads go to a folder each test throws away (as in tests/conftest.py),
    except in a module reading shared_site: its images are in the module's."""
    if "shared_site" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("shared_site").media_root
    else:
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def server_url(live_server):
    """The address the browser fixtures open: the live server's; a module that
    reads the shared site (shared_site) overrides it with that server's."""
    return live_server.url


@pytest.fixture
def context(browser, server_url):
    context = browser.new_context(base_url=server_url, viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture
def phone_page(browser, server_url):
    context = browser.new_context(base_url=server_url, viewport=PHONE, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def _image(title, width, height, color, description=""):
    # Wider than any column the tests look at, and no wider: every page view
    # draws each size of each image in two formats.
    return ImageFactory(title=title, description=description, file__width=width, file__height=height, file__color=color)


LONG_WORD = "Psychoneuroendocrinologically"
LONG_URL = "https://example.org/a/very/long/path/that/keeps/going/without/any/spaces/to/break/on/at-all"


def rich_body(image):
    """A body with every block an editor uses, long words and a wide image."""
    return [
        ("paragraph", f"<p>Attachment wounds are not a character flaw. {LONG_WORD} speaking, they are learnt.</p>"),
        ("heading", {"text": "What an attachment wound is", "level": "h2"}),
        ("paragraph", f'<p>Most of us carry a few. Read more at <a href="{LONG_URL}">{LONG_URL}</a>.</p>'),
        (
            "bulleted_list",
            {"items": ["<p>You expect to be let down</p>", "<p>You keep score</p>", "<p>You go quiet first</p>"]},
        ),
        ("heading", {"text": "How it shows up in a couple", "level": "h3"}),
        ("quote", {"quote": "I kept waiting for the other shoe to drop.", "attribution": "A client, with consent"}),
        ("callout", {"kind": "important", "title": "When to get help now", "text": "<p>If you feel unsafe, call.</p>"}),
        ("heading", {"text": "Five small steps", "level": "h2"}),
        (
            "numbered_steps",
            {
                "steps": [
                    {"title": "Notice the old alarm", "text": "<p>Name the feeling without acting on it.</p>"},
                    {"title": "Slow your breathing", "text": "<p>Four counts in, six counts out.</p>"},
                    {"title": "Say what you need", "text": "<p>One sentence, not a case file.</p>"},
                ]
            },
        ),
        (
            "image",
            {
                "image": {"image": image, "alt_text": "Two mugs of tea on a kitchen table", "decorative": False},
                "caption": "Small rituals help.",
            },
        ),
        (
            "faq",
            {
                "items": [
                    {"question": "Can attachment patterns change?", "answer": "<p>Yes, slowly and with practice.</p>"},
                    {"question": "Do I need therapy?", "answer": "<p>Not always; it can help.</p>"},
                ]
            },
        ),
        ("key_takeaways", {"title": "Key takeaways", "items": ["Wounds are learnt", "They can be unlearnt"]}),
    ]


@pytest.fixture
def content(live_site, home_page, article_index, specialist_index):
    """A small, realistic site: topics, two specialists (one with a photo and
    a free consultation), a long article with a hero image and every body
    block, related articles, and crisis lines."""
    return build_content(home_page, article_index, specialist_index)


def build_content(home_page, article_index, specialist_index):
    relationships = TopicFactory(name="Relationships", slug="relationships")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    TopicFactory(name="Parenting", slug="parenting")
    author = SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Ada Moss",
        professional_title="Family psychologist",
        short_bio="Twenty years of work with couples and families, online and in person.",
        offers_free_consultation=True,
        photo=_image("Ada Moss", 240, 240, "#6a8f7f"),
        topics=[relationships],
    )
    reviewer = SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Sam Okafor",
        professional_title="Clinical psychologist",
        short_bio="Works with adults living with anxiety and low mood.",
        topics=[anxiety],
    )
    article = ArticlePageFactory(
        parent=article_index,
        title="Attachment wounds: why old hurts show up in new relationships",
        summary="How early experiences shape the way we love, and five small steps towards feeling safer.",
        author=author,
        reviewer=reviewer,
        reviewed_on=datetime.date(2026, 2, 1),
        hero_image=_image("Hero", 960, 540, "#8fb3a5", description="A couple sitting apart on a park bench"),
        body=rich_body(image=_image("Tea", 960, 600, "#c9b48a")),
        topics=[relationships, anxiety],
    )
    article.tags.add("attachment", "couples")
    article.save_revision().publish()
    related = [
        ArticlePageFactory(parent=article_index, author=author, topics=[relationships]),
        ArticlePageFactory(parent=article_index, author=reviewer, topics=[anxiety]),
    ]
    FeaturedArticle.objects.create(page=home_page, article=article, sort_order=0)
    settings = SiteSettings.load()
    settings.crisis_resources = [
        (
            "resource",
            {
                "name": "Samaritans",
                "phone": "116 123",
                "hours": "24/7",
                "url": "https://www.samaritans.org/",
                "description": "Free, confidential support for anyone who is struggling.",
            },
        ),
        ("resource", {"name": "Shout", "text_line": "SHOUT to 85258", "hours": "24/7"}),
    ]
    settings.save()
    article.refresh_from_db()
    return SimpleNamespace(article=article, author=author, reviewer=reviewer, related=related, home=home_page)


@pytest.fixture
def log_in(server_url):
    """Log a user in to a browser context through a session made by Django's
    test client (the login form itself is tested in test_accounts.py)."""

    def log_in(context, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": server_url}])

    return log_in
