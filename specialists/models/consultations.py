"""The free 30-minute consultation: a specialist's availability and members'
requests for a slot in it.

A request holds its slot while it is requested, proposed (the specialist
offered another slot) or accepted: the database itself refuses a second hold
on the same slot of the same specialist, and a second open request of the
same member to the same specialist (partial unique constraints). The rules
live in specialists.consultations (services), the slot arithmetic in
specialists.slots."""

import uuid
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import DateField, DateTimeField, F, IntegerField, Q, TimeField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from ..slots import SLOT, Window, zone_or_none

__all__ = [
    "Availability",
    "AvailabilityWindow",
    "ConsultationFormat",
    "ConsultationRequest",
    "ConsultationStatus",
    "DateOff",
    "SlotInputs",
    "read_slot_inputs",
]

DEFAULT_TIME_ZONE = "Europe/London"
NOTE_MAX = 500
MESSAGE_MAX = 500


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Availability(models.Model):
    """When a specialist takes free consultations: weekly windows in their
    time zone, dates off, how much notice they need and how far ahead members
    may book."""

    specialist = models.OneToOneField(
        "specialists.SpecialistPage",
        verbose_name=_("specialist"),
        on_delete=models.CASCADE,
        related_name="availability",
    )
    time_zone = models.CharField(_("your time zone"), max_length=64, default=DEFAULT_TIME_ZONE)
    notice_hours = models.PositiveSmallIntegerField(_("minimum notice (hours)"), default=24)
    horizon_days = models.PositiveSmallIntegerField(_("how far ahead members may book (days)"), default=21)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")

    def __str__(self):
        return str(_("Availability of %(name)s") % {"name": self.specialist_id})

    @property
    def zone(self):
        return zone_or_none(self.time_zone) or zone_or_none(DEFAULT_TIME_ZONE)


class AvailabilityWindow(models.Model):
    availability = models.ForeignKey(
        Availability, verbose_name=_("availability"), on_delete=models.CASCADE, related_name="windows"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("weekly window")
        verbose_name_plural = _("weekly windows")
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="consultation_window_ends_after_start")
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M}"


class DateOff(models.Model):
    availability = models.ForeignKey(
        Availability, verbose_name=_("availability"), on_delete=models.CASCADE, related_name="dates_off"
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("date off")
        verbose_name_plural = _("dates off")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["availability", "date"], name="consultation_one_date_off")]

    def __str__(self):
        return str(self.date)


class ConsultationFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class ConsultationStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for the specialist")
    PROPOSED = "proposed", _("Another time proposed")
    ACCEPTED = "accepted", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired (no reply in time)")
    DONE = "done", _("Took place")
    MISSED = "missed", _("Missed")


# The statuses that hold a slot (and count as a member's open request).
HELD_STATUSES = (ConsultationStatus.REQUESTED, ConsultationStatus.PROPOSED, ConsultationStatus.ACCEPTED)
PENDING_STATUSES = (ConsultationStatus.REQUESTED, ConsultationStatus.PROPOSED)
# Will not take place, decided before the day.
CALLED_OFF_STATUSES = (ConsultationStatus.DECLINED, ConsultationStatus.CANCELLED, ConsultationStatus.EXPIRED)


class ConsultationRequestQuerySet(models.QuerySet):
    def held(self):
        return self.filter(status__in=HELD_STATUSES)

    def pending(self):
        return self.filter(status__in=PENDING_STATUSES)

    def upcoming(self, now):
        return self.filter(status=ConsultationStatus.ACCEPTED, slot_start__gte=now - SLOT)

    def called_off(self, now):
        """Declined, cancelled or expired while the date is still ahead."""
        return self.filter(status__in=CALLED_OFF_STATUSES, slot_start__gte=now)

    def past(self, now):
        """The date has gone: finished one way or another, or accepted and
        over (to mark done or missed)."""
        return self.exclude(status__in=HELD_STATUSES).filter(slot_start__lt=now) | self.filter(
            status=ConsultationStatus.ACCEPTED, slot_start__lt=now - SLOT
        )

    def of_specialist(self, page):
        return self.filter(specialist=page)

    def of_member(self, user):
        return self.filter(member=user)


