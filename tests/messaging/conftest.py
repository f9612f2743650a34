"""Fixtures for messages: a verified specialist with an account, a member,
and a conversation between them."""

import uuid

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from messaging import services
from specialists.factories import SpecialistPageFactory
from tests.two_factor import staff_in_group

CRISIS_TEXT = "I can't do this any more, I want to kill myself tonight."


@pytest.fixture
def a_specialist(specialist_index):
    """A verified specialist's account; its page is `a_specialist.specialist_page`."""
    user = UserFactory(email="specialist.fixture@example.com", display_name="Dr Ada Moss")
    user.groups.add(Group.objects.get(name="Specialists"))
    SpecialistPageFactory(parent=specialist_index, title="Dr Ada Moss", slug="ada-moss", user=user)
    user.refresh_from_db()
    return user


@pytest.fixture
def a_specialist_page_of(a_specialist):
    return a_specialist.specialist_page


staff = staff_in_group


@pytest.fixture
def a_moderator(db):
    return staff("moderator.fixture@example.com", "Morgan", "Moderators")


@pytest.fixture
def an_editor(db):
    return staff("editor.fixture@example.com", "Eddie", "Editors")


@pytest.fixture
def start():
    """start(member, specialist, body) -> (conversation, message), through the service."""

    def start_conversation(member, specialist, body="Hello, could we talk about my son's sleep?", token=None):
        return services.conversation_start(
            member=member, page=specialist.specialist_page, body=body, token=token or uuid.uuid4()
        )

    return start_conversation


@pytest.fixture
def a_conversation(a_member, a_specialist, start):
    conversation, _message = start(a_member, a_specialist)
    return conversation


def send(conversation, sender, body="Thank you for writing.", token=None):
    return services.message_send(conversation=conversation, sender=sender, body=body, token=token or uuid.uuid4())
