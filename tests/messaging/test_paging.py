"""A long conversation opens on its latest messages, with a plain link to
earlier ones (no JavaScript), at the same number of queries however long it is."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from messaging import selectors

from .conftest import CRISIS_TEXT, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_conversation(settings, a_conversation, a_member, a_specialist):
    """The first message (from the fixture) and 24 more: 25 in all, 10 a page."""
    settings.MESSAGING_MESSAGES_PER_HOUR = 1000
    settings.MESSAGING_MESSAGES_PER_PAGE = 10
    for n in range(1, 25):
        send(a_conversation, a_specialist if n % 2 else a_member, body=f"Numbered message {n:02d}")
    return a_conversation


def numbers_in(html):
    return [int(n) for n in re.findall(r"Numbered message (\d\d)", html)]


def earlier_link(html):
    found = re.search(r'<a href="\?before=(\d+)" rel="prev">Earlier messages</a>', html)
    return found and found.group(1)


def test_a_long_conversation_opens_on_its_latest_messages(client, long_conversation, a_member):
    client.force_login(a_member)
    html = client.get(long_conversation.get_absolute_url()).content.decode()
    assert numbers_in(html) == list(range(15, 25))
    assert earlier_link(html)
    assert 'name="body"' in html  # the reply box is under the latest messages


def test_earlier_messages_are_a_link_away_back_to_the_first(client, long_conversation, a_member):
    client.force_login(a_member)
    url = long_conversation.get_absolute_url()
    second = client.get(f"{url}?before={earlier_link(client.get(url).content.decode())}").content.decode()
    assert numbers_in(second) == list(range(5, 15))
    assert 'name="body"' not in second
    assert "Latest messages and the reply box" in second
    first = client.get(f"{url}?before={earlier_link(second)}").content.decode()
    assert numbers_in(first) == [1, 2, 3, 4]
    assert "Hello, could we talk about my son" in first
    assert earlier_link(first) is None


def test_a_short_conversation_has_no_paging(client, a_conversation, a_member):
    client.force_login(a_member)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "Hello, could we talk about my son" in html
    assert "Earlier messages" not in html and "Latest messages" not in html


@pytest.mark.parametrize("value", ["abc", "-3", "0", "99999999999999999999999", "1e3", ""])
def test_a_broken_before_shows_the_latest_messages(client, long_conversation, a_member, value):
    client.force_login(a_member)
    response = client.get(long_conversation.get_absolute_url(), {"before": value})
    assert response.status_code == 200
    assert numbers_in(response.content.decode()) == list(range(15, 25))


def test_another_conversations_message_id_shows_nothing_of_it(
    client, long_conversation, a_member, specialist_index, start
):
    from accounts.factories import UserFactory
    from specialists.factories import SpecialistPageFactory

    other = UserFactory(email="paging.other@example.com")
    SpecialistPageFactory(parent=specialist_index, slug="paging-other", title="Dr Other", user=other)
    other.refresh_from_db()
    elsewhere, _ = start(a_member, other, body="A message in another conversation")
    client.force_login(a_member)
    html = client.get(long_conversation.get_absolute_url(), {"before": elsewhere.messages.get().pk + 1}).content
    assert b"another conversation" not in html


def test_the_specialist_sees_the_crisis_notice_from_an_earlier_page(client, settings, a_member, a_specialist, start):
    settings.MESSAGING_MESSAGES_PER_HOUR = 1000
    settings.MESSAGING_MESSAGES_PER_PAGE = 5
    conversation, _ = start(a_member, a_specialist, body=CRISIS_TEXT)
    for n in range(10):
        send(conversation, a_specialist, body=f"Reply {n}")
    client.force_login(a_specialist)
    html = client.get(conversation.get_absolute_url()).content.decode()
    assert "kill myself" not in html  # the message itself is on an earlier page
    assert "This member may be in crisis" in html


def test_thread_page_is_one_query(long_conversation):
    with CaptureQueriesContext(connection) as captured:
        page = selectors.conversation_thread(long_conversation)
    assert len(captured) == 1
    assert len(page.messages) == 10 and page.is_latest and page.earlier == page.messages[0].pk


def queries_for(client, url):
    # Warm, as a running site is (tests/conftest.py's measure_page_queries):
    # the first GET may start core.site_cache afresh, the second fills it.
    for _ in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_budget_unchanged_with_ten_times_the_messages(client, settings, a_conversation, a_member, a_specialist):
    settings.MESSAGING_MESSAGES_PER_HOUR = 1000
    settings.MESSAGING_MESSAGES_PER_PAGE = 10
    for n in range(1, 15):
        send(a_conversation, a_specialist if n % 2 else a_member, body=f"Message {n}")
    url = a_conversation.get_absolute_url()
    client.force_login(a_member)
    latest = queries_for(client, url)
    earlier = queries_for(client, f"{url}?before={a_conversation.messages.order_by('pk')[10].pk}")
    for n in range(15, 150):
        send(a_conversation, a_specialist if n % 2 else a_member, body=f"Message {n}")
    assert a_conversation.messages.count() == 150
    assert queries_for(client, url) == latest
    assert queries_for(client, f"{url}?before={a_conversation.messages.order_by('pk')[100].pk}") == earlier
    assert latest <= 14
