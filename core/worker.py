"""The production task worker: django-tasks-db's worker, made safe to kill.

    manage.py run_tasks              # in place of db_worker; same options

What it adds to db_worker (django_tasks_db's Worker, subclassed):

- A heartbeat. Each worker has a TaskWorker row it touches every
  TASK_WORKER_HEARTBEAT_SECONDS from a thread of its own. A task still marked
  running whose worker has not been seen for TASK_WORKER_STALE_SECONDS, and
  which started longer ago than that, goes back to the queue: a worker killed
  mid-task (out of memory, SIGKILL, a lost machine) loses nothing.
- One transaction per task: the task's own writes, the SentEmail rows of the
  e-mails it sent (core.mail.deliver) and the task marked done commit
  together. A task run again after its worker died finds the keys of the
  e-mails already sent and skips them (the unique key also makes a second,
  concurrent run wait for the first and then skip).
- A database that goes away (restart, failover): the worker drops its
  connection, waits TASK_WORKER_RETRY_SECONDS, puts back the task it was
  running and carries on, instead of exiting.

What it cannot do: an e-mail handed to the mail server in the instant before
the database dies (after the send, before the commit) is sent again when its
task runs again. Each e-mail carries a Message-ID made from its key, so a
receiving server or client can recognise that one as the same message.
"""

import contextlib
import contextvars
import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .models import TaskWorker

__all__ = ["SafeWorker", "email_key", "requeue_abandoned"]

logger = logging.getLogger("core.worker")

# The database is gone (not a bug in a task): put the task back and retry.
CONNECTION_LOST = (OperationalError, InterfaceError)

_current_run = contextvars.ContextVar("core_worker_task_run", default=None)


class _TaskRun:
    def __init__(self, task_id):
        self.task_id = task_id
        self.sends = 0

    def next_key(self):
        self.sends += 1
        return f"{self.task_id}:{self.sends}"


def email_key():
    """The key of the next e-mail the task being run sends (its task's id and
    its place among that task's e-mails: the same on every run of the task),
    or None outside the worker (immediate tasks run once)."""
    run = _current_run.get()
    return run.next_key() if run is not None else None


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
        self._stopped = threading.Event()

    # Heartbeat -------------------------------------------------------------

    def beat(self):
        TaskWorker.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"host": socket.gethostname(), "pid": os.getpid(), "last_seen": timezone.now()},
        )
        requeue_abandoned(stale_seconds=self.stale_seconds)

    def _heartbeat(self):
        while True:
            try:
                self.beat()
            except DatabaseError as error:
                logger.warning("Heartbeat failed (the database is unavailable?): %s", error)
            finally:
                _drop_connection()  # this thread's own connection
            if self._stopped.wait(self.heartbeat_seconds):
                return

    # The loop ----------------------------------------------------------------

    def _release_own(self):
        """Tasks this worker claimed and never finished (the database went away
        mid-task): back to the queue. Nothing of ours runs at this point."""
        for result in DBTaskResult.objects.running().only("id", "worker_ids"):
            if result.worker_ids and result.worker_ids[-1] == self.worker_id:
                _requeue(result.pk)

    def run(self):
        threading.Thread(target=self._heartbeat, name="task-worker-heartbeat", daemon=True).start()
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
        token = _current_run.set(_TaskRun(db_task_result.pk))
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            backend = type(task.get_backend())
            task_started.send(sender=backend, task_result=task_result)
            try:
                with transaction.atomic():
                    if task.takes_context:
                        value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
                    else:
                        value = task.call(*task_result.args, **task_result.kwargs)
                    db_task_result.set_successful(value)
            except CONNECTION_LOST:
                raise  # run() puts the task back once the database answers
            except Exception as error:
                logger.exception("Task id=%s failed", db_task_result.pk)
                db_task_result.set_failed(error)
            task_finished.send(sender=backend, task_result=db_task_result.task_result)
        finally:
            _current_run.reset(token)
            self.running_task = False
            self._run_tasks += 1
