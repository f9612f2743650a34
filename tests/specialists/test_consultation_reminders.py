"""Scheduled consultation tasks: what booking and accepting schedule (with
`run_after`), and that each task reads the request again when it runs, does
its work once, and nothing when the request changed meanwhile. The database
worker running one is in tests/e2e/test_task_worker.py."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.factories import UserFactory
from specialists import consultation_services as services
from specialists import consultation_tasks as tasks
from specialists.factories import SpecialistPageFactory
from specialists.models import ConsultationRequest

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def scheduled(name):
    from django_tasks import default_task_backend

    return [r for r in default_task_backend.results if r.task.name == name and r.task.run_after is not None]


def test_booking_schedules_the_specialists_reminder_and_the_expiry(
    settings, a_member, a_consultant, book, open_slots, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    slot = open_slots(a_consultant)[-1]  # weeks ahead: the 72 hours come first
    with django_capture_on_commit_callbacks(execute=True):
        request = book(a_member, a_consultant, slot=slot)
    [waiting] = scheduled(tasks.remind_waiting_request.name)
    [expiry] = scheduled(tasks.expire_request.name)
    assert waiting.task.run_after == request.created_at + timedelta(hours=24)
    assert expiry.task.run_after == request.created_at + timedelta(hours=72)
    assert waiting.kwargs == expiry.kwargs == {"request_id": str(request.pk)}


def test_a_request_for_a_slot_sooner_than_72_hours_expires_at_its_time(
    settings, a_member, a_consultant, book, open_slots, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    slot = open_slots(a_consultant, limit=1)[0]  # about a day ahead
    with django_capture_on_commit_callbacks(execute=True):
        book(a_member, a_consultant, slot=slot)
    [expiry] = scheduled(tasks.expire_request.name)
    assert expiry.task.run_after == slot
    # The day's reminder would come after the request is gone: none.
    assert len(scheduled(tasks.remind_waiting_request.name)) == (
        1 if slot > timezone.now() + timedelta(hours=24) else 0
    )


def test_accepting_schedules_both_sides_reminder_the_day_before(
    settings, a_member, a_consultant, book, open_slots, django_capture_on_commit_callbacks
):
    request = book(a_member, a_consultant, slot=open_slots(a_consultant)[-1])
    settings.TASKS = DUMMY_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_accept(request=request, by=a_consultant.user)
    [reminder] = scheduled(tasks.remind_meeting.name)
    assert reminder.task.run_after == request.slot_start - timedelta(hours=24)


def test_the_waiting_reminder_goes_once_and_not_after_an_answer(a_member, a_consultant, book):
    request = book(a_member, a_consultant)
    mail.outbox.clear()
    assert tasks.consultation_remind_waiting(request_id=request.pk) == "sent"
    assert tasks.consultation_remind_waiting(request_id=request.pk) == "nothing to do"
    [message] = mail.outbox
    assert message.to == [a_consultant.user.email] and message.subject == "A consultation request is waiting for you"
    answered = book(UserFactory(email="late@example.com"), a_consultant)
    services.consultation_accept(request=answered, by=a_consultant.user)
    mail.outbox.clear()
    assert tasks.consultation_remind_waiting(request_id=answered.pk) == "nothing to do"
    assert mail.outbox == []


def test_a_request_unanswered_for_72_hours_expires_frees_the_slot_and_points_to_others(
    a_member, a_consultant, book, open_slots, specialist_index
):
    SpecialistPageFactory(parent=specialist_index, title="Dr Also Free", offers_free_consultation=True)
    request = book(a_member, a_consultant, slot=open_slots(a_consultant)[-1])
    assert tasks.consultation_expire(request_id=request.pk) == "nothing to do"  # not yet
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(hours=72, minutes=1))
    mail.outbox.clear()
    assert tasks.consultation_expire(request_id=request.pk) == "expired"
    assert tasks.consultation_expire(request_id=request.pk) == "nothing to do"
    request.refresh_from_db()
    assert request.status == ConsultationRequest.Status.EXPIRED
    assert request.slot_start in open_slots(a_consultant)
    [message] = mail.outbox
    assert message.to == [a_member.email] and message.subject == "Your consultation request was not answered in time"
    assert "Dr Also Free: http://testserver/specialists/" in message.body


def test_an_accepted_request_never_expires(a_member, a_consultant, book):
    request = book(a_member, a_consultant)
    services.consultation_accept(request=request, by=a_consultant.user)
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=5))
    assert tasks.consultation_expire(request_id=request.pk) == "nothing to do"


def test_the_meeting_reminder_goes_to_both_once_and_not_after_a_cancel(a_member, a_consultant, book, open_slots):
    first, second = open_slots(a_consultant, limit=2)
    request = book(a_member, a_consultant, slot=first)
    services.consultation_accept(request=request, by=a_consultant.user)
    mail.outbox.clear()
    assert tasks.consultation_remind_meeting(request_id=request.pk) == "sent"
    assert tasks.consultation_remind_meeting(request_id=request.pk) == "nothing to do"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a_member.email, a_consultant.user.email])
    assert {m.subject for m in mail.outbox} == {"Reminder: your consultation is tomorrow"}
    services.consultation_cancel(request=request, by=a_member)
    other = book(a_member, a_consultant, slot=second)
    services.consultation_accept(request=other, by=a_consultant.user)
    services.consultation_cancel(request=other, by=a_consultant.user)
    mail.outbox.clear()
    assert tasks.consultation_remind_meeting(request_id=other.pk) == "nothing to do"
    assert mail.outbox == []