class ConsultationRequest(models.Model):
    """A member's request for one 30-minute slot of a specialist's free
    consultation. The id is random: it is the only id in its URLs."""

    Status = ConsultationStatus
    Format = ConsultationFormat

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    specialist = models.ForeignKey(
        "specialists.SpecialistPage",
        verbose_name=_("specialist"),
        on_delete=models.CASCADE,
        related_name="consultation_requests",
    )
    # Empty once the member deleted their account (the request was cancelled then).
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )
    slot_start = models.DateTimeField(_("starts"))
    requested_start = models.DateTimeField(_("first asked for"))
    format = models.CharField(_("format"), max_length=12, choices=ConsultationFormat.choices)
    note = models.TextField(_("note"), max_length=NOTE_MAX, blank=True)
    member_time_zone = models.CharField(_("member's time zone"), max_length=64, default=DEFAULT_TIME_ZONE)
    status = models.CharField(
        _("status"), max_length=12, choices=ConsultationStatus.choices, default=ConsultationStatus.REQUESTED
    )
    # The crisis detector matched the note: the member saw the crisis panel,
    # the specialist sees the crisis lines to pass on. What matched is not kept.
    crisis = models.BooleanField(_("crisis words in the note"), default=False)
    specialist_message = models.TextField(_("specialist's message"), max_length=MESSAGE_MAX, blank=True)
    # Who ended it: the specialist declining or cancelling, the member
    # cancelling or declining a proposed time.
    ended_by = models.CharField(
        _("ended by"),
        max_length=12,
        blank=True,
        choices=[("member", _("member")), ("specialist", _("specialist"))],
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    responded_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    waiting_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    meeting_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Each change of a confirmed meeting's calendar entry (.ics SEQUENCE).
    sequence = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        ordering = ["slot_start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["specialist", "slot_start"],
                condition=Q(status__in=HELD_STATUSES),
                name="consultation_one_hold_per_slot",
            ),
            models.UniqueConstraint(
                fields=["specialist", "member"],
                condition=Q(status__in=HELD_STATUSES, member__isnull=False),
                name="consultation_one_open_per_member",
            ),
        ]
        indexes = [models.Index(fields=["specialist", "status", "slot_start"], name="consultation_specialist_idx")]

    def __str__(self):
        return str(_("Consultation request %(id)s") % {"id": str(self.pk)[:8]})

    @property
    def slot_end(self):
        return self.slot_start + SLOT

    @property
    def is_pending(self):
        return self.status in PENDING_STATUSES

    @property
    def is_held(self):
        return self.status in HELD_STATUSES

    @property
    def is_accepted(self):
        return self.status == ConsultationStatus.ACCEPTED

    @property
    def is_proposed(self):
        return self.status == ConsultationStatus.PROPOSED

    @property
    def member_zone(self):
        return zone_or_none(self.member_time_zone) or zone_or_none(DEFAULT_TIME_ZONE)

    def member_local_start(self):
        return self.slot_start.astimezone(self.member_zone)


class SlotInputs(NamedTuple):
    """What a specialist's open slots are worked out from besides their
    Availability row (consultation_selectors.page_open_slots)."""

    windows: list  # slots.Window values
    dates_off: set  # local dates
    held: set  # slot starts held by a request, from the moment read


def _nothing(field):
    # A typed NULL: PostgreSQL matches a UNION's columns by type, and an
    # untyped NULL in the branches before a typed value is read as text.
    return Cast(Value(None), output_field=field)


# The columns of read_slot_inputs' UNION, each with its type for the
# branches that leave it empty.
_SLOT_COLUMNS = {
    "who": None,  # every branch fills it
    "weekday_": IntegerField(),
    "start_": TimeField(),
    "end_": TimeField(),
    "day_": DateField(),
    "held_": DateTimeField(),
}


def _slot_branch(queryset, **filled):
    """One SELECT of read_slot_inputs' UNION: the columns in `filled` (name:
    the field that fills it) from `queryset`, every other one a typed NULL."""
    columns = {name: F(filled[name]) if name in filled else _nothing(field) for name, field in _SLOT_COLUMNS.items()}
    return queryset.order_by().annotate(**columns).values_list(*_SLOT_COLUMNS)


def read_slot_inputs(specialist_ids, now):
    """{specialist page id: SlotInputs} for every id given, in one query
    whatever their number: the weekly windows, the dates off and the slots
    held from `now` as one UNION ALL of three SELECTs over the same six
    columns (specialist, weekday, start, end, date off, held start), each
    row filling only its own. Plain SQL both databases run (the directory
    under make run is on SQLite), so a list of cards reads them all at
    once instead of three queries for the list, and a landing page in one
    instead of three."""
    ids = list(specialist_ids)
    inputs = {pk: SlotInputs([], set(), set()) for pk in ids}
    if not ids:
        return inputs
    windows = _slot_branch(
        AvailabilityWindow.objects.filter(availability__specialist_id__in=ids),
        who="availability__specialist_id",
        weekday_="weekday",
        start_="start",
        end_="end",
    )
    dates_off = _slot_branch(
        DateOff.objects.filter(availability__specialist_id__in=ids), who="availability__specialist_id", day_="date"
    )
    held = _slot_branch(
        ConsultationRequest.objects.held().filter(specialist_id__in=ids, slot_start__gte=now),
        who="specialist_id",
        held_="slot_start",
    )
    for who, weekday, start, end, day, held_start in windows.union(dates_off, held, all=True):
        if weekday is not None:
            inputs[who].windows.append(Window(weekday, start, end))
        elif day is not None:
            inputs[who].dates_off.add(day)
        else:
            inputs[who].held.add(held_start)
    return inputs
