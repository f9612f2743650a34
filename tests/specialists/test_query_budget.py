"""The specialist directory and landing pages render in a fixed number of
queries, whatever the amount of content (see
tests/articles/test_query_budget.py for the method)."""

import pytest

pytestmark = pytest.mark.django_db

SPECIALIST_INDEX_BUDGET = 13  # measured: 11 (6 and 60 specialists, page 1 and 2)
SPECIALIST_PAGE_BUDGET = 18  # measured: 16 (6 and 60 articles)


def test_specialist_index_queries_do_not_grow_with_specialists(realistic_content, measure_page_queries):
    realistic_content.add_specialists(4)  # 6 with the author and the reviewer
    url = realistic_content.specialist_index.url

    small = measure_page_queries(url, SPECIALIST_INDEX_BUDGET)
    realistic_content.add_specialists(54)
    large = measure_page_queries(url, SPECIALIST_INDEX_BUDGET)
    second_page = measure_page_queries(url + "?page=2", SPECIALIST_INDEX_BUDGET)

    assert small == large == second_page


def test_specialist_page_queries_do_not_grow_with_articles(realistic_content, measure_page_queries):
    realistic_content.add_articles(6)
    url = realistic_content.author.url

    small = measure_page_queries(url, SPECIALIST_PAGE_BUDGET)
    realistic_content.add_articles(54)
    large = measure_page_queries(url, SPECIALIST_PAGE_BUDGET)

    assert small == large
