"""The "new message" e-mail: a link and never the text, one per conversation
while unread, the member's preference honoured, a working one-click
unsubscribe; and the database worker that sends it in production."""

import re
import uuid

import pytest
from django.core import mail

from messaging.models import Conversation

from .conftest import send

pytestmark = pytest.mark.django_db

SECRET = "my husband shouts at night and I sleep badly"


def unsubscribe_link(message):
    return re.search(r"<(http://testserver/email/unsubscribe/[^>]+)>", message.extra_headers["List-Unsubscribe"])[1]


def test_recipient_gets_a_link_never_the_text(a_member, a_specialist, start, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        conversation, _ = start(a_member, a_specialist, body=SECRET)
    [message] = mail.outbox
    assert message.to == [a_specialist.email]
    assert message.subject == "You have a new message on Steady Ground"
    html = message.alternatives[0].content
    for part in (message.subject, message.body, html):
        assert "husband" not in part and "sleep" not in part
    assert f"http://testserver{conversation.get_absolute_url()}" in message.body
    assert f'href="http://testserver{conversation.get_absolute_url()}"' in html
    assert message.alternatives[0].mimetype == "text/html"
    # Nothing in it names the member either.
    assert a_member.display_name not in message.body


def test_one_email_per_conversation_while_unread(
    client, a_member, a_specialist, start, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        conversation, _ = start(a_member, a_specialist)
        send(conversation, a_member, body="And one more thing")
        send(conversation, a_member, body="Sorry, a third")
    assert len(mail.outbox) == 1
    # The specialist reads them; the next message is e-mailed again.
    client.force_login(a_specialist)
    client.get(conversation.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        send(conversation, a_member, body="After you read")
    assert len(mail.outbox) == 2


def test_replies_email_the_member(a_conversation, a_member, a_specialist, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send(a_conversation, a_specialist, body="Happy to help")
    [message] = mail.outbox
    assert message.to == [a_member.email]
    assert "A specialist has replied" in message.body and "Happy to help" not in message.body


def test_preference_off_sends_nothing(a_member, a_specialist, start, django_capture_on_commit_callbacks):
    a_specialist.notify_messages = False
    a_specialist.save()
    with django_capture_on_commit_callbacks(execute=True):
        start(a_member, a_specialist)
    assert mail.outbox == []


def test_read_before_the_worker_ran_sends_nothing(a_member, a_specialist, start, django_capture_on_commit_callbacks):
    from messaging import services, tasks

    conversation, _ = start(a_member, a_specialist)  # on_commit never ran: the task is not queued yet
    services.conversation_mark_read(conversation=conversation, user=a_specialist)
    sent = tasks.send_new_message_email.call(conversation_id=str(conversation.pk), recipient_id=a_specialist.pk)
    assert sent is False
    assert mail.outbox == []


def test_one_click_unsubscribe_turns_off_this_kind_only(
    client, a_member, a_specialist, start, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        start(a_member, a_specialist)
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = unsubscribe_link(message)
    assert link in message.body
    path = link.removeprefix("http://testserver")
    # Opening the link (a preview, a link checker) changes nothing.
    page = client.get(path)
    assert page.status_code == 200 and "new messages" in page.content.decode()
    a_specialist.refresh_from_db()
    assert a_specialist.notify_messages
    # The mail client's one-click POST (no cookie, no CSRF token) turns it off.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "Done" in response.content.decode()
    a_specialist.refresh_from_db()
    assert not a_specialist.notify_messages
    assert a_specialist.notify_answers and a_specialist.notify_comment_replies


def test_tampered_unsubscribe_link_is_refused(client, a_specialist):
    from core import tokens as site_tokens

    token = site_tokens.unsubscribe_token(user=a_specialist, kind="messages")
    assert client.post(f"/email/unsubscribe/{token}x/").status_code == 404
    # A kind that has no preference cannot be "unsubscribed".
    forged = site_tokens.unsubscribe_token(user=a_specialist, kind="moderation")
    assert client.post(f"/email/unsubscribe/{forged}/").status_code == 404
    a_specialist.refresh_from_db()
    assert a_specialist.notify_messages


def test_unread_counters_follow_each_side(a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist, token=uuid.uuid4())
    row = Conversation.objects.get(pk=a_conversation.pk)
    assert (row.member_unread, row.specialist_unread) == (1, 1)
