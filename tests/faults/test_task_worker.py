"""The task worker (manage.py run_tasks, core/worker.py) under faults: killed
in the middle of the queue, and cut off from the database. Each test starts
real worker processes against the test database and reads what they sent
from a folder (tests/faults/outbox.py)."""

import email
import os
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.mail import SEND_ATTEMPTS
from core.models import SentEmail
from core.worker import SafeWorker, send_left_emails
from tests.faults.redis_server import RedisServer
from tests.faults.tasks import send_numbered, send_pair, send_then_fail, send_then_hang, send_with_cache

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_QUEUE


@pytest.fixture
def outbox(tmp_path):
    folder = tmp_path / "outbox"
    folder.mkdir()
    return folder


@pytest.fixture
def start_worker(outbox):
    """start_worker(**environment) -> a running `manage.py run_tasks` process on
    the test database; every one still running is stopped at the end."""
    started = []
    database_url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]

    def start(**extra):
        environment = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="tests.faults.worker_settings",
            DATABASE_URL=database_url,
            FAULTS_OUTBOX=str(outbox),
            TASK_WORKER_HEARTBEAT_SECONDS="0.5",
            TASK_WORKER_STALE_SECONDS="2",
            TASK_WORKER_RETRY_SECONDS="0.5",
            TASK_WORKER_OUTBOX_SECONDS="1",
        )
        environment.update(extra)
        command = [sys.executable, "manage.py", "run_tasks", "--no-startup-delay", "--interval", "0.1", "-v", "0"]
        process = subprocess.Popen(command, cwd=ROOT, env=environment)  # noqa: S603 - our own command
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def _wait_for(condition, *, what, worker, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if worker.poll() is not None:
            pytest.fail(f"The worker exited (status {worker.returncode}) before {what}")
        time.sleep(0.1)
    pytest.fail(f"Gave up after {seconds} s waiting for {what}")


def _unsent():
    return SentEmail.objects.filter(sent_at=None).exclude(message=None)


def _all_done():
    """Every task done and every e-mail they stored sent (the worker sends
    them once the task's transaction has committed)."""
    return not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists() and not _unsent().exists()


def _assert_each_sent_and_cleared(count):
    assert SentEmail.objects.count() == count
    assert not SentEmail.objects.filter(sent_at=None).exists()
    assert not SentEmail.objects.exclude(message=None).exists(), "a sent e-mail's bytes were kept"


def _recipients(outbox):
    return Counter(email.message_from_bytes(path.read_bytes())["To"] for path in outbox.glob("*.eml"))


def test_worker_killed_mid_queue_sends_every_email_exactly_once(db_queue, outbox, start_worker):
    for number in range(20):
        send_numbered.enqueue(number)

    first = start_worker(FAULTS_HANG_AT="8")
    _wait_for(lambda: (outbox / "hanging").exists(), what="the 8th e-mail", worker=first)
    first.kill()  # SIGKILL: no clean-up, in the middle of sending the 8th task's e-mail
    first.wait()
    assert len(_recipients(outbox)) == 7
    # The 8th task committed before its e-mail went: done, its e-mail stored and not sent.
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 8
    assert _unsent().count() == 1

    second = start_worker()
    _wait_for(_all_done, what="the queue to empty", worker=second)

    assert _recipients(outbox) == Counter({f"reader{number}@example.com": 1 for number in range(20)})
    _assert_each_sent_and_cleared(20)


def test_worker_killed_after_the_commit_before_the_send_the_next_sends_it_once(db_queue, outbox, start_worker):
    task_id = send_then_hang.enqueue(1).id
    # Its own sweep would send the e-mail in a second: this one is killed first, whatever the timing.
    first = start_worker(FAULTS_HANG="after-commit", TASK_WORKER_OUTBOX_SECONDS="600")
    _wait_for(lambda: (outbox / "hanging").exists(), what="the task's commit", worker=first)
    first.kill()
    first.wait()
    assert DBTaskResult.objects.get(pk=task_id).status == TaskResultStatus.SUCCESSFUL
    assert not _recipients(outbox)
    stored = SentEmail.objects.get()
    assert stored.sent_at is None
    assert b"hung1@example.com" in bytes(stored.message)

    second = start_worker()  # nothing to run: its sweep finds the e-mail left unsent
    _wait_for(_all_done, what="the stored e-mail to be sent", worker=second)

    assert _recipients(outbox) == Counter({"hung1@example.com": 1})
    _assert_each_sent_and_cleared(1)


def test_worker_killed_inside_the_task_after_delivering_the_next_sends_it_once(db_queue, outbox, start_worker):
    task_id = send_then_hang.enqueue(2).id
    first = start_worker(FAULTS_HANG="in-task")
    _wait_for(lambda: (outbox / "hanging").exists(), what="the task's e-mail to be delivered", worker=first)
    first.kill()
    first.wait()
    assert DBTaskResult.objects.get(pk=task_id).status == TaskResultStatus.RUNNING
    assert not _recipients(outbox)
    assert not SentEmail.objects.exists()  # rolled back with the task

    second = start_worker()  # requeues the dead worker's task and runs it again
    _wait_for(_all_done, what="the task run again", worker=second)

    assert _recipients(outbox) == Counter({"hung2@example.com": 1})
    _assert_each_sent_and_cleared(1)


def test_normal_run_sends_each_email_once_and_keeps_no_bytes(db_queue, outbox, start_worker):
    worker = start_worker()
    for number in range(3):
        send_pair.enqueue(number)
    send_then_hang.enqueue(3)  # no $FAULTS_HANG: it just delivers
    failing = send_then_fail.enqueue(4)
    _wait_for(
        lambda: (
            DBTaskResult.objects.filter(pk=failing.id, status=TaskResultStatus.FAILED).exists()
            and not DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()
            and not _unsent().exists()
        ),
        what="the tasks to run",
        worker=worker,
    )

    expected = {f"{which}{number}@example.com": 1 for number in range(3) for which in ("first", "second")}
    assert _recipients(outbox) == Counter({**expected, "hung3@example.com": 1})  # nothing of the failed task
    _assert_each_sent_and_cleared(7)


def test_worker_outlives_lost_database_connections(db_queue, outbox, start_worker):
    worker = start_worker()
    for number in range(5):
        send_numbered.enqueue(number)
    _wait_for(_all_done, what="the first five e-mails", worker=worker)

    # What a database restart does to a client: every other connection cut.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchall(), "no worker connection was cut: the test proves nothing"
    for number in range(5, 10):
        send_numbered.enqueue(number)
    _wait_for(_all_done, what="the e-mails queued after the cut", worker=worker)

    assert worker.poll() is None
    assert _recipients(outbox) == Counter({f"reader{number}@example.com": 1 for number in range(10)})
    _assert_each_sent_and_cleared(10)


def test_tasks_go_on_while_redis_is_down_each_email_sent_once(db_queue, outbox, start_worker):
    """Redis stopped under a running worker (the drill's phase b): the tasks
    that read and keep things in the cache go on without it, none fails or
    is lost, and each e-mail goes once; Redis back, they go on with it."""
    server = RedisServer()
    server.start()
    try:
        worker = start_worker(FAULTS_REDIS_URL=server.url)
        send_with_cache.enqueue(0)
        _wait_for(_all_done, what="the task run with Redis up", worker=worker)

        server.stop()
        for number in range(1, 6):
            send_with_cache.enqueue(number)
        _wait_for(_all_done, what="the tasks queued while Redis was down", worker=worker, seconds=120)

        server.start()
        send_with_cache.enqueue(6)
        _wait_for(_all_done, what="the task queued after Redis came back", worker=worker)
    finally:
        server.close()

    assert worker.poll() is None
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert _recipients(outbox) == Counter({f"cached{number}@example.com": 1 for number in range(7)})
    _assert_each_sent_and_cleared(7)


def _run_one_task_in_process():
    worker = SafeWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="in-process",
    )
    result = DBTaskResult.objects.ready().get()
    result.claim(worker.worker_id)
    worker.run_task(result)
    return result


