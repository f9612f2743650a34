"""Starting and writing in conversations: one per pair, double submits,
closing (blocking), "not taking messages", limits, crisis words, text."""

import uuid

import pytest
from django.core import mail

from messaging import services
from messaging.models import Conversation, Message

from .conftest import CRISIS_TEXT, send

pytestmark = pytest.mark.django_db


def test_send_a_message_button_on_the_landing_page(client, a_specialist, a_member):
    client.force_login(a_member)
    page = a_specialist.specialist_page
    html = client.get(page.url).content.decode()
    assert f'href="/messages/new/{page.slug}/"' in html
    # This specialist offers no free consultation: nothing is left "coming soon".
    assert "open here soon" not in html
    assert "disabled" not in html.split('id="contact-heading"')[1].split("</section>")[0]


def _contact_section(client, page):
    from bs4 import BeautifulSoup

    return BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".profile-actions")


def test_landing_page_says_neutrally_when_new_conversations_are_off(
    client, a_specialist, a_member, another_member, start
):
    """No dead "Send a message" while the specialist takes no new
    conversations: a plain sentence, for visitors and members alike; a
    member who already writes with them still has the link, and it opens."""
    conversation, _message = start(a_member, a_specialist)
    services.messaging_settings_update(user=a_specialist, taking_new_conversations=False)
    page = a_specialist.specialist_page
    for who in (None, another_member):
        if who:
            client.force_login(who)
        actions = _contact_section(client, page)
        assert "Not taking new messages at the moment." in actions.get_text()
        assert not actions.find("a", string="Send a message") and not actions.select("button")
        assert "send a message" not in actions.get_text()  # no login prompt to do it either
        client.logout()
    client.force_login(a_member)
    actions = _contact_section(client, page)
    assert "Not taking new messages" not in actions.get_text()
    link = actions.find("a", string="Send a message")
    assert client.get(link["href"])["Location"] == conversation.get_absolute_url()
    # Taking them again: the button is back for everyone (the readers' cached copy too).
    services.messaging_settings_update(user=a_specialist, taking_new_conversations=True)
    client.logout()
    actions = _contact_section(client, page)
    assert "Not taking new messages" not in actions.get_text() and "to send a message" in actions.get_text()


def test_member_starts_a_conversation_through_the_form(client, a_specialist, a_member):
    client.force_login(a_member)
    url = f"/messages/new/{a_specialist.specialist_page.slug}/"
    form_page = client.get(url)
    assert form_page.status_code == 200
    token = form_page.context["form"].initial["token"]
    response = client.post(url, {"body": "Hello, I would like to ask about sessions.", "token": str(token)})
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == conversation.get_absolute_url()
    assert (conversation.member, conversation.specialist) == (a_member, a_specialist)
    page = client.get(response["Location"])
    assert "Your message has been sent" in page.content.decode()
    # Starting again opens the same conversation.
    again = client.get(url)
    assert again.status_code == 302 and again["Location"] == conversation.get_absolute_url()


def test_one_conversation_per_member_and_specialist(a_member, a_specialist, start):
    first, _ = start(a_member, a_specialist)
    second, _ = start(a_member, a_specialist, body="Another thought")
    assert first.pk == second.pk
    assert Conversation.objects.count() == 1 and Message.objects.count() == 2


def test_double_submit_sends_one_message(client, a_conversation, a_member):
    client.force_login(a_member)
    data = {"body": "Is Tuesday possible?", "token": str(uuid.uuid4())}
    first = client.post(a_conversation.get_absolute_url(), data)
    second = client.post(a_conversation.get_absolute_url(), data)
    assert first.status_code == second.status_code == 302
    assert a_conversation.messages.filter(body="Is Tuesday possible?").count() == 1


def test_double_submit_of_the_first_message_starts_one_conversation(client, a_specialist, a_member):
    client.force_login(a_member)
    url = f"/messages/new/{a_specialist.specialist_page.slug}/"
    data = {"body": "Hello there", "token": str(uuid.uuid4())}
    client.post(url, data)
    # The second submit of the same form (the page had not changed yet).
    response = client.post(url, data)
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == conversation.get_absolute_url()
    assert Message.objects.count() == 1


