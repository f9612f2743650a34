"""The home page renders in a fixed number of queries, whatever the amount of
content (see tests/articles/test_query_budget.py for the method)."""

import pytest

from home.models import FeaturedArticle

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index_off")]  # builds much, never searches

# Issue 13: at most 10 queries for any public page, the page cache off.
HOME_PAGE_BUDGET = 10  # 9 with the bench's data; here 3 featured, 6 and 60 articles, 2 and 12 specialists


def test_home_page_queries_do_not_grow_with_content(realistic_content, measure_page_queries):
    realistic_content.add_articles(6)
    for position, article in enumerate(realistic_content.articles[:3]):
        FeaturedArticle.objects.create(page=realistic_content.home, article=article, sort_order=position)

    small = measure_page_queries("/", HOME_PAGE_BUDGET)
    realistic_content.add_articles(54)
    realistic_content.add_specialists(10)
    large = measure_page_queries("/", HOME_PAGE_BUDGET)

    assert small == large
