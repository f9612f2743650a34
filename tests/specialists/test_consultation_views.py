"""The member's side of the free consultation through the site: the landing
page's button and next open time, the booking form (zones, login prompt,
verified e-mail, a slot taken meanwhile), the acknowledgement, "My
consultations", and that nobody else can open or act on a request."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from specialists import consultation_services as services
from specialists.consultation_forms import slot_value
from specialists.models import ConsultationRequest

pytestmark = pytest.mark.django_db


def booking_url(page):
    return page.url + page.reverse_subpage("consultation")


def test_landing_page_offers_the_consultation_with_its_next_open_time(client, a_member, a_consultant, open_slots):
    client.force_login(a_member)
    html = client.get(a_consultant.url).content.decode()
    assert f'href="{booking_url(a_consultant)}"' in html
    assert "Request a free consultation" in html
    first = open_slots(a_consultant, limit=1)[0]
    assert first.astimezone(a_consultant.availability.zone).strftime("%H:%M") in html
    assert "Next open time for the free consultation" in html


def test_logged_out_visitors_get_the_login_prompt_with_the_way_back(client, a_consultant):
    response = client.get(booking_url(a_consultant))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You need to be logged in to request a free consultation" in html
    assert f'?next={booking_url(a_consultant)}"' in html


def test_members_without_a_verified_email_are_told(client, a_consultant):
    member = UserFactory(email="unverified@example.com", verified=False)
    client.force_login(member)
    response = client.get(booking_url(a_consultant))
    assert response.status_code == 403
    assert "Please confirm your e-mail address before you request a consultation" in response.content.decode()


def test_the_form_shows_the_slots_in_the_zone_asked_for(client, a_member, a_consultant, open_slots):
    from zoneinfo import ZoneInfo

    client.force_login(a_member)
    first = open_slots(a_consultant, limit=1)[0]
    html = client.get(booking_url(a_consultant), {"tz": "Asia/Tokyo"}).content.decode()
    assert "Times are shown in Tokyo time." in html
    tokyo = first.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%H:%M")
    assert f'value="{slot_value(first)}"' in html and tokyo in html
    assert 'name="time_zone" value="Asia/Tokyo"' in html
    assert "Please do not include sensitive details" in html
    # Without a zone (no script): the specialist's, with the select to change it.
    html = client.get(booking_url(a_consultant)).content.decode()
    assert "Times are shown in London time." in html and '<select name="tz"' in html


def test_a_zone_that_is_not_a_zone_falls_back_to_the_specialists(client, a_member, a_consultant):
    client.force_login(a_member)
    response = client.get(booking_url(a_consultant), {"tz": "<script>"})
    assert response.status_code == 200
    assert "Times are shown in London time." in response.content.decode()


def test_booking_holds_the_slot_and_acknowledges_in_the_members_zone(client, a_member, a_consultant, open_slots):
    from zoneinfo import ZoneInfo

    client.force_login(a_member)
    slot = open_slots(a_consultant, limit=1)[0]
    response = client.post(
        booking_url(a_consultant),
        {
            "slot": slot_value(slot),
            "format": "online",
            "note": "Arguments about bedtime.",
            "time_zone": "America/New_York",
        },
    )
    request = ConsultationRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("consultations:detail", args=[request.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Your request has been sent. The time is held for you." in html
    local = slot.astimezone(ZoneInfo("America/New_York"))
    assert f"{local:%H:%M} (New York time)" in html and "America/New_York" not in html
    assert "Specialists usually reply within 48 hours." in html
    assert request.member_time_zone == "America/New_York" and request.note == "Arguments about bedtime."


def test_reply_time_comes_from_the_specialists_own_replies_once_there_are_three(client, a_member, a_consultant, book):
    now = timezone.now()
    for n, hours in enumerate((2, 5, 30)):
        request = book(UserFactory(email=f"earlier{n}@example.com"), a_consultant)
        services.consultation_decline(request=request, by=a_consultant.user)
        ConsultationRequest.objects.filter(pk=request.pk).update(
            created_at=now - timedelta(hours=hours), responded_at=now
        )
    client.force_login(a_member)
    html = client.get(booking_url(a_consultant)).content.decode()
    assert "Dr Ada Moss usually replies within 5 hours." in html


def test_a_slot_taken_meanwhile_is_told_with_the_next_slots_and_the_note_kept(
    client, a_member, another_member, a_consultant, open_slots, book
):
    slot = open_slots(a_consultant, limit=1)[0]
    book(another_member, a_consultant, slot=slot)  # between loading the form and sending it
    client.force_login(a_member)
    response = client.post(
        booking_url(a_consultant),
        {"slot": slot_value(slot), "format": "online", "note": "Kept text", "time_zone": "Europe/London"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This time is no longer open. Please choose another one below." in html
    assert f'value="{slot_value(slot)}"' not in html
    assert f'value="{slot_value(open_slots(a_consultant, limit=1)[0])}"' in html
    assert "Kept text" in html
    assert ConsultationRequest.objects.filter(member=a_member).count() == 0


def test_a_note_too_long_is_refused_next_to_the_field(client, a_member, a_consultant, open_slots):
    client.force_login(a_member)
    slot = open_slots(a_consultant, limit=1)[0]
    response = client.post(
        booking_url(a_consultant),
        {"slot": slot_value(slot), "format": "online", "note": "x" * 501, "time_zone": "Europe/London"},
    )
    assert response.status_code == 400
    assert "Please keep it to 500 characters (it has 501)." in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_member_text_is_escaped(client, a_member, a_consultant, book):
    request = book(a_member, a_consultant, note="<script>alert(1)</script>")
    client.force_login(a_member)
    html = client.get(reverse("consultations:detail", args=[request.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    client.force_login(a_consultant.user)
    directory = a_consultant.get_parent().specific
    html = client.get(directory.route_url("requests")).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_crisis_note_shows_the_member_the_panel_and_the_specialist_a_notice(
    client, a_member, a_consultant, open_slots
):
    client.force_login(a_member)
    slot = open_slots(a_consultant, limit=1)[0]
    response = client.post(
        booking_url(a_consultant),
        {"slot": slot_value(slot), "format": "online", "note": "I want to end my life.", "time_zone": "Europe/London"},
        follow=True,
    )
    html = response.content.decode()
    assert "Your request has been sent" in html and "data-crisis-panel" in html
    client.force_login(a_consultant.user)
    html = client.get(a_consultant.get_parent().specific.route_url("requests")).content.decode()
    assert "This member may be in crisis" in html


def test_an_open_request_takes_the_member_to_it(client, a_member, a_consultant, book):
    request = book(a_member, a_consultant)
    client.force_login(a_member)
    response = client.get(booking_url(a_consultant))
    assert response.status_code == 302 and response["Location"] == reverse("consultations:detail", args=[request.pk])


def test_my_consultations_lists_the_members_own_only(client, a_member, another_member, a_consultant, book):
    book(a_member, a_consultant, member_time_zone="Asia/Tokyo")
    book(another_member, a_consultant)
    client.force_login(a_member)
    response = client.get(reverse("consultations:mine"))
    html = response.content.decode()
    assert html.count('class="member-list__item"') == 1 and "(Tokyo time)" in html
    assert "My consultations" in html


@pytest.mark.parametrize("who", ["another_member", "a_superuser", "other_specialist"])
def test_nobody_else_opens_or_acts_on_a_request(client, who, request, a_member, a_consultant, book, specialist_index):
    from specialists.factories import SpecialistPageFactory

    consultation = book(a_member, a_consultant)
    if who == "other_specialist":
        user = UserFactory(email="other.specialist@example.com")
        SpecialistPageFactory(parent=specialist_index, user=user)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(reverse("consultations:detail", args=[consultation.pk])).status_code == 404
    for action in ("cancel", "accept", "decline"):
        assert client.post(reverse("consultations:action", args=[consultation.pk, action])).status_code == 404
    directory = a_consultant.get_parent().specific
    for action in ("accept", "decline", "cancel", "done"):
        url = directory.url + directory.reverse_subpage("request_action", args=[consultation.pk, action])
        assert client.post(url).status_code == 404
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.REQUESTED


def test_logged_out_visitors_reach_no_request(client, a_member, a_consultant, book):
    consultation = book(a_member, a_consultant)
    response = client.get(reverse("consultations:detail", args=[consultation.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(reverse("consultations:action", args=[consultation.pk, "cancel"])).status_code == 302
    consultation.refresh_from_db()
    assert consultation.is_held
