"""Booking a free consultation (specialists.consultation_services): the slot
is held, held in the database for one request only (two simultaneous
bookings on PostgreSQL are in tests/e2e/test_consultation_race.py, with the
other tests on committed data), one open request per member and specialist,
the daily limit, and who may book."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from accounts.factories import UserFactory
from core.guards import MemberError
from specialists import consultation_services as services
from specialists.models import ConsultationRequest

pytestmark = pytest.mark.django_db


def test_booking_holds_the_slot(a_member, a_consultant, open_slots, book):
    slot = open_slots(a_consultant, limit=1)[0]
    request = book(a_member, a_consultant, slot=slot, member_time_zone="America/New_York")
    assert request.status == ConsultationRequest.Status.REQUESTED
    assert request.slot_start == slot and request.member_time_zone == "America/New_York"
    assert slot not in open_slots(a_consultant)


def test_a_double_submit_returns_the_first_request(a_member, a_consultant, open_slots, book):
    slot = open_slots(a_consultant, limit=1)[0]
    first = book(a_member, a_consultant, slot=slot)
    again = book(a_member, a_consultant, slot=slot)
    assert again.pk == first.pk
    assert ConsultationRequest.objects.count() == 1


def test_one_open_request_per_member_and_specialist(a_member, a_consultant, open_slots, book):
    first, second = open_slots(a_consultant, limit=2)
    book(a_member, a_consultant, slot=first)
    with pytest.raises(services.AlreadyRequested):
        book(a_member, a_consultant, slot=second)


def test_the_database_holds_a_slot_for_one_request(a_member, another_member, a_consultant, book):
    request = book(a_member, a_consultant)
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationRequest.objects.create(
            specialist=a_consultant,
            member=another_member,
            slot_start=request.slot_start,
            requested_start=request.slot_start,
            format="online",
        )


def test_the_database_holds_one_open_request_per_member(a_member, a_consultant, open_slots, book):
    request = book(a_member, a_consultant)
    other_slot = [s for s in open_slots(a_consultant, limit=3) if s != request.slot_start][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationRequest.objects.create(
            specialist=a_consultant, member=a_member, slot_start=other_slot, requested_start=other_slot, format="online"
        )


def test_a_freed_slot_can_be_booked_again(a_member, another_member, a_consultant, book):
    request = book(a_member, a_consultant)
    services.consultation_cancel(request=request, by=a_member)
    again = book(another_member, a_consultant, slot=request.slot_start)
    assert again.status == ConsultationRequest.Status.REQUESTED


def test_a_slot_someone_holds_is_refused_with_its_own_message(a_member, another_member, a_consultant, book):
    request = book(a_member, a_consultant)
    with pytest.raises(services.SlotTaken):
        book(another_member, a_consultant, slot=request.slot_start)


def test_a_time_outside_the_availability_is_refused(a_member, a_consultant, open_slots):
    too_soon = open_slots(a_consultant, limit=1)[0] - timedelta(days=2)
    with pytest.raises(services.SlotUnavailable):
        services.consultation_request(
            member=a_member,
            page=a_consultant,
            slot_start=too_soon,
            format="online",
            member_time_zone="Europe/London",
        )


def test_members_send_at_most_three_requests_a_day(a_consultant, specialist_index, book, settings):
    from specialists.factories import SpecialistPageFactory
    from specialists.models import Availability

    member = UserFactory(email="busy@example.com")
    pages = [a_consultant]
    for n in range(3):
        owner = UserFactory(email=f"spec{n}@example.com")
        page = SpecialistPageFactory(parent=specialist_index, user=owner, offers_free_consultation=True)
        availability = Availability.objects.get(specialist=a_consultant)
        copy = Availability.objects.create(specialist=page, time_zone=availability.time_zone)
        copy.windows.set([], bulk=False)
        for window in availability.windows.all():
            copy.windows.create(weekday=window.weekday, start=window.start, end=window.end)
        pages.append(page)
    for page in pages[:3]:
        book(member, page)
    with pytest.raises(services.ConsultationLimitReached) as refused:
        book(member, pages[3])
    assert "3 consultation requests today" in refused.value.message


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"offers_free_consultation": False}, services.NotOffered),
        ({"verified_at": None}, services.NotOffered),
        ({"live": False}, services.NotOffered),
    ],
)
def test_only_verified_live_specialists_offering_it_can_be_booked(
    a_member, a_consultant, open_slots, book, change, error
):
    from specialists.models import SpecialistPage

    slot = open_slots(a_consultant, limit=1)[0]
    SpecialistPage.objects.filter(pk=a_consultant.pk).update(**change)
    with pytest.raises(error):
        book(a_member, SpecialistPage.objects.get(pk=a_consultant.pk), slot=slot)


def test_members_need_a_verified_email_and_cannot_book_themselves(a_consultant, book):
    unverified = UserFactory(email="new@example.com", verified=False)
    with pytest.raises(services.NotAllowed):
        book(unverified, a_consultant)
    with pytest.raises(MemberError):
        book(a_consultant.user, a_consultant)


def test_a_format_the_specialist_does_not_offer_is_refused(a_member, a_consultant, book):
    from specialists.models import SpecialistPage

    SpecialistPage.objects.filter(pk=a_consultant.pk).update(offers_in_person=False)
    a_consultant.refresh_from_db()
    with pytest.raises(MemberError, match="formats"):
        book(a_member, a_consultant, format="in_person")


def test_a_note_with_crisis_words_is_delivered_and_flagged(a_member, a_consultant, book):
    request = book(a_member, a_consultant, note="I want to kill myself, I cannot go on like this.")
    assert request.crisis and request.status == ConsultationRequest.Status.REQUESTED
    calm = book(UserFactory(email="calm@example.com"), a_consultant, note="We argue about chores a lot.")
    assert not calm.crisis
