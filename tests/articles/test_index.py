"""The article index at /articles/: order, pages and the topic filter."""

import datetime

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory
from articles.models import ARTICLES_PER_PAGE
from core.factories import TopicFactory

pytestmark = pytest.mark.django_db


def card_titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".card__title")]


@pytest.fixture
def fourteen_articles(article_index, a_specialist_page):
    """Articles 1..14, article n published on 1 March + n days."""
    return [
        ArticlePageFactory(
            parent=article_index,
            title=f"Article {n:02d}",
            author=a_specialist_page,
            published_date=datetime.date(2026, 3, 1) + datetime.timedelta(days=n),
        )
        for n in range(1, 15)
    ]


def test_index_lists_newest_first(client, article_index, fourteen_articles):
    titles = card_titles(client.get(article_index.url))

    assert titles[:3] == ["Article 14", "Article 13", "Article 12"]


def test_index_shows_twelve_articles_a_page(client, article_index, fourteen_articles):
    assert ARTICLES_PER_PAGE == 12
    response = client.get(article_index.url)

    assert len(card_titles(response)) == 12
    assert "Page 1 of 2" in response.content.decode()
    assert 'href="?page=2"' in response.content.decode()


def test_second_page_has_the_rest(client, article_index, fourteen_articles):
    titles = card_titles(client.get(article_index.url, {"page": 2}))

    assert titles == ["Article 02", "Article 01"]


@pytest.mark.parametrize(
    ("page", "expected_first"), [("999", "Article 02"), ("abc", "Article 14"), ("-1", "Article 02")]
)
def test_out_of_range_or_invalid_page_does_not_error(client, article_index, fourteen_articles, page, expected_first):
    titles = card_titles(client.get(article_index.url, {"page": page}))

    assert titles[0] == expected_first


def test_index_leaves_out_drafts(client, article_index, an_article):
    ArticlePageFactory(parent=article_index, title="Unfinished draft", live=False)

    titles = card_titles(client.get(article_index.url))

    assert titles == [an_article.title]


def test_topic_filter_shows_only_that_topic(client, article_index, a_specialist_page, a_topic):
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    ArticlePageFactory(parent=article_index, title="On relationships", author=a_specialist_page, topics=[a_topic])
    ArticlePageFactory(parent=article_index, title="On anxiety", author=a_specialist_page, topics=[anxiety])

    response = client.get(article_index.url, {"topic": "anxiety"})

    assert card_titles(response) == ["On anxiety"]
    assert "Articles on Anxiety" in response.content.decode()


def test_pagination_links_keep_the_topic(client, article_index, a_specialist_page, a_topic):
    for _ in range(13):
        ArticlePageFactory(parent=article_index, author=a_specialist_page, topics=[a_topic])

    response = client.get(article_index.url, {"topic": a_topic.slug})

    assert f'href="?topic={a_topic.slug}&amp;page=2"' in response.content.decode()


def test_unknown_topic_gives_an_empty_state_not_an_error(client, article_index, an_article):
    response = client.get(article_index.url, {"topic": "no-such-topic"})

    assert response.status_code == 200
    assert card_titles(response) == []
    html = response.content.decode()
    assert "We could not find that topic" in html
    assert "See all articles" in html


def test_topic_without_articles_says_so(client, article_index, an_article):
    TopicFactory(name="Grief", slug="grief")

    response = client.get(article_index.url, {"topic": "grief"})

    assert response.status_code == 200
    assert card_titles(response) == []
    assert "No articles here yet." in response.content.decode()
