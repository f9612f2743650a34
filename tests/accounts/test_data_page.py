"""/accounts/data/: the member's data laid out to read (a heading per kind,
the kinds they look for first, dates in the site's style, no raw ids or
ISO strings), while the JSON download stays complete."""

import json
import re
import uuid

import pytest
from bs4 import BeautifulSoup

from messaging import services as messaging_services
from qa.factories import QuestionFactory
from tests.accounts.test_privacy import comment_on
from tests.specialists.conftest import a_consultant, book, open_slots  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_the_data_page_has_a_heading_per_kind_and_readable_dates(client, a_member, an_article, a_consultant, book):  # noqa: F811
    QuestionFactory(author=a_member, title="How do I sleep before exams?")
    comment_on(an_article, a_member, "My own words about sleep.")
    consultation = book(a_member, a_consultant, member_time_zone="America/New_York")
    messaging_services.conversation_start(
        member=a_member, page=a_consultant, body="Could we talk about my son?", token=uuid.uuid4()
    )
    client.force_login(a_member)
    html = BeautifulSoup(client.get("/accounts/data/").content, "html.parser")
    headings = [" ".join(h.get_text().split()) for h in html.select("main h2, .data-summary h2")]
    wanted = ["Profile", "Your conversations (1)", "Questions (1)", "Comments (1)", "Consultation requests (1)"]
    positions = [next(i for i, h in enumerate(headings) if h.startswith(w)) for w in wanted]
    # In the order members look for them (conversations are drawn whole, first of the rest).
    assert positions == sorted(positions)
    text = html.select_one(".data-summary").get_text(" ")
    assert "How do I sleep before exams?" in text and "My own words about sleep." in text
    assert "Could we talk about my son?" in text
    # Labels are the fields' names, values read as dates: no attnames, no ISO 8601.
    assert "Member's time zone" in text and "America/New_York" in text
    assert "slot_start" not in text and "created_at" not in text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text)
    slot = f"{consultation.slot_start.day} {consultation.slot_start:%B %Y, %H:%M} UTC"
    assert slot in text
    # The download is still complete and machine-readable.
    data = json.loads(client.get("/accounts/data/download/").content)
    [row] = data["records"]["specialists.consultationrequest.member"]
    assert row["slot_start"].startswith(consultation.slot_start.strftime("%Y-%m-%dT%H:%M"))
    assert row["member_id"] == a_member.pk and "id" in row
    assert data["records"]["qa.question.author"][0]["title"] == "How do I sleep before exams?"


def test_the_data_page_shows_a_closed_conversation_setting_as_yes_or_no(client, a_consultant):  # noqa: F811
    messaging_services.messaging_settings_update(user=a_consultant.user, taking_new_conversations=False)
    client.force_login(a_consultant.user)
    text = BeautifulSoup(client.get("/accounts/data/").content, "html.parser").select_one(".data-summary").get_text(" ")
    assert "Messaging settings" in text and re.search(r"Taking new conversations\s+No", text)
