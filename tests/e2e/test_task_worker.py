"""Production's task path: the database queue and `manage.py run_tasks` (production's worker, core/worker.py),
with a task scheduled for later (a crisis alert's reminder), which the
worker leaves alone until its time and then runs. Transactional (the worker
reads committed rows), so it lives with the browser tests' database care."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.factories import UserFactory
from core.crisis.alerts import send_crisis_alert
from core.factories import TopicFactory
from core.models import SiteSettings
from qa.models import Question

pytestmark = pytest.mark.e2e


def test_worker_runs_a_scheduled_reminder_when_its_time_comes(live_site, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    row = SiteSettings.load()
    row.oncall_email = "oncall@example.com"
    row.save()
    question = Question.objects.create(
        author=UserFactory(email="asker.worker@example.com"),
        title="A question held as urgent",
        body="Held by the crisis detector for a moderator.",
        topic=TopicFactory(name="Anxiety", slug="anxiety"),
        urgent=True,
        status=Question.Status.PENDING,
    )
    DBTaskResult.objects.all().delete()  # the search index updates saving a question queued
    later = timezone.now() + timedelta(minutes=30)
    send_crisis_alert.using(run_after=later).enqueue(kind="question", object_id=question.pk, attempt=2)

    # Not due yet: the worker leaves it queued.
    call_command("run_tasks", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"

    # Its time has come (moved, rather than waiting half an hour): it runs.
    DBTaskResult.objects.filter(pk=queued.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    call_command("run_tasks", "--batch", "--no-startup-delay", verbosity=0)
    [alert] = mail.outbox
    assert alert.to == ["oncall@example.com"] and "reminder 1" in alert.subject
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"
    # The reminder scheduled the next one, for later again.
    follow_up = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert follow_up.status == "READY" and follow_up.run_after > timezone.now()


def test_worker_runs_a_scheduled_consultation_reminder_once_its_time_comes(live_site, home_page, settings):
    """Booking schedules the specialist's 24-hour reminder and the 72-hour
    expiry on the database queue; the worker leaves both until their time,
    then the reminder reads the request again and e-mails the specialist."""
    from datetime import time

    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from specialists.consultation_selectors import page_open_slots
    from specialists.consultation_services import availability_update, consultation_request
    from specialists.consultation_tasks import expire_request, remind_waiting_request
    from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
    from specialists.slots import Window

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owner = UserFactory(email="worker.specialist@example.com")
    owner.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(
        parent=SpecialistIndexPageFactory(parent=home_page), user=owner, offers_free_consultation=True
    )
    availability_update(
        page=page,
        by=owner,
        time_zone="Europe/London",
        notice_hours=24,
        horizon_days=21,
        windows=[Window(day, time(9), time(17)) for day in range(7)],
        dates_off=[],
    )
    DBTaskResult.objects.all().delete()  # the search index updates queued by the page
    member = UserFactory(email="worker.member@example.com")
    request = consultation_request(
        member=member,
        page=page,
        slot_start=page_open_slots(page)[-1],
        format="online",
        member_time_zone="Europe/London",
    )
    # The acknowledgement and the specialist's notice go now.
    call_command("run_tasks", "--batch", "--no-startup-delay", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == [member.email, owner.email]
    mail.outbox.clear()
    reminder = DBTaskResult.objects.get(task_path=remind_waiting_request.module_path)
    expiry = DBTaskResult.objects.get(task_path=expire_request.module_path)
    assert reminder.status == expiry.status == "READY"
    assert reminder.run_after == request.created_at + timedelta(hours=24)

    DBTaskResult.objects.filter(pk=reminder.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    call_command("run_tasks", "--batch", "--no-startup-delay", verbosity=0)
    [message] = mail.outbox
    assert message.to == [owner.email] and message.subject == "A consultation request is waiting for you"
    assert DBTaskResult.objects.get(pk=reminder.pk).status == "SUCCESSFUL"
    assert DBTaskResult.objects.get(pk=expiry.pk).status == "READY"  # still days away
