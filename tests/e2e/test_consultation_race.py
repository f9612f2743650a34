"""Two members book the same slot of a free consultation at the same moment,
on two PostgreSQL connections: one wins, the other is told. Transactional
(each thread commits on its own connection), so it lives with the browser
tests' database care (serialized rollback of the migrated data)."""

import threading

import pytest
from django.db import connection, transaction

from accounts.factories import UserFactory
from core.guards import MemberError
from specialists import consultation_services as services
from specialists.models import ConsultationRequest

pytestmark = pytest.mark.e2e


def test_two_simultaneous_bookings_of_one_slot_one_wins_the_other_is_told(live_site, home_page):
    """Two members on two connections book the same slot. The first one's
    transaction has inserted its row but not committed when the second
    checks the slot, so the second sees it open: only PostgreSQL's partial
    unique index stops it, and the second member is told someone else has
    just booked the time."""
    from datetime import time

    from django.contrib.auth.models import Group

    from specialists.consultation_selectors import page_open_slots
    from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
    from specialists.slots import Window

    specialist_index = SpecialistIndexPageFactory(parent=home_page)

    owner = UserFactory(email="race.specialist@example.com")
    owner.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(parent=specialist_index, user=owner, offers_free_consultation=True)
    services.availability_update(
        page=page,
        by=owner,
        time_zone="Europe/London",
        notice_hours=24,
        horizon_days=21,
        windows=[Window(day, time(9), time(17)) for day in range(7)],
        dates_off=[],
    )
    first_member, second_member = UserFactory(email="first@example.com"), UserFactory(email="second@example.com")
    slot = page_open_slots(page, limit=1)[0]
    inserted, outcome = threading.Event(), {}

    def book(member, name, *, hold=False):
        try:
            with transaction.atomic():
                outcome[name] = services.consultation_request(
                    member=member, page=page, slot_start=slot, format="online", member_time_zone="Europe/London"
                )
                if hold:
                    inserted.set()
                    # Keep the transaction open while the other booking runs into the index.
                    threading.Event().wait(1.0)
        except MemberError as error:
            outcome[name] = error
        finally:
            inserted.set()
            connection.close()

    first = threading.Thread(target=book, args=(first_member, "first"), kwargs={"hold": True})
    first.start()
    assert inserted.wait(10)
    second = threading.Thread(target=book, args=(second_member, "second"))
    second.start()
    first.join(15)
    second.join(15)

    assert isinstance(outcome["first"], ConsultationRequest)
    assert isinstance(outcome["second"], services.SlotTaken)
    assert "Someone else has just booked this time" in outcome["second"].message
    held = ConsultationRequest.objects.held().filter(specialist=page, slot_start=slot)
    assert list(held.values_list("member_id", flat=True)) == [first_member.pk]
    # The loser is shown the next slots: this one is not among them.
    page.refresh_from_db()
    assert slot not in page_open_slots(page)
