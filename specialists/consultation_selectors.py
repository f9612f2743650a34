"""Reads for the free consultation at a fixed number of queries: a page's open
slots, the next one for cards, the specialist's reply times and dashboard, a
member's requests.

Everything here goes through the page's or the user's reverse relations
(`page.availability`, `page.consultation_requests`, `user.consultation_requests`),
so it does not import the models: the landing page's context uses it."""

import math
import statistics
from datetime import timedelta

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from .slots import open_slots

# A specialist's "usually replies within N hours" comes from their own
# replies once there are this many; before, the page states the default.
REPLY_TIMES_NEEDED = 3
REPLY_TIMES_READ = 20
DEFAULT_REPLY_HOURS = 48
SLOTS_ON_FORM = 36


def availability_of(page):
    """The page's Availability, or None when the specialist has set none."""
    try:
        return page.availability
    except ObjectDoesNotExist:
        return None


def page_open_slots(page, *, now=None, limit=None):
    """The page's open slots (aware UTC datetimes, ascending): its
    availability's windows, minus dates off and held slots. Uses the
    `slot_inputs` SpecialistPage.objects.with_next_slot() kept on the page,
    else reads them afresh (page.read_slot_inputs: one query; the
    availability is one more unless loaded with the page)."""
    if not page.offers_free_consultation:
        return []
    availability = availability_of(page)
    if availability is None:
        return []
    now = now or timezone.now()
    inputs = getattr(page, "slot_inputs", None) or page.read_slot_inputs(now)
    return open_slots(
        zone=availability.zone,
        windows=inputs.windows,
        dates_off=inputs.dates_off,
        notice=timedelta(hours=availability.notice_hours),
        horizon=timedelta(days=availability.horizon_days),
        now=now,
        taken=inputs.held,
        limit=limit,
    )


def next_open_slot(page, *, now=None):
    slots = page_open_slots(page, now=now, limit=1)
    return slots[0] if slots else None


def attach_next_slots(pages, *, now=None):
    """Set `next_slot` (and `next_slot_zone`, the specialist's) on each page,
    from what with_next_slot() read with the list: no queries."""
    now = now or timezone.now()
    for page in pages:
        page.next_slot = next_open_slot(page, now=now)
        page.next_slot_zone = availability_of(page).zone if page.next_slot else None
    return pages


def reply_hours(page):
    """The median time, in whole hours (at least 1), from a request to the
    specialist's first answer, over their latest answered requests; None
    until there are REPLY_TIMES_NEEDED of them. One query."""
    pairs = list(
        page.consultation_requests.filter(responded_at__isnull=False)
        .order_by("-responded_at")
        .values_list("created_at", "responded_at")[:REPLY_TIMES_READ]
    )
    if len(pairs) < REPLY_TIMES_NEEDED:
        return None
    median = statistics.median((answered - asked).total_seconds() for asked, answered in pairs)
    return max(1, math.ceil(median / 3600))


def reply_promise(page):
    """(hours, measured): what the page and the acknowledgement promise."""
    measured = reply_hours(page)
    return (measured, True) if measured is not None else (DEFAULT_REPLY_HOURS, False)


def specialist_dashboard(page, *, now=None):
    """The specialist's requests, each a list (four queries whatever their
    number): pending, upcoming (confirmed), called off (declined, cancelled
    or expired, date still ahead) and past (the date has gone)."""
    now = now or timezone.now()
    requests = page.consultation_requests.select_related("member")
    return {
        "pending": list(requests.pending().order_by("created_at", "pk")),
        "upcoming": list(requests.upcoming(now).order_by("slot_start", "pk")),
        "called_off": list(requests.called_off(now).order_by("slot_start", "pk")[:50]),
        "past": list(requests.past(now).order_by("-slot_start", "pk")[:50]),
    }


def member_consultations(user):
    """`user`'s requests, soonest first, with each specialist's page (one query)."""
    return list(user.consultation_requests.select_related("specialist").order_by("-created_at", "pk"))
