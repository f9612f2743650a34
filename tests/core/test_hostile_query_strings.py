"""Query-string values a browser would never send give a page, not a server
error, on every public listing (the same class of fault as `?q=%00`)."""

import pytest

from qa.models import Question

pytestmark = pytest.mark.django_db

VALUES = ["\x00", "a\x00b", '"', "'", "%", "\\", "<script>", "9" * 40, "-1", "1e9", "ｔｏｐｉｃ", "\u202e"]
KEYS = ["topic", "page", "language", "format", "location", "accepting", "free", "unanswered", "sort", "q", "title", "p"]


@pytest.fixture
def listings(article_index, specialist_index, a_specialist_page, an_article, a_member):
    Question.objects.create(author=a_member, title="A question on sleep and rest", body="b" * 40, status="published")
    return [article_index.url, specialist_index.url, "/questions/", "/questions/ask/", "/search/", "/articles/feed/"]


@pytest.mark.parametrize("value", VALUES)
def test_hostile_query_values_never_give_a_server_error(client, listings, a_member, value):
    client.force_login(a_member)  # the ask form is for members
    for url in listings:
        for key in KEYS:
            response = client.get(url, {key: value})
            assert response.status_code in (200, 301, 302), (url, key, value, response.status_code)
            if value == "<script>" and response.status_code == 200:
                assert "<script>" not in response.content.decode(), (url, key)
