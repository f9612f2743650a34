"""Writes on free consultations, each with its rule: the specialist's
availability, a member's request for a slot, and every change of a request's
status. Keyword-only, named <thing>_<action>; views call them, they check
access again (a request that is not yours cannot be touched from here either).

A change of status is one conditional UPDATE (`WHERE status IN ...`): a
double submit, or two tabs, find the change already made and do nothing
twice. The database holds each slot for one request and each member to one
open request per specialist (see models.consultations); the checks here come
first so members get a clear message, the constraints make it true when two
requests arrive at once."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.crisis import crisis_check
from core.guards import DAY, LimitReached, MemberError, NotAllowed, count_since, user_row_lock
from core.page_cache import content_changed

from . import consultation_tasks as tasks
from .consultation_selectors import page_open_slots
from .models import Availability, AvailabilityWindow, ConsultationRequest, DateOff, SpecialistPage
from .models.consultations import HELD_STATUSES, PENDING_STATUSES
from .permissions import booking_refusal, is_member_of, is_specialist_of, owns
from .slots import overlaps, zone_or_none

__all__ = [
    "availability_update",
    "consultation_accept",
    "consultation_cancel",
    "consultation_decline",
    "consultation_mark",
    "consultation_proposal_accept",
    "consultation_proposal_decline",
    "consultation_propose",
    "consultation_request",
    "member_erase_consultations",
]

Status = ConsultationRequest.Status
WAITING_REMINDER_AFTER = timedelta(hours=24)
MEETING_REMINDER_BEFORE = timedelta(hours=24)


class NotOffered(MemberError):
    message = _("This specialist is not taking free consultation requests here.")


class SlotTaken(MemberError):
    message = _("Someone else has just booked this time. Please choose another one below.")


class SlotUnavailable(MemberError):
    message = _("This time is no longer open. Please choose another one below.")


class AlreadyRequested(MemberError):
    message = _("You already have an open request with this specialist: you will find it under My consultations.")


class RequestChanged(MemberError):
    message = _("This request has changed in the meantime: here is where it stands now.")


class ConsultationLimitReached(LimitReached):
    message = _("You have sent %(limit)s consultation requests today, which is the limit. Please try again tomorrow.")


# Availability -------------------------------------------------------------------


def availability_update(*, page, by, time_zone, notice_hours, horizon_days, windows, dates_off):
    """The specialist's availability replaced with what their form holds:
    `windows` a list of slots.Window, `dates_off` dates. Requests already made
    keep their slots."""
    if not owns(page, by):
        raise NotAllowed()
    if zone_or_none(time_zone) is None:
        raise MemberError(_("Choose a time zone from the list."))
    if any(window.end <= window.start for window in windows) or overlaps(windows):
        raise MemberError(_("Windows must end after they start and must not overlap."))
    with transaction.atomic():
        availability, _created = Availability.objects.select_for_update().get_or_create(specialist=page)
        availability.time_zone = time_zone
        availability.notice_hours = notice_hours
        availability.horizon_days = horizon_days
        availability.save()
        availability.windows.all().delete()
        AvailabilityWindow.objects.bulk_create(
            AvailabilityWindow(availability=availability, weekday=w.weekday, start=w.start, end=w.end)
            for w in sorted(windows, key=lambda w: (w.weekday, w.start))
        )
        availability.dates_off.all().delete()
        DateOff.objects.bulk_create(DateOff(availability=availability, date=day) for day in sorted(set(dates_off)))
    return availability


# A member's request ----------------------------------------------------------------


def _fresh_open_slots(page, now):
    """Open slots read again from the database (nothing prefetched)."""
    page = SpecialistPage.objects.select_related("availability").get(pk=page.pk)
    return set(page_open_slots(page, now=now))


def _held_by_someone(page, slot_start):
    return ConsultationRequest.objects.held().filter(specialist=page, slot_start=slot_start).exists()


def consultation_request(*, member, page, slot_start, format, note="", member_time_zone):
    """`member` asks for the free consultation at `slot_start` (an aware
    datetime, one of the page's open slots). Returns the request, which holds
    the slot. A double submit returns the first request.

    Raises NotAllowed / NotOffered, AlreadyRequested (an open request with
    this specialist), ConsultationLimitReached, SlotTaken (someone holds it:
    also when two members book it at the same moment) or SlotUnavailable."""
    refusal = booking_refusal(member, page)
    if refusal == "not_offered":
        raise NotOffered()
    if refusal is not None:
        raise NotAllowed(_("Only members with a verified e-mail address can request a consultation."))
    formats = {
        value for value, offered in (("online", page.offers_online), ("in_person", page.offers_in_person)) if offered
    }
    if format not in formats:
        raise MemberError(_("Choose one of the formats this specialist offers."))
    zone = zone_or_none(member_time_zone)
    if zone is None:
        raise MemberError(_("Choose your time zone from the list."))
    note = (note or "").strip()
    now = timezone.now()
    with transaction.atomic():
        user_row_lock(member)  # the same member's double submit waits for the first, then sees it
        existing = ConsultationRequest.objects.held().filter(specialist=page, member=member).first()
        if existing is not None:
            if existing.requested_start == slot_start and existing.status == Status.REQUESTED:
                return existing
            raise AlreadyRequested()
        limit = settings.CONSULTATION_REQUESTS_PER_DAY
        if count_since(ConsultationRequest.objects.filter(member=member), window=DAY) >= limit:
            raise ConsultationLimitReached(limit)
        if slot_start not in _fresh_open_slots(page, now):
            raise SlotTaken() if _held_by_someone(page, slot_start) else SlotUnavailable()
        try:
            with transaction.atomic():
                request = ConsultationRequest.objects.create(
                    specialist=page,
                    member=member,
                    slot_start=slot_start,
                    requested_start=slot_start,
                    format=format,
                    note=note,
                    member_time_zone=zone.key,
                    crisis=bool(note) and crisis_check(note) is not None,
                )
        except IntegrityError as error:
            # Another member's booking of this slot committed first (the
            # partial unique index waited for it): they hold it now.
            if "consultation_one_open_per_member" in str(error):
                raise AlreadyRequested() from error
            raise SlotTaken() from error
        tasks.consultation_email_after_commit(request=request, event="requested", to=("member", "specialist"))
        transaction.on_commit(lambda: _schedule_waiting(request))
    return request


def _schedule_waiting(request):
    """The reminder to the specialist after 24 hours (when the request has
    not expired by then) and the expiry."""
    request_id = str(request.pk)
    waiting_at = request.created_at + WAITING_REMINDER_AFTER
    expires_at = tasks.expiry_deadline(request)
    if waiting_at < expires_at:
        tasks.schedule(tasks.remind_waiting_request, run_after=waiting_at, request_id=request_id)
    tasks.schedule(tasks.expire_request, run_after=expires_at, request_id=request_id)


# Status changes -------------------------------------------------------------------


def _change(request, *, allowed, to, **fields):
    """Move `request` from one of the `allowed` statuses to `to` with `fields`,
    in one conditional update. Returns True when this call made the change,
    False when it was already made (a double submit); raises RequestChanged
    when the request has gone elsewhere."""
    updated = ConsultationRequest.objects.filter(pk=request.pk, status__in=allowed).update(
        status=to, updated_at=timezone.now(), **fields
    )
    if updated:
        # A time held or let go: the next open time readers see may move.
        content_changed(pages=[request.specialist] if request.specialist_id else [])
    current = ConsultationRequest.objects.get(pk=request.pk)
    for name in ("status", "slot_start", "responded_at", "ended_by", "specialist_message", "sequence"):
        setattr(request, name, getattr(current, name))
    if updated:
        return True
    if current.status == to:
        return False
    raise RequestChanged()


def _first_response(request):
    return request.responded_at or timezone.now()


def _require_specialist(request, by):
    if not is_specialist_of(request, by):
        raise NotAllowed()


def _require_member(request, by):
    if not is_member_of(request, by):
        raise NotAllowed()


def _schedule_meeting_reminder(request):
    remind_at = request.slot_start - MEETING_REMINDER_BEFORE
    if remind_at <= timezone.now():
        return  # the confirmation itself comes less than a day before
    request_id = str(request.pk)
    transaction.on_commit(lambda: tasks.schedule(tasks.remind_meeting, run_after=remind_at, request_id=request_id))


def consultation_accept(*, request, by):
    """The specialist accepts the time asked for: both sides get the invitation."""
    _require_specialist(request, by)
    if request.slot_start <= timezone.now():
        raise MemberError(_("This time has passed. Decline the request or propose another time."))
    with transaction.atomic():
        if _change(request, allowed=(Status.REQUESTED,), to=Status.ACCEPTED, responded_at=_first_response(request)):
            tasks.consultation_email_after_commit(
                request=request, event="accepted", to=("member", "specialist"), with_calendar=True
            )
            _schedule_meeting_reminder(request)
    return request


def consultation_decline(*, request, by, message=""):
    """The specialist declines, with an optional message for the member. The slot is free again."""
    _require_specialist(request, by)
    with transaction.atomic():
        if _change(
            request,
            allowed=PENDING_STATUSES,
            to=Status.DECLINED,
            responded_at=_first_response(request),
            ended_by="specialist",
            specialist_message=(message or "").strip(),
        ):
            tasks.consultation_email_after_commit(request=request, event="declined", to=("member",))
    return request


def consultation_propose(*, request, by, slot_start):
    """The specialist offers another open slot instead; the member accepts or
    declines it. The request holds the new slot, and frees the one asked for."""
    _require_specialist(request, by)
    if request.status != Status.REQUESTED:
        if request.status == Status.PROPOSED and request.slot_start == slot_start:
            return request  # a double submit
        raise RequestChanged()
    if slot_start not in _fresh_open_slots(request.specialist, timezone.now()):
        raise SlotUnavailable(_("This time is not open any more. Please choose another."))
    try:
        with transaction.atomic():
            if _change(
                request,
                allowed=(Status.REQUESTED,),
                to=Status.PROPOSED,
                slot_start=slot_start,
                responded_at=_first_response(request),
            ):
                tasks.consultation_email_after_commit(request=request, event="proposed", to=("member",))
    except IntegrityError as error:
        raise SlotTaken(_("Someone has just booked this time. Please choose another.")) from error
    return request


def consultation_proposal_accept(*, request, by):
    """The member takes the time the specialist proposed: it is confirmed."""
    _require_member(request, by)
    if request.slot_start <= timezone.now():
        raise MemberError(_("This time has passed. Please cancel this request and book another."))
    with transaction.atomic():
        if _change(request, allowed=(Status.PROPOSED,), to=Status.ACCEPTED):
            tasks.consultation_email_after_commit(
                request=request, event="accepted", to=("member", "specialist"), with_calendar=True
            )
            _schedule_meeting_reminder(request)
    return request


def consultation_proposal_decline(*, request, by):
    """The member does not take the proposed time: the request ends, the slot is free."""
    _require_member(request, by)
    with transaction.atomic():
        if _change(request, allowed=(Status.PROPOSED,), to=Status.DECLINED, ended_by="member"):
            tasks.consultation_email_after_commit(request=request, event="proposal_declined", to=("specialist",))
    return request


def consultation_cancel(*, request, by):
    """Either side cancels a request or a confirmed meeting: the slot is free
    and the other side is told (a confirmed meeting with the calendar's cancellation)."""
    if is_member_of(request, by):
        side, other = "member", "specialist"
    elif is_specialist_of(request, by):
        side, other = "specialist", "member"
    else:
        raise NotAllowed()
    was_accepted = request.status == Status.ACCEPTED
    with transaction.atomic():
        if _change(request, allowed=HELD_STATUSES, to=Status.CANCELLED, ended_by=side):
            tasks.consultation_email_after_commit(
                request=request, event="cancelled", to=(other,), with_calendar=was_accepted
            )
    return request


def consultation_mark(*, request, by, outcome):
    """After the time, the specialist records whether it took place ("done") or not ("missed")."""
    _require_specialist(request, by)
    to = {"done": Status.DONE, "missed": Status.MISSED}.get(outcome)
    if to is None:
        raise NotAllowed()
    if request.slot_start > timezone.now():
        raise MemberError(_("You can mark the consultation once its time has come."))
    with transaction.atomic():
        _change(request, allowed=(Status.ACCEPTED,), to=to)
    return request


# Erasing a member -------------------------------------------------------------------


def member_erase_consultations(*, user):
    """`user` deletes their account (accounts.member_data, inside its
    transaction): their open requests and meetings, as a member or as the
    specialist, are cancelled and the other side told; the notes they wrote
    are erased; their requests stay for the specialist, without them."""
    requests = ConsultationRequest.objects.held().filter(member=user) | ConsultationRequest.objects.held().filter(
        specialist__user=user
    )
    for request in requests.select_related("specialist"):
        was_accepted = request.status == Status.ACCEPTED
        if request.member_id == user.pk:
            if _change(request, allowed=HELD_STATUSES, to=Status.CANCELLED, ended_by="member"):
                tasks.consultation_email_after_commit(
                    request=request, event="cancelled", to=("specialist",), with_calendar=was_accepted
                )
        elif _change(request, allowed=HELD_STATUSES, to=Status.CANCELLED, ended_by="specialist"):
            # The profile may go with the account (and its requests with it):
            # the member's e-mail is written now.
            tasks.consultation_cancelled_email_now_after_commit(request=request)
    ConsultationRequest.objects.filter(member=user).update(note="", member=None)
