"""The forms that keep a draft in the browser say what they are a draft of
(data-draft="<kind>:<object>"), and show the switch for drafts on this device."""

import re
import uuid

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from messaging import services as messaging_services
from qa.factories import QuestionFactory
from qa.models import Question
from specialists.factories import SpecialistPageFactory

pytestmark = pytest.mark.django_db


def draft_of(html):
    found = re.findall(r'<form [^>]*data-draft="([^"]+)"', html)
    assert found, "no form with data-draft"
    assert "data-draft-control" in html
    return found


@pytest.fixture
def specialist(specialist_index):
    user = UserFactory(email="drafts.specialist@example.com", display_name="Dr Draft")
    user.groups.add(Group.objects.get(name="Specialists"))
    SpecialistPageFactory(parent=specialist_index, title="Dr Draft", slug="dr-draft", user=user)
    user.refresh_from_db()
    return user


def test_the_ask_form(client, home_page, a_member):
    client.force_login(a_member)
    assert draft_of(client.get("/questions/ask/?step=form").content.decode()) == ["ask:new"]


def test_the_answer_form(client, specialist, a_member, a_topic):
    question = QuestionFactory(author=a_member, topic=a_topic, status=Question.Status.PUBLISHED)
    client.force_login(specialist)
    assert draft_of(client.get(question.get_absolute_url()).content.decode()) == [f"answer:{question.pk}"]


def test_the_comment_form(client, an_article, a_member):
    client.force_login(a_member)
    assert draft_of(client.get(an_article.url).content.decode()) == [f"comment:articles.articlepage.{an_article.pk}:0"]


def test_the_first_message_and_the_reply_forms(client, specialist, a_member):
    client.force_login(a_member)
    page = specialist.specialist_page
    assert draft_of(client.get(f"/messages/new/{page.slug}/").content.decode()) == [f"message:new:{page.pk}"]
    conversation, _ = messaging_services.conversation_start(
        member=a_member, page=page, body="Hello, may I ask about sleep?", token=uuid.uuid4()
    )
    html = client.get(conversation.get_absolute_url()).content.decode()
    assert draft_of(html) == [f"message:{conversation.pk}"]
    # Sent by messaging.js, which tells drafts.js when it went.
    assert re.search(r"<form [^>]*data-draft-async", html)


def test_the_consultation_note_form(client, specialist_index, a_member):
    from datetime import time

    from specialists.consultation_services import availability_update
    from specialists.slots import Window

    owner = UserFactory(email="drafts.consultant@example.com")
    owner.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(parent=specialist_index, slug="dr-consult", user=owner, offers_free_consultation=True)
    availability_update(
        page=page,
        by=owner,
        time_zone="Europe/London",
        notice_hours=24,
        horizon_days=21,
        windows=[Window(day, time(9), time(12)) for day in range(7)],
        dates_off=[],
    )
    client.force_login(a_member)
    assert draft_of(client.get("/specialists/dr-consult/consultation/").content.decode()) == [f"consultation:{page.pk}"]