def _message_id(message):
    return email.message_from_bytes(message.message().as_bytes())["Message-ID"]


def test_task_run_again_skips_the_emails_it_already_stored(db_queue):
    task_id = send_pair.enqueue(1).id
    # An earlier run stored the first e-mail (and it has gone), and the task was run again.
    SentEmail.objects.create(key=f"{task_id}:1", kind="staff", sent_at=timezone.now())

    result = _run_one_task_in_process()

    assert [message.to for message in django_mail.outbox] == [["second1@example.com"]]
    assert _message_id(django_mail.outbox[0]) == f"<{task_id}:2@example.com>"
    assert set(SentEmail.objects.values_list("key", flat=True)) == {f"{task_id}:1", f"{task_id}:2"}
    _assert_each_sent_and_cleared(2)
    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == [False, True]


def test_failed_task_stores_and_sends_nothing(db_queue):
    send_then_fail.enqueue(1)

    result = _run_one_task_in_process()

    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert not SentEmail.objects.exists()
    assert not django_mail.outbox


def test_an_email_the_mail_server_refuses_is_kept_and_sent_by_the_sweep(db_queue, monkeypatch):
    send_pair.enqueue(2)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    result = _run_one_task_in_process()

    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL  # its work is committed; only the sending waits
    assert _unsent().count() == 2
    assert set(SentEmail.objects.values_list("attempts", flat=True)) == {1}
    later = timezone.now() + timedelta(seconds=5)
    assert send_left_emails(older_than_seconds=10, now=later) == 0  # refused too recently to try again

    monkeypatch.undo()
    assert send_left_emails(older_than_seconds=1, now=later) == 2

    assert sorted(message.to[0] for message in django_mail.outbox) == ["first2@example.com", "second2@example.com"]
    _assert_each_sent_and_cleared(2)


