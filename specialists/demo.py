"""The demo's free consultations (seed_demo): availability for every
specialist with an account who offers the consultation, a request waiting
for the demo specialist and a confirmed meeting for the demo member. Made
through the services members and specialists use; idempotent."""

from datetime import time

from .consultation_selectors import availability_of, page_open_slots
from .consultation_services import availability_update, consultation_accept, consultation_request
from .slots import Window

# Weekday mornings and two evenings, in London time.
WINDOWS = [
    *(Window(day, time(9), time(12)) for day in (0, 2, 4)),
    *(Window(day, time(17), time(20)) for day in (1, 3)),
]
WAITING_NOTE = "We would like to talk about how we share the evenings with our two children."
MEETING_NOTE = "The same argument keeps coming back; I would like to understand it."


def build_demo_availability(*, pages):
    """Availability for each page in `pages` that offers the free consultation and has an account."""
    for page in pages:
        if page.offers_free_consultation and page.user_id and availability_of(page) is None:
            availability_update(
                page=page,
                by=page.user,
                time_zone="Europe/London",
                notice_hours=24,
                horizon_days=21,
                windows=WINDOWS,
                dates_off=[],
            )


def build_demo_consultations(*, specialist_page, member, other_member):
    """A request from `other_member` waiting for the demo specialist, and a
    meeting the specialist accepted with `member` (the demo member), unless
    they are there already."""
    held = specialist_page.consultation_requests.held()
    slots = page_open_slots(specialist_page)
    if not held.filter(member=member).exists() and len(slots) > 2:
        meeting = consultation_request(
            member=member,
            page=specialist_page,
            slot_start=slots[2],
            format="online",
            note=MEETING_NOTE,
            member_time_zone="Europe/London",
        )
        consultation_accept(request=meeting, by=specialist_page.user)
        slots = page_open_slots(specialist_page)
    if not held.filter(member=other_member).exists() and slots:
        consultation_request(
            member=other_member,
            page=specialist_page,
            slot_start=slots[0],
            format="in_person" if specialist_page.offers_in_person else "online",
            note=WAITING_NOTE,
            member_time_zone="Europe/London",
        )
