"""The production task worker: django-tasks-db's worker, made safe to kill.

    manage.py run_tasks              # in place of db_worker; same options

What it adds to db_worker (django_tasks_db's Worker, subclassed):

- A heartbeat. Each worker has a TaskWorker row it touches every
  TASK_WORKER_HEARTBEAT_SECONDS from a thread of its own. A task still marked
  running whose worker has not been seen for TASK_WORKER_STALE_SECONDS, and
  which started longer ago than that, goes back to the queue: a worker killed
  mid-task (out of memory, SIGKILL, a lost machine) loses nothing.
- One transaction per task, and e-mail through an outbox: the task's own
  writes, the e-mails it delivers (core.mail.deliver), each stored rendered in
  a SentEmail row, and the task marked done commit together, and nothing is
  sent before that. A worker killed inside a task leaves no row and sends
  nothing; the task runs again and renders them again. Once the transaction
  has committed the worker sends that task's e-mails, each with its row locked,
  and marks each sent in the same small transaction, clearing its bytes
  (core.mail.send_stored).
- A sweep, from a thread of its own every TASK_WORKER_HEARTBEAT_SECONDS:
  e-mails committed and not sent TASK_WORKER_OUTBOX_SECONDS after they were
  stored or last refused (their worker was killed between the commit and the
  send, or the mail server said no) are sent by whichever worker locks them
  first (SELECT ... FOR UPDATE SKIP LOCKED); one a worker is sending is locked,
  so never sent twice by two workers.
- A database that goes away (restart, failover): the worker drops its
  connection, waits TASK_WORKER_RETRY_SECONDS, puts back the task it was
  running and carries on, instead of exiting.

What it cannot do: an e-mail the mail server has accepted when the worker or
the database dies before the row's one-row UPDATE commits (between the SMTP
hand-off and that commit: the time of one UPDATE) is sent again, by the
sweep. Each e-mail carries a Message-ID made from its key, so a receiving
server or client can recognise that one as the same message.
"""

import contextlib
import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.db.utils import DatabaseError
from django.utils import timezone
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .mail import send_stored, task_outbox
from .models import SentEmail, TaskWorker

__all__ = ["SafeWorker", "requeue_abandoned", "send_left_emails"]

logger = logging.getLogger("core.worker")

# The database is gone (not a bug in a task): put the task back and retry.
CONNECTION_LOST = (OperationalError, InterfaceError)


def send_left_emails(*, older_than_seconds, limit=100, now=None):
    """Send the stored e-mails not sent `older_than_seconds` after they were
    stored or last refused: their worker died after the task's commit and
    before the send, or the mail server refused them. Returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(seconds=older_than_seconds)
    left = (
        SentEmail.objects.filter(sent_at__isnull=True, message__isnull=False)
        .filter(Q(tried_at__isnull=True, queued_at__lt=cutoff) | Q(tried_at__lt=cutoff))
        .order_by("queued_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = sum(send_stored(pk) for pk in list(left))
    if sent:
        logger.warning("Sent %d e-mail(s) stored and left unsent", sent)
    return sent


def requeue_abandoned(*, stale_seconds, now=None):
    """Put back in the queue each running task whose worker has not been
    seen for `stale_seconds` and which started longer ago than that. Returns
    how many went back."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=stale_seconds)
    alive = set(TaskWorker.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True))
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().filter(started_at__lt=cutoff).select_for_update(skip_locked=True)
        for result in running.only("id", "worker_ids"):
            if result.worker_ids and result.worker_ids[-1] in alive:
                continue
            requeued += _requeue(result.pk)
        TaskWorker.objects.filter(last_seen__lt=cutoff).delete()
    if requeued:
        logger.warning("Put %d task(s) of dead workers back in the queue", requeued)
    return requeued


def _requeue(task_id):
    return DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


def _drop_connection():
    with contextlib.suppress(DatabaseError):
        connection.close()


class SafeWorker(Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.heartbeat_seconds = settings.TASK_WORKER_HEARTBEAT_SECONDS
        self.stale_seconds = settings.TASK_WORKER_STALE_SECONDS
        self.retry_seconds = settings.TASK_WORKER_RETRY_SECONDS
        self.outbox_seconds = settings.TASK_WORKER_OUTBOX_SECONDS
        self._stopped = threading.Event()

    # Heartbeat -------------------------------------------------------------

    def beat(self):
        TaskWorker.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"host": socket.gethostname(), "pid": os.getpid(), "last_seen": timezone.now()},
        )
        requeue_abandoned(stale_seconds=self.stale_seconds)

    def _every_heartbeat(self, work, failure):
        while True:
            try:
                work()
            except DatabaseError as error:
                logger.warning("%s (the database is unavailable?): %s", failure, error)
            except Exception:  # a bug must not stop the thread: log it, try again next time
                logger.exception(failure)
            finally:
                _drop_connection()  # this thread's own connection
            if self._stopped.wait(self.heartbeat_seconds):
                return

    def _heartbeat(self):
        self._every_heartbeat(self.beat, "Heartbeat failed")

    def _sweep(self):
        # A thread of its own: a slow mail server must not hold up the heartbeat.
        self._every_heartbeat(
            lambda: send_left_emails(older_than_seconds=self.outbox_seconds), "Sending stored e-mails failed"
        )

    # The loop ----------------------------------------------------------------

    def _release_own(self):
        """Tasks this worker claimed and never finished (the database went away
        mid-task): back to the queue. Nothing of ours runs at this point."""
        for result in DBTaskResult.objects.running().only("id", "worker_ids"):
            if result.worker_ids and result.worker_ids[-1] == self.worker_id:
                _requeue(result.pk)

    def run(self):
        threading.Thread(target=self._heartbeat, name="task-worker-heartbeat", daemon=True).start()
        threading.Thread(target=self._sweep, name="task-worker-outbox", daemon=True).start()
        try:
            while True:
                try:
                    self._release_own()
                    super().run()
                    return
                except CONNECTION_LOST as error:
                    logger.warning("Database unavailable, retrying in %s s: %s", self.retry_seconds, error)
                    _drop_connection()
                    time.sleep(self.retry_seconds)
        finally:
            self._stopped.set()
            with contextlib.suppress(DatabaseError):
                TaskWorker.objects.filter(worker_id=self.worker_id).delete()

    def run_task(self, db_task_result):
        self.running_task = True
        try:
            with task_outbox(db_task_result.pk) as outbox:
                task = db_task_result.task
                task_result = db_task_result.task_result
                backend = type(task.get_backend())
                task_started.send(sender=backend, task_result=task_result)
                try:
                    with transaction.atomic():
                        args, kwargs = task_result.args, task_result.kwargs
                        if task.takes_context:
                            value = task.call(TaskContext(task_result=task_result), *args, **kwargs)
                        else:
                            value = task.call(*args, **kwargs)
                        db_task_result.set_successful(value)
                except CONNECTION_LOST:
                    raise  # run() puts the task back once the database answers
                except Exception as error:
                    logger.exception("Task id=%s failed", db_task_result.pk)
                    db_task_result.set_failed(error)  # its stored e-mails were rolled back with it
                else:
                    outbox.send()  # committed: the task's e-mails go now, each marked sent as it goes
                task_finished.send(sender=backend, task_result=db_task_result.task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1