def test_an_email_refused_every_time_is_dropped_with_its_bytes(db_queue, monkeypatch):
    send_numbered.enqueue(3)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    _run_one_task_in_process()
    for attempt in range(2, SEND_ATTEMPTS + 2):
        send_left_emails(older_than_seconds=0, now=timezone.now() + timedelta(seconds=attempt))

    stored = SentEmail.objects.get()
    assert stored.attempts == SEND_ATTEMPTS
    assert stored.message is None
    assert stored.sent_at is None


def test_a_stored_email_reads_back_as_it_was_rendered():
    """What the in-memory backend and the console show of an e-mail sent from
    the outbox: its subject, text, HTML part, attachments and headers, not an
    empty message (the bytes themselves are what the mail server gets)."""
    from django.core.mail import EmailMultiAlternatives

    from core.mail import StoredEmail

    original = EmailMultiAlternatives(
        subject="Your consultation: Tuesday 9:00 — confirmed",
        body="Hello,\nit is booked.\n",
        to=["member@example.com"],
        headers={"List-Unsubscribe": "<https://example.org/u/1/>"},
    )
    original.attach_alternative("<p>Hello, it is booked.</p>", "text/html")
    original.attach("invite.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    stored = StoredEmail(original.message().as_bytes())
    assert stored.to == ["member@example.com"]
    assert stored.subject == "Your consultation: Tuesday 9:00 — confirmed"
    assert stored.body == "Hello,\nit is booked.\n"
    assert stored.alternatives == [("<p>Hello, it is booked.</p>", "text/html")]
    assert [(name, kind) for name, _content, kind in stored.attachments] == [("invite.ics", "text/calendar")]
    assert stored.extra_headers == {"List-Unsubscribe": "<https://example.org/u/1/>"}
