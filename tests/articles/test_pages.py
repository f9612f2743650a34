import pytest

pytestmark = pytest.mark.django_db


def test_article_page_renders_body_and_author(client, an_article):
    response = client.get(an_article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert an_article.title in html
    assert "Dr Ada Moss" in html
    assert 'id="where-to-begin"' in html


def test_article_index_lists_articles(client, an_article, article_index):
    response = client.get(article_index.url)
    assert response.status_code == 200
    assert an_article.title in response.content.decode()
