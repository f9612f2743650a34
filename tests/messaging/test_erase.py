"""Deleting an account erases that member's message text; the other side
keeps a closed conversation marked "deleted member". The export holds the
member's conversations."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import user_data_export, user_delete
from messaging.models import Conversation, Message
from messaging.selectors import conversations_export

from .conftest import send

pytestmark = pytest.mark.django_db


def test_deleting_the_member_erases_their_text_and_closes_the_conversation(
    client, a_conversation, a_member, a_specialist
):
    send(a_conversation, a_specialist, body="The specialist's reply")
    send(a_conversation, a_member, body="My private follow-up")
    user_delete(user=a_member)
    conversation = Conversation.objects.get(pk=a_conversation.pk)
    assert conversation.member is None and conversation.member_deleted and conversation.is_closed
    assert not Message.objects.filter(body__contains="private follow-up").exists()
    assert not Message.objects.filter(body__contains="could we talk").exists()
    assert Message.objects.filter(erased=True, sender=None).count() == 2
    client.force_login(a_specialist)
    html = client.get(conversation.get_absolute_url()).content.decode()
    assert "Deleted member" in html
    assert "the other person deleted their account" in html
    assert "The specialist&#x27;s reply" in html or "The specialist's reply" in html
    inbox = client.get("/messages/").content.decode()
    assert "Deleted member" in inbox and "Rowan" not in inbox


def test_deleting_the_specialist_leaves_the_member_a_closed_conversation(
    client, a_conversation, a_member, a_specialist
):
    send(a_conversation, a_specialist, body="Specialist text to erase")
    user_delete(user=a_specialist)
    assert not Message.objects.filter(body__contains="Specialist text").exists()
    client.force_login(a_member)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "Deleted member" in html and "closed" in html
    assert 'name="body"' not in html


def test_export_holds_the_members_conversations_and_messages(a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist, body="A reply to export")
    data = user_data_export(user=a_member)
    serialised = str(data)
    assert str(a_conversation.pk) in serialised
    assert "Hello, could we talk about my son" in serialised


def test_export_holds_each_conversation_whole_with_who_wrote_what(a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist, body="The specialist's side of it")
    send(a_conversation, a_member, body="And my answer")
    (conversation,) = user_data_export(user=a_member)["sections"]["conversations"]
    assert conversation["id"] == str(a_conversation.pk)
    assert conversation["with"] == "Dr Ada Moss"
    assert [(m["from"], m["text"]) for m in conversation["messages"]] == [
        ("you", "Hello, could we talk about my son's sleep?"),
        ("Dr Ada Moss", "The specialist's side of it"),
        ("you", "And my answer"),
    ]
    assert all(m["sent"] for m in conversation["messages"])
    # The specialist's export holds the same conversation from their side.
    (theirs,) = user_data_export(user=a_specialist)["sections"]["conversations"]
    assert theirs["with"] == a_member.display_name
    assert [m["from"] for m in theirs["messages"]] == [a_member.display_name, "you", a_member.display_name]


def test_export_file_and_page_show_the_other_sides_messages(client, a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist, body="A <b>reply</b> to export")
    client.force_login(a_member)
    data = json.loads(client.get("/accounts/data/download/").content)
    texts = [m["text"] for m in data["sections"]["conversations"][0]["messages"]]
    assert "A <b>reply</b> to export" in texts
    page = client.get("/accounts/data/").content.decode()
    assert "With Dr Ada Moss" in page
    assert "A &lt;b&gt;reply&lt;/b&gt; to export" in page
    assert "<b>reply</b>" not in page


def test_after_the_member_deletes_their_account_the_specialists_export_shows_them_erased(
    a_conversation, a_member, a_specialist
):
    send(a_conversation, a_specialist, body="Still mine")
    user_delete(user=a_member)
    (conversation,) = user_data_export(user=a_specialist)["sections"]["conversations"]
    assert conversation["with"] == "Deleted member" and conversation["closed"]
    assert [(m["from"], m["text"], m["erased"]) for m in conversation["messages"]] == [
        ("Deleted member", "", True),
        ("you", "Still mine", False),
    ]


def test_export_of_conversations_does_not_grow_with_them(a_member, a_specialist, a_conversation, settings):
    settings.MESSAGING_MESSAGES_PER_HOUR = 1000
    for n in range(20):
        send(a_conversation, a_specialist, body=f"Reply {n}")
    with CaptureQueriesContext(connection) as captured:
        conversations_export(user=a_member)
    assert len(captured) == 2
