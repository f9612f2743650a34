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
from pathlib import Path

import pytest
from django.core import mail as django_mail
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import SentEmail
from core.worker import SafeWorker
from tests.faults.redis_server import RedisServer
from tests.faults.tasks import send_numbered, send_pair, send_with_cache

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
            **extra,
        )
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


def _all_done():
    return not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def _recipients(outbox):
    return Counter(email.message_from_bytes(path.read_bytes())["To"] for path in outbox.glob("*.eml"))


def test_worker_killed_mid_queue_sends_every_email_exactly_once(db_queue, outbox, start_worker):
    for number in range(20):
        send_numbered.enqueue(number)

    first = start_worker(FAULTS_HANG_AT="8")
    _wait_for(lambda: (outbox / "hanging").exists(), what="the 8th e-mail", worker=first)
    first.kill()  # SIGKILL: no clean-up, the 8th task stays claimed by a dead worker
    first.wait()
    assert len(_recipients(outbox)) == 7
    assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 1

    second = start_worker()
    _wait_for(_all_done, what="the queue to empty", worker=second)

    assert _recipients(outbox) == Counter({f"reader{number}@example.com": 1 for number in range(20)})
    assert SentEmail.objects.count() == 20


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
    assert SentEmail.objects.count() == 7


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


def test_task_run_again_skips_the_emails_it_already_sent(db_queue):
    task_id = send_pair.enqueue(1).id
    # An earlier run sent the first e-mail, and died before the task was done.
    SentEmail.objects.create(key=f"{task_id}:1", kind="staff")

    result = _run_one_task_in_process()

    assert [message.to for message in django_mail.outbox] == [["second1@example.com"]]
    assert django_mail.outbox[0].extra_headers["Message-ID"] == f"<{task_id}:2@example.com>"
    assert set(SentEmail.objects.values_list("key", flat=True)) == {f"{task_id}:1", f"{task_id}:2"}
    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == [False, True]


def test_failed_task_leaves_no_sent_email_record(db_queue, monkeypatch):
    send_pair.enqueue(2)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    result = _run_one_task_in_process()

    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert not SentEmail.objects.exists()
