"""The inbox, a conversation and the header's unread count cost the same
number of queries with a few conversations and messages as with many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from specialists.factories import SpecialistPageFactory

from .conftest import send

pytestmark = pytest.mark.django_db


def add_conversations(member, specialist_index, start, count, offset):
    for n in range(offset, offset + count):
        user = UserFactory(email=f"budget.specialist{n}@example.com", display_name=f"Specialist {n}")
        SpecialistPageFactory(parent=specialist_index, slug=f"budget-{n}", title=f"Dr Budget {n}", user=user)
        user.refresh_from_db()
        conversation, _ = start(member, user)
        send(conversation, user, body="A reply")


def queries_for(client, url):
    # Warm, as a running site is (tests/conftest.py's measure_page_queries):
    # the first GET may start core.site_cache afresh, the second fills it.
    for _ in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_inbox_does_not_grow_with_conversations(client, settings, a_member, specialist_index, start):
    settings.MESSAGING_MESSAGES_PER_HOUR = 1000
    settings.MESSAGING_NEW_CONVERSATIONS_PER_DAY = 1000
    client.force_login(a_member)
    add_conversations(a_member, specialist_index, start, 2, 0)
    few = queries_for(client, "/messages/")
    add_conversations(a_member, specialist_index, start, 15, 2)
    many = queries_for(client, "/messages/")
    assert few == many
    assert many <= 12


def test_conversation_does_not_grow_with_messages(client, settings, a_conversation, a_member, a_specialist):
    settings.MESSAGING_MESSAGES_PER_HOUR = 1000
    client.force_login(a_member)
    send(a_conversation, a_specialist)
    few = queries_for(client, a_conversation.get_absolute_url())
    for n in range(30):
        send(a_conversation, a_specialist if n % 2 else a_member, body=f"Message number {n}")
    many = queries_for(client, a_conversation.get_absolute_url())
    assert few == many
    assert many <= 14


def test_header_unread_total_is_one_query(client, a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist)
    client.force_login(a_member)
    client.get("/help-now/")
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/help-now/").content.decode()
    unread_queries = [q["sql"] for q in captured.captured_queries if "messaging_conversation" in q["sql"]]
    assert len(unread_queries) == 1
    assert 'class="count-badge">1<' in html