def test_the_reply_box_says_messages_are_not_for_emergencies(client, a_conversation, a_member):
    client.force_login(a_member)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "Messages are not for emergencies" in html
    assert 'href="/help-now/"' in html


def test_specialist_replies_and_member_reads_it(client, a_conversation, a_member, a_specialist):
    client.force_login(a_specialist)
    response = client.post(
        a_conversation.get_absolute_url(), {"body": "Yes, **Tuesday** works.", "token": str(uuid.uuid4())}
    )
    assert response.status_code == 302
    client.force_login(a_member)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "<strong>Tuesday</strong> works." in html


def test_reply_through_the_script_answers_json(client, a_conversation, a_member):
    client.force_login(a_member)
    response = client.post(
        a_conversation.get_absolute_url(),
        {"body": "Sent by the script", "token": str(uuid.uuid4())},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "Your message has been sent."
    assert "Sent by the script" in data["html"] and data["crisis"] is False
    assert uuid.UUID(data["token"])


def test_bad_input_is_refused_next_to_the_field_and_kept(client, a_conversation, a_member):
    client.force_login(a_member)
    too_long = "x" * 4001
    response = client.post(a_conversation.get_absolute_url(), {"body": too_long, "token": str(uuid.uuid4())})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please keep it to 4000 characters" in html
    assert too_long in html  # nothing lost
    empty = client.post(a_conversation.get_absolute_url(), {"body": "   ", "token": str(uuid.uuid4())})
    assert empty.status_code == 400 and "Write a message first." in empty.content.decode()
    control = client.post(a_conversation.get_absolute_url(), {"body": "bad\x07bell", "token": str(uuid.uuid4())})
    assert control.status_code == 400
    assert a_conversation.messages.count() == 1


def test_member_text_is_cleaned_like_qa_text(client, a_conversation, a_member, a_specialist):
    send(a_conversation, a_member, body='<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="y">')
    client.force_login(a_specialist)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html
    assert "onerror" not in html


def test_blocking_closes_the_conversation_neutrally_for_both(client, a_conversation, a_member, a_specialist):
    client.force_login(a_specialist)
    assert client.post(a_conversation.get_absolute_url() + "block/").status_code == 302
    with pytest.raises(services.ConversationClosed):
        send(a_conversation, a_member)
    with pytest.raises(services.ConversationClosed):
        send(a_conversation, a_specialist)
    client.force_login(a_member)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "This conversation is closed. New messages cannot be sent." in html
    assert "Open the conversation again" not in html
    response = client.post(a_conversation.get_absolute_url(), {"body": "Hello?", "token": str(uuid.uuid4())})
    assert response.status_code == 400
    # The member cannot reopen what the specialist closed; the specialist can.
    assert client.post(a_conversation.get_absolute_url() + "unblock/").status_code == 404
    client.force_login(a_specialist)
    assert client.post(a_conversation.get_absolute_url() + "unblock/").status_code == 302
    assert send(a_conversation, a_member).pk


def test_a_blocked_member_cannot_start_again(a_conversation, a_member, a_specialist, start):
    services.conversation_block(conversation=a_conversation, by=a_specialist)
    with pytest.raises(services.ConversationClosed):
        start(a_member, a_specialist)


def test_specialist_not_taking_new_conversations(client, a_specialist, a_member, another_member, a_conversation, start):
    client.force_login(a_specialist)
    assert "Your private conversations with members." in client.get("/messages/").content.decode()
    response = client.post("/messages/settings/", {})
    assert response.status_code == 302
    assert not services.specialist_takes_conversations(user=a_specialist)
    with pytest.raises(services.NotTakingConversations):
        start(another_member, a_specialist)
    client.force_login(another_member)
    html = client.get(f"/messages/new/{a_specialist.specialist_page.slug}/").content.decode()
    assert "not taking new conversations" in html
    # The conversation already going on goes on.
    assert send(a_conversation, a_member).pk


def test_members_cannot_change_specialist_settings(client, a_member):
    client.force_login(a_member)
    assert client.post("/messages/settings/", {}).status_code == 404


def test_unverified_member_is_asked_to_confirm_their_address(client, a_specialist):
    from accounts.factories import UserFactory

    unverified = UserFactory(email="new.member@example.com", verified=False)
    client.force_login(unverified)
    response = client.get(f"/messages/new/{a_specialist.specialist_page.slug}/")
    assert response.status_code == 403
    assert "Confirm your e-mail address" in response.content.decode()


def test_no_messages_to_unverified_or_unknown_specialists(client, a_member, specialist_index):
    from specialists.factories import SpecialistPageFactory

    SpecialistPageFactory(parent=specialist_index, slug="unchecked", unverified=True, user=None)
    client.force_login(a_member)
    assert client.get("/messages/new/unchecked/").status_code == 404
    assert client.get("/messages/new/nobody-here/").status_code == 404


def test_messages_per_hour_limit(settings, a_conversation, a_member):
    settings.MESSAGING_MESSAGES_PER_HOUR = 3
    # django-ratelimit counts each rate apart: the fixture's message, sent
    # under the default rate, is not among these three.
    send(a_conversation, a_member)
    send(a_conversation, a_member)
    send(a_conversation, a_member)
    with pytest.raises(services.LimitReached) as refused:
        send(a_conversation, a_member, body="One too many")
    assert "3 messages in the last hour" in str(refused.value.message)
    assert not a_conversation.messages.filter(body="One too many").exists()


def test_limit_message_in_the_form_keeps_the_text(client, settings, a_conversation, a_member):
    settings.MESSAGING_MESSAGES_PER_HOUR = 0
    client.force_login(a_member)
    response = client.post(a_conversation.get_absolute_url(), {"body": "Kept text", "token": str(uuid.uuid4())})
    assert response.status_code == 400
    html = response.content.decode()
    assert "which is the limit" in html and "Kept text" in html


def test_new_conversations_per_day_limit(settings, a_member, specialist_index, start):
    from accounts.factories import UserFactory
    from specialists.factories import SpecialistPageFactory

    settings.MESSAGING_NEW_CONVERSATIONS_PER_DAY = 2
    specialists = []
    for n in range(3):
        user = UserFactory(email=f"limit.specialist{n}@example.com")
        SpecialistPageFactory(parent=specialist_index, slug=f"limit-{n}", user=user)
        user.refresh_from_db()
        specialists.append(user)
    start(a_member, specialists[0])
    start(a_member, specialists[1])
    with pytest.raises(services.LimitReached):
        start(a_member, specialists[2])
    assert Conversation.objects.filter(member=a_member).count() == 2
    # Writing in a conversation already started is not a new one.
    start(a_member, specialists[0], body="More")


def test_crisis_words_show_the_sender_the_panel_and_deliver_the_message(
    client, a_conversation, a_member, a_specialist, django_capture_on_commit_callbacks
):
    client.force_login(a_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(a_conversation.get_absolute_url(), {"body": CRISIS_TEXT, "token": str(uuid.uuid4())})
    page = client.get(response["Location"]).content.decode()
    assert "You don't have to wait for a reply" in page
    assert "data-messaging-crisis hidden" not in page
    message = a_conversation.messages.get(body=CRISIS_TEXT)
    assert message.crisis
    # Delivered: the specialist reads it, with the crisis lines to pass on.
    client.force_login(a_specialist)
    html = client.get(a_conversation.get_absolute_url()).content.decode()
    assert "I want to kill myself tonight" in html
    assert "This member may be in crisis" in html
    # The panel is the sender's, not the specialist's.
    assert "data-messaging-crisis hidden" in html
    # The notification e-mail says nothing about it.
    assert all("kill" not in m.body and "crisis" not in m.subject.lower() for m in mail.outbox)


def test_ordinary_message_shows_no_crisis_panel(client, a_conversation, a_member):
    client.force_login(a_member)
    response = client.post(a_conversation.get_absolute_url(), {"body": "See you soon", "token": str(uuid.uuid4())})
    page = client.get(response["Location"]).content.decode()
    assert "data-messaging-crisis hidden" in page


def test_reading_clears_the_unread_count(client, a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist)
    send(a_conversation, a_specialist)
    assert Conversation.objects.unread_total(a_member) == 2
    assert Conversation.objects.unread_total(a_specialist) == 1
    client.force_login(a_member)
    html = client.get("/").content.decode()
    assert 'data-header-link="messages">Messages <span class="count-badge">2<' in html
    client.get(a_conversation.get_absolute_url())
    assert Conversation.objects.unread_total(a_member) == 0


def test_report_goes_to_the_moderators_queue(client, a_conversation, a_member, a_specialist):
    reply = send(a_conversation, a_specialist, body="Something rude")
    client.force_login(a_member)
    url = f"{a_conversation.get_absolute_url()}report/{reply.pk}/"
    assert client.get(url).status_code == 200
    missing = client.post(url, {})
    assert missing.status_code == 400 and "Choose the reason" in missing.content.decode()
    response = client.post(url, {"reason": "abuse", "note": "Not okay"})
    assert response.status_code == 302
    client.post(url, {"reason": "abuse"})
    report = reply.reports.get()
    assert (report.reason, report.note, report.reporter) == ("abuse", "Not okay", a_member)


def test_specialist_with_a_unicode_slug_can_be_written_to(client, a_member, specialist_index):
    from accounts.factories import UserFactory
    from specialists.factories import SpecialistPageFactory

    user = UserFactory(email="noa@example.com")
    page = SpecialistPageFactory(parent=specialist_index, title="Dr Noa Levi", slug="noa-levi-נועה", user=user)
    client.force_login(a_member)
    assert client.get(page.url).status_code == 200
    assert client.get(f"/messages/new/{page.slug}/").status_code == 200


def test_script_gets_the_reason_a_message_was_refused(client, a_conversation, a_member, a_specialist):
    services.conversation_block(conversation=a_conversation, by=a_specialist)
    client.force_login(a_member)
    response = client.post(
        a_conversation.get_absolute_url(),
        {"body": "Are you there?", "token": str(uuid.uuid4())},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "This conversation is closed. New messages cannot be sent."
    json_only = {"Accept": "application/json"}
    empty = client.post(a_conversation.get_absolute_url(), {"body": "", "token": str(uuid.uuid4())}, headers=json_only)
    assert empty.status_code == 400 and empty.json()["errors"]["body"] == ["Write a message first."]


def test_inbox_lists_newest_activity_first_with_unread_counts(client, a_member, specialist_index, start):
    from accounts.factories import UserFactory
    from specialists.factories import SpecialistPageFactory

    conversations = []
    for n in range(3):
        user = UserFactory(email=f"inbox.specialist{n}@example.com")
        SpecialistPageFactory(parent=specialist_index, slug=f"inbox-{n}", title=f"Dr Inbox {n}", user=user)
        user.refresh_from_db()
        conversations.append((start(a_member, user)[0], user))
    # The oldest conversation gets a reply: it moves to the top, with one unread.
    first, first_specialist = conversations[0]
    send(first, first_specialist)
    client.force_login(a_member)
    html = client.get("/messages/").content.decode()
    positions = [html.index(f"Dr Inbox {n}") for n in (0, 2, 1)]
    assert positions == sorted(positions)
    assert "1 unread" in html


def test_script_is_told_to_show_the_crisis_panel(client, a_conversation, a_member):
    client.force_login(a_member)
    response = client.post(
        a_conversation.get_absolute_url(),
        {"body": CRISIS_TEXT, "token": str(uuid.uuid4())},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200 and response.json()["crisis"] is True
