"""Every page kind is valid HTML (the Nu HTML Checker finds neither errors nor
warnings) after members have filled the site through its forms and services:
a profile through the join flow, questions, an answer, comments and replies
through the real comment form, with emoji, right-to-left text, long words,
markdown lists, quotes, `<>&` and timestamps with microseconds.

All documents go to one run of the checker, so the JVM starts once. The
browser tests run axe-core on the same pages (tests/e2e/test_accessibility.py)."""

import json
import re
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree as ET  # noqa: N817

import pytest

from tests import member_content
from tests.html_checker import report

pytestmark = pytest.mark.django_db

# Pages that answer with something other than 200 on purpose.
EXPECTED_STATUS = {
    "anonymous: not found": 404,
    "anonymous: join (logged out)": 403,
    "unverified: join (e-mail not verified)": 403,
    "unverified: ask (e-mail not verified)": 403,
    "asker: ask with errors": 400,
    "asker: contact with errors": 400,
    "asker: profile with errors": 400,
    "asker: message with errors": 400,
    "specialist: answer with errors": 400,
    "newcomer: join with errors": 400,
    "unverified: book (e-mail not verified)": 403,
    "commenter: booking with errors": 400,
    "specialist: availability with errors": 400,
    "anonymous: server error": 500,
    "anonymous: database away": 503,
    "anonymous: shared cache away": 503,
    "anonymous: too many requests": 429,
}

# A `<time datetime>` with microseconds, as `|date:'c'` printed them, and a
# table row wider than its header (allauth's session list).
KNOWN_BAD = "known bad page"
KNOWN_BAD_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
    '<p><time datetime="2026-12-01T20:27:01.601000+00:00">1 Dec</time></p>'
    "<table><tr><th>a</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>"
)


@pytest.fixture
def content(home_page, article_index, specialist_index, django_capture_on_commit_callbacks):
    return member_content.build(
        home_page=home_page,
        article_index=article_index,
        specialist_index=specialist_index,
        capture_on_commit=django_capture_on_commit_callbacks,
    )


def test_every_page_kind_is_valid_html_with_what_members_write(content, html_checker):
    documents = member_content.fetch_all(content)
    statuses = {name.rsplit(" (", 1)[0]: status for name, (status, _html) in documents.items()}
    assert {name: status for name, status in statuses.items() if status != 200} == EXPECTED_STATUS
    assert len(documents) >= 60
    two_factor_step = documents["anonymous: log in, two-factor step (POST /accounts/login/)"][1].decode()
    assert 'name="code"' in two_factor_step

    pages = {name: html for name, (_status, html) in documents.items()}

    # One JVM for all: the pages, and a page with what the issue found, which
    # shows that the checker does report it.
    problems = html_checker.check({**pages, KNOWN_BAD: KNOWN_BAD_PAGE})

    known_bad = problems.pop(KNOWN_BAD)
    assert len(known_bad) == 2, known_bad
    assert "A fraction of a second must be one, two, or three digits" in known_bad[0]
    assert "exceeded the column count" in known_bad[1]
    assert set(problems) == set(pages)
    assert not any(problems.values()), report(problems)


# --- Dates for machines outside HTML attributes -----------------------------

ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _dates(data):
    """Every value of a "date..." or "lastReviewed" key in a JSON-LD tree."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key.startswith("date") or key == "lastReviewed":
                yield key, value
            yield from _dates(value)
    elif isinstance(data, list):
        for value in data:
            yield from _dates(value)


def test_json_ld_sitemap_and_feed_dates_follow_their_formats(client, content):
    found = []
    for url in (content.question.get_absolute_url(), content.article.url, content.specialist.url):
        html = client.get(url).content.decode()
        for block in JSON_LD.findall(html):
            found += list(_dates(json.loads(block)))
    keys = {key for key, _value in found}
    assert {"datePublished", "dateModified", "dateCreated"} <= keys
    assert [value for _key, value in found if not ISO_8601.match(value)] == []

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    lastmods = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod")]
    assert lastmods and all(ISO_8601.match(value) and "T" in value for value in lastmods), lastmods

    feed = ET.fromstring(client.get("/articles/feed/").content)  # noqa: S314 - our own feed
    pub_dates = [element.text for element in feed.iter("pubDate")]
    assert pub_dates
    for value in pub_dates:  # RFC 822 (as RFC 2822 writes it), from Django's feed generator
        assert parsedate_to_datetime(value).tzinfo is not None, value
