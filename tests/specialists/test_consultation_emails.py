"""Consultation e-mails: what each side is told, in their own time zone,
with the right links and never the note or a name; the calendar invitation
and its cancellation, parsed back with the `icalendar` library; the member's
preference and its one-click unsubscribe."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail

from accounts.factories import UserFactory
from specialists import consultation_services as services
from specialists.models import ConsultationRequest

pytestmark = pytest.mark.django_db

NOTE = "My teenage son stopped eating with us"


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def calendar_of(message):
    [(name, content, mimetype)] = message.attachments
    assert name == "consultation.ics" and mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


def assert_private(message, *names):
    for part in (message.subject, message.body, message.alternatives[0].content):
        assert "teenage" not in part and "eating" not in part
        for name in names:
            assert name not in part


@pytest.fixture
def booked(a_member, a_consultant, book, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return book(a_member, a_consultant, note=NOTE, member_time_zone="Asia/Tokyo")


def test_booking_acknowledges_the_member_in_their_zone_and_tells_the_specialist(booked, a_member, a_consultant):
    [ack] = to(a_member.email)
    assert ack.subject == "Your consultation request has been sent"
    tokyo = booked.slot_start.astimezone(ZoneInfo("Asia/Tokyo"))
    assert f"{tokyo:%H:%M} (Tokyo time)" in ack.body
    assert "Specialists usually reply within 48 hours." in ack.body
    assert f"http://testserver/accounts/consultations/{booked.pk}/" in ack.body
    assert_private(ack, "Ada Moss")
    [new] = to(a_consultant.user.email)
    assert new.subject == "New consultation request on Steady Ground"
    london = booked.slot_start.astimezone(ZoneInfo("Europe/London"))
    assert f"{london:%H:%M} (London time)" in new.body
    assert "http://testserver/specialists/me/requests/" in new.body
    assert_private(new, a_member.display_name)


def test_accepting_sends_both_sides_the_invitation(booked, a_member, a_consultant, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_accept(request=booked, by=a_consultant.user)
    # Each side is greeted by name; neither is told the other's.
    for address, other_name in ((a_member.email, "Ada Moss"), (a_consultant.user.email, a_member.display_name)):
        [message] = to(address)
        assert message.subject == "Your consultation is confirmed"
        assert_private(message, other_name)
        calendar = calendar_of(message)
        assert calendar["METHOD"] == "REQUEST"
        [event] = calendar.walk("VEVENT")
        assert event.decoded("DTSTART") == booked.slot_start
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=30)
        assert str(event["UID"]) == f"{booked.pk}@steady-ground.consultations"
        assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 0
        assert "teenage" not in event.to_ical().decode()
        # One charset in the attachment's Content-Type (a repeated parameter confuses mail clients).
        [part] = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
        assert part["Content-Type"].lower().count("charset") == 1 and part.get_param("method") == "REQUEST"
        assert f"/accounts/consultations/{booked.pk}/" in str(event["URL"]) or "/specialists/me/requests/" in str(
            event["URL"]
        )


def test_cancelling_a_meeting_sends_the_other_side_the_calendars_cancellation(
    booked, a_member, a_consultant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_accept(request=booked, by=a_consultant.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_cancel(request=booked, by=a_member)
    assert to(a_member.email) == []
    [message] = to(a_consultant.user.email)
    assert message.subject == "A consultation has been cancelled"
    calendar = calendar_of(message)
    assert calendar["METHOD"] == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{booked.pk}@steady-ground.consultations"
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1


def test_a_request_cancelled_before_it_was_accepted_needs_no_calendar(
    booked, a_member, a_consultant, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_cancel(request=booked, by=a_consultant.user)
    [message] = to(a_member.email)
    assert message.subject == "A consultation has been cancelled" and message.attachments == []


def test_decline_and_proposal_emails_say_what_happened_without_the_message(
    a_member, a_consultant, book, open_slots, django_capture_on_commit_callbacks
):
    first, _, third = open_slots(a_consultant, limit=3)
    request = book(a_member, a_consultant, slot=first)
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_propose(request=request, by=a_consultant.user, slot_start=third)
    [proposed] = to(a_member.email)
    assert proposed.subject == "A new time has been proposed for your consultation"
    assert f"{third.astimezone(ZoneInfo('Europe/London')):%H:%M}" in proposed.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_decline(request=request, by=a_consultant.user, message="Private words for you")
    [declined] = to(a_member.email)
    assert declined.subject == "An update on your consultation request"
    assert "Private words" not in declined.body


def test_the_members_preference_is_honoured_and_the_specialist_still_told(
    a_member, a_consultant, book, django_capture_on_commit_callbacks
):
    a_member.notify_consultations = False
    a_member.save()
    with django_capture_on_commit_callbacks(execute=True):
        book(a_member, a_consultant)
    assert to(a_member.email) == []
    assert len(to(a_consultant.user.email)) == 1


def test_one_click_unsubscribe_turns_consultation_emails_off(client, booked, a_member):
    [ack] = to(a_member.email)
    assert ack.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.search(r"<(http://testserver/email/unsubscribe/[^>]+)>", ack.extra_headers["List-Unsubscribe"])[1]
    assert link in ack.body
    response = client.post(link.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    a_member.refresh_from_db()
    assert not a_member.notify_consultations and a_member.notify_messages


def test_the_calendar_folds_long_lines_and_escapes_text(a_member, a_consultant, book):
    from specialists.ical import consultation_calendar

    request = book(a_member, a_consultant)
    content = consultation_calendar(
        request=request,
        summary="A, B; C\\D",
        description="Line one\nline two " + "é" * 80,
        location="Leeds",
        url="http://testserver/x/",
    )
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "A, B; C\\D"
    assert str(event["DESCRIPTION"]) == "Line one\nline two " + "é" * 80


def test_deleting_an_account_cancels_its_requests_tells_the_other_side_and_erases_the_note(
    a_member, a_consultant, book, django_capture_on_commit_callbacks
):
    from accounts.services import user_delete

    request = book(a_member, a_consultant, note=NOTE)
    services.consultation_accept(request=request, by=a_consultant.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=a_member)
    request.refresh_from_db()
    assert request.status == ConsultationRequest.Status.CANCELLED and request.note == "" and request.member is None
    [message] = to(a_consultant.user.email)
    assert message.subject == "A consultation has been cancelled" and calendar_of(message)["METHOD"] == "CANCEL"


def test_a_specialist_deleting_their_account_tells_the_member(
    a_member, a_consultant, book, django_capture_on_commit_callbacks
):
    from accounts.services import user_delete

    book(a_member, a_consultant)
    mail.outbox.clear()
    specialist = UserFactory._meta.model.objects.get(pk=a_consultant.user_id)
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=specialist)
    [message] = to(a_member.email)
    assert message.subject == "A consultation has been cancelled"
    assert "http://testserver/accounts/consultations/" in message.body


def test_the_text_reads_as_a_sentence_in_both_bodies(
    booked, a_member, a_consultant, django_capture_on_commit_callbacks
):
    """The format mid-sentence in lower case, the time in the site's one style
    with the zone in words, and no empty paragraph closing the HTML part."""
    from core.dates import format_when

    [ack] = to(a_member.email)
    when = format_when(booked.slot_start, ZoneInfo("Asia/Tokyo"))
    assert when.endswith("(Tokyo time)") and re.match(r"[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d ", when)
    sentence = f"Your request for a free 30-minute consultation online on {when} has been sent."
    assert sentence in ack.body
    html = ack.alternatives[0].content
    assert sentence in html
    for part in (ack.body, html):
        assert "Online" not in part and "Asia/Tokyo" not in part
    assert not re.search(r"<p>\s*</p>", html) and ack.body.endswith("Steady Ground\n")
    mail.outbox.clear()
    ConsultationRequest.objects.filter(pk=booked.pk).update(format=ConsultationRequest.Format.IN_PERSON)
    booked.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_accept(request=booked, by=a_consultant.user)
    [confirmed] = to(a_member.email)
    assert f"Your free 30-minute consultation in person on {when} is confirmed." in confirmed.body
