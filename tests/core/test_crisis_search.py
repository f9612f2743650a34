"""Search is a surface of the crisis safeguard too: a query that matches the
detector shows the crisis panel above the results, and help words find the
crisis page first."""

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory
from core.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def crisis_lines(home_page):
    row = SiteSettings.load()
    row.emergency_number = "999"
    row.crisis_resources = [("resource", {"name": "Samaritans", "phone": "116 123"})]
    row.save()
    return row


def result_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.select(".search-results a")]


def test_matching_query_shows_the_crisis_panel_above_the_results(client, crisis_lines):
    response = client.get("/search/", {"q": "kill myself"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-crisis-panel" in html and "tel:999" in html and "Samaritans" in html
    assert html.index("data-crisis-panel") < html.index("data-help-result")
    assert result_links(response)[0] == "/help-now/"
    assert "Nothing matched" not in html


@pytest.mark.parametrize("query", ["crisis", "helpline", "suicide", "Crisis lines", "self harm"])
def test_help_words_find_the_crisis_page_first(client, crisis_lines, article_index, a_specialist_page, query):
    ArticlePageFactory(
        parent=article_index, author=a_specialist_page, title="Supporting a friend in crisis", summary=query
    )
    response = client.get("/search/", {"q": query})
    links = result_links(response)
    assert links[0] == "/help-now/", links


@pytest.mark.parametrize("query", ["sleep", "this traffic is killing me", "cut the onion"])
def test_ordinary_query_shows_no_panel(client, crisis_lines, query):
    html = client.get("/search/", {"q": query}).content.decode()
    assert "data-crisis-panel" not in html and "data-help-result" not in html
