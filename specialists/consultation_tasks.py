"""Background work for free consultations, through the task interface
(immediate in development and tests, the database queue in production).

`send_consultation_email` tells one side what happened; the scheduled tasks
(`run_after`) remind the specialist of a request that waits, remind both
sides the day before the meeting, and expire a request nobody answered.
Each re-reads the request when it runs and does nothing if it changed
meanwhile, and marks what it did with a conditional update, so running one
twice does what running it once did.

Every e-mail is of the `consultations` kind (the account's *consultation
request updates* preference, with its one-click unsubscribe), names no health
detail and never carries the member's note; a confirmed meeting comes with
its calendar invitation, a cancelled one with the calendar's cancellation."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core import mail
from core.dates import format_when

from .consultation_selectors import availability_of, reply_promise
from .ical import consultation_calendar
from .models import ConsultationRequest, SpecialistPage

logger = logging.getLogger(__name__)

Status = ConsultationRequest.Status

EVENTS = frozenset(
    {
        "requested",
        "accepted",
        "declined",
        "proposed",
        "proposal_declined",
        "cancelled",
        "expired",
        "waiting_reminder",
        "meeting_reminder",
    }
)
OTHER_SPECIALISTS = 3
EXPIRE_AFTER = timedelta(hours=72)


def schedule(task_function, *, run_after, **kwargs):
    """Enqueue `task_function` to run at `run_after`, when the backend can
    wait (the database worker). The immediate backend of development and
    tests cannot: then nothing is scheduled, and the log says so."""
    if not task_function.get_backend().supports_defer:
        logger.info("%s not scheduled: the task backend cannot run tasks later.", task_function.name)
        return None
    return task_function.using(run_after=run_after).enqueue(**kwargs)


def member_request_url(request):
    return mail.absolute_url(reverse("consultations:detail", kwargs={"pk": request.pk}))


def dashboard_url(page):
    directory = page.get_parent().specific
    return directory.get_full_url() + directory.reverse_subpage("requests")


def _when(request, zone):
    """ "Wednesday 2 December 2026, 14:30 (New York time)" (core.dates)."""
    return format_when(request.slot_start, zone)


def _format_phrase(request):
    """The format as it reads mid-sentence ("a consultation online on ...")."""
    if request.format == ConsultationRequest.Format.IN_PERSON:
        return str(_("in person"))
    return str(_("online"))


def _location(request):
    if request.format == ConsultationRequest.Format.IN_PERSON:
        return request.specialist.location or str(_("In person"))
    return str(_("Online (the specialist sends the link)"))


def other_specialists(page):
    """Up to three other verified specialists offering the free consultation."""
    return list(
        SpecialistPage.objects.live()
        .public()
        .verified()
        .filter(offers_free_consultation=True)
        .exclude(pk=page.pk)
        .order_by("title", "pk")[:OTHER_SPECIALISTS]
    )


def _calendar(request, *, url, cancel):
    content = consultation_calendar(
        request=request,
        summary=_("Free consultation (Steady Ground)"),
        description=_("Your free 30-minute consultation. Details: %(url)s") % {"url": url},
        location=_location(request),
        url=url,
        cancel=cancel,
    )
    method = "CANCEL" if cancel else "REQUEST"
    return ("consultation.ics", content, f"text/calendar; method={method}")  # Django adds the charset


@task()
def send_consultation_email(*, request_id, event, to, with_calendar=False):
    """Tell one side (`to`: "member" or "specialist") about `event` on a request."""
    if event not in EVENTS or to not in ("member", "specialist"):
        raise ValueError(f"Unknown consultation e-mail: {event} to {to}")
    request = (
        ConsultationRequest.objects.select_related("specialist", "member", "specialist__user")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return False
    page = request.specialist
    if to == "member":
        recipient, zone, url = request.member, request.member_zone, member_request_url(request)
    else:
        availability = availability_of(page)
        recipient = page.user
        zone = availability.zone if availability is not None else request.member_zone
        url = dashboard_url(page)
    if recipient is None:
        return False
    hours, measured = reply_promise(page)
    context = {
        "event": event,
        "to_specialist": to == "specialist",
        "when": _when(request, zone),
        "url": url,
        "format": _format_phrase(request),
        "reply_hours": hours,
        "reply_measured": measured,
        "with_calendar": with_calendar,
        "others": [{"title": other.title, "url": other.get_full_url()} for other in other_specialists(page)]
        if event == "expired"
        else [],
        "directory_url": page.get_parent().get_full_url() if event in ("expired", "declined") else "",
    }
    attachments = []
    if with_calendar:
        attachments.append(_calendar(request, url=url, cancel=event == "cancelled"))
    return mail.deliver(
        kind="consultations",
        user=recipient,
        template="specialists/email/consultation",
        context=context,
        attachments=attachments,
    )


def consultation_email_after_commit(*, request, event, to, with_calendar=False):
    """send_consultation_email once the current transaction commits."""
    request_id = str(request.pk)
    for side in to:
        transaction.on_commit(
            lambda side=side: send_consultation_email.enqueue(
                request_id=request_id, event=event, to=side, with_calendar=with_calendar
            )
        )


def consultation_cancelled_email_now_after_commit(*, request):
    """The member's "cancelled" e-mail, its words fixed now (for a specialist
    whose account, and perhaps profile, go in this transaction)."""
    if request.member_id is None:
        return
    hours, measured = reply_promise(request.specialist)
    mail.deliver_after_commit(
        kind="consultations",
        template="specialists/email/consultation",
        user_id=request.member_id,
        context={
            "event": "cancelled",
            "to_specialist": False,
            "when": _when(request, request.member_zone),
            "url": mail.absolute_url(reverse("consultations:mine")),
            "format": _format_phrase(request),
            "reply_hours": hours,
            "reply_measured": measured,
            "with_calendar": False,
            "others": [],
            "directory_url": request.specialist.get_parent().get_full_url(),
        },
    )


# Scheduled ------------------------------------------------------------------------


def consultation_remind_waiting(*, request_id):
    """The specialist, once, about a request still waiting for them."""
    claimed = ConsultationRequest.objects.filter(
        pk=request_id, status=Status.REQUESTED, waiting_reminder_sent_at__isnull=True
    ).update(waiting_reminder_sent_at=timezone.now())
    if not claimed:
        return "nothing to do"
    send_consultation_email.enqueue(request_id=str(request_id), event="waiting_reminder", to="specialist")
    return "sent"


def consultation_remind_meeting(*, request_id):
    """Both sides, once, about a confirmed meeting still ahead."""
    claimed = ConsultationRequest.objects.filter(
        pk=request_id, status=Status.ACCEPTED, slot_start__gt=timezone.now(), meeting_reminder_sent_at__isnull=True
    ).update(meeting_reminder_sent_at=timezone.now())
    if not claimed:
        return "nothing to do"
    for side in ("member", "specialist"):
        send_consultation_email.enqueue(request_id=str(request_id), event="meeting_reminder", to=side)
    return "sent"


def expiry_deadline(request):
    """When an unanswered request expires: 72 hours after it was made, or
    when its slot starts, whichever comes first."""
    return min(request.created_at + EXPIRE_AFTER, request.slot_start)


def consultation_expire(*, request_id):
    """A request nobody answered in time expires: its slot is free again and
    the member is told, with other specialists who offer the consultation."""
    now = timezone.now()
    expired = (
        ConsultationRequest.objects.filter(pk=request_id, status__in=(Status.REQUESTED, Status.PROPOSED))
        .filter(Q(created_at__lte=now - EXPIRE_AFTER) | Q(slot_start__lte=now))
        .update(status=Status.EXPIRED, updated_at=now)
    )
    if not expired:
        return "nothing to do"
    send_consultation_email.enqueue(request_id=str(request_id), event="expired", to="member")
    return "expired"


@task()
def remind_waiting_request(*, request_id):
    return consultation_remind_waiting(request_id=request_id)


@task()
def remind_meeting(*, request_id):
    return consultation_remind_meeting(request_id=request_id)


@task()
def expire_request(*, request_id):
    return consultation_expire(request_id=request_id)
