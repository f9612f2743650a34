"""Deleting an account erases that member's message text; the other side
keeps a closed conversation marked "deleted member". The export holds the
member's conversations."""

import pytest

from accounts.services import user_data_export, user_delete
from messaging.models import Conversation, Message

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
