"""Only the two participants can open a conversation: everyone else,
staff included, gets the same 404 as for an id that does not exist."""

import uuid

import pytest

from accounts.factories import UserFactory

from .conftest import send

pytestmark = pytest.mark.django_db


def test_conversation_ids_are_random_uuids(a_conversation, a_member, a_specialist, another_member, start):
    assert isinstance(a_conversation.pk, uuid.UUID) and a_conversation.pk.version == 4
    other_specialist = UserFactory(email="second.specialist@example.com")
    from specialists.factories import SpecialistPageFactory

    SpecialistPageFactory(
        parent=a_specialist.specialist_page.get_parent(), slug="second", title="Dr Two", user=other_specialist
    )
    other_specialist.refresh_from_db()
    second, _ = start(another_member, other_specialist)
    # Nothing to walk from one to the next: the ids share no sequence.
    assert second.pk != a_conversation.pk
    assert str(a_conversation.pk) in a_conversation.get_absolute_url()
    assert "/messages/" + str(a_conversation.pk) + "/" == a_conversation.get_absolute_url()


def test_both_participants_open_the_conversation(client, a_conversation, a_member, a_specialist):
    for user in (a_member, a_specialist):
        client.force_login(user)
        response = client.get(a_conversation.get_absolute_url())
        assert response.status_code == 200
        assert "Hello, could we talk about my son" in response.content.decode()
        assert "no-store" in response["Cache-Control"]


def test_anonymous_visitor_is_sent_to_log_in(client, a_conversation):
    response = client.get(a_conversation.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["another_member", "a_moderator", "a_superuser"])
def test_anyone_else_gets_404_staff_included(client, request, a_conversation, who):
    client.force_login(request.getfixturevalue(who))
    url = a_conversation.get_absolute_url()
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Let me in", "token": str(uuid.uuid4())}).status_code == 404
    assert client.post(url + "block/").status_code == 404
    message = a_conversation.messages.first()
    assert client.get(f"{url}report/{message.pk}/").status_code == 404
    assert a_conversation.messages.count() == 1


def test_walking_ids_finds_nothing(client, a_conversation, another_member):
    client.force_login(another_member)
    known = str(a_conversation.pk)
    # A neighbour of a real id, a random id and a non-UUID all look the same.
    neighbour = known[:-1] + ("0" if known[-1] != "0" else "1")
    for candidate in (neighbour, str(uuid.uuid4()), "1", "../1"):
        assert client.get(f"/messages/{candidate}/").status_code == 404


def test_report_link_only_for_messages_of_that_conversation(
    client, a_conversation, a_member, a_specialist, another_member, start
):
    from specialists.factories import SpecialistPageFactory

    other = UserFactory(email="third.specialist@example.com")
    SpecialistPageFactory(parent=a_specialist.specialist_page.get_parent(), slug="third", title="Dr Three", user=other)
    other.refresh_from_db()
    elsewhere, _ = start(another_member, other)
    foreign = send(elsewhere, other, body="A reply in another conversation")
    client.force_login(a_member)
    # A message id of someone else's conversation, under the member's own conversation.
    assert client.get(f"{a_conversation.get_absolute_url()}report/{foreign.pk}/").status_code == 404
    # One's own message cannot be reported either.
    own = a_conversation.messages.get(sender=a_member)
    assert client.get(f"{a_conversation.get_absolute_url()}report/{own.pk}/").status_code == 404


def test_inbox_lists_only_ones_own_conversations(client, a_conversation, a_member, another_member):
    client.force_login(another_member)
    html = client.get("/messages/").content.decode()
    assert str(a_conversation.pk) not in html
    client.force_login(a_member)
    html = client.get("/messages/").content.decode()
    assert a_conversation.get_absolute_url() in html
    assert "Dr Ada Moss" in html
