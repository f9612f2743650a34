"""Article pages render in a fixed number of queries, whatever the amount of
content: measured on realistic content (see RealisticContent), then again on
the same site with ten times as many articles (the feed too).

Budgets are the counts measured with a cold cache (see measure_page_queries)
plus a small margin; a change that adds a query per article fails here."""

import pytest
from django.core.cache import cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index_off")]  # builds much, never searches

# Issue 13: at most 10 queries for any public page, the page cache off.
ARTICLE_PAGE_BUDGET = 10  # rendered in full; 10 with the bench's data (500 articles)
ARTICLE_PAGE_KEPT_BUDGET = 2  # its parts kept (core.fragments): routing only
ARTICLE_INDEX_BUDGET = 10  # bench's data: 6 (first and second page), 7 (?topic=); the feed 3


def test_article_page_queries_do_not_grow_with_content(
    realistic_content, measure_page_queries, client, django_assert_max_num_queries
):
    def rendered_in_full(url):
        """Queries of the page with none of its parts kept (the site's own
        entries, core.site_cache, still are: measure_page_queries warmed them)."""
        fragments = client.get(url).context["fragments"]
        cache.delete_many(list(fragments.keys.values()))
        with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    realistic_content.add_articles(6)
    article = realistic_content.articles[0]

    small = measure_page_queries(article.url, ARTICLE_PAGE_KEPT_BUDGET), rendered_in_full(article.url)
    realistic_content.add_articles(54)
    large = measure_page_queries(article.url, ARTICLE_PAGE_KEPT_BUDGET), rendered_in_full(article.url)

    assert small == large


def test_article_index_queries_do_not_grow_with_content(realistic_content, measure_page_queries):
    # 13 articles fill a second page (12 a page); 60 fill five.
    realistic_content.add_articles(13)
    urls = [realistic_content.article_index.url + query for query in ("", "?page=2", "?topic=anxiety")]

    small = [measure_page_queries(url, ARTICLE_INDEX_BUDGET) for url in urls]
    realistic_content.add_articles(47)
    large = [measure_page_queries(url, ARTICLE_INDEX_BUDGET) for url in urls]

    assert small == large


def test_feed_queries_do_not_grow_with_content(realistic_content, measure_page_queries):
    realistic_content.add_articles(6)
    url = realistic_content.article_index.url + "feed/"

    small = measure_page_queries(url, ARTICLE_INDEX_BUDGET)
    realistic_content.add_articles(54)
    large = measure_page_queries(url, ARTICLE_INDEX_BUDGET)

    assert small == large
