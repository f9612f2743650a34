"""Tasks the fault tests queue: e-mails through core.mail.deliver, the way
every app's tasks send them."""

import os
import time
from pathlib import Path

from django.db import transaction
from django_tasks import task

from core import mail


@task()
def send_numbered(number):
    return mail.deliver(kind="staff", to=[f"reader{number}@example.com"], subject=f"Drill {number}", text="Hello.")


@task()
def send_pair(number):
    first = mail.deliver(kind="staff", to=[f"first{number}@example.com"], subject="First", text="Hello.")
    second = mail.deliver(kind="staff", to=[f"second{number}@example.com"], subject="Second", text="Hello.")
    return [first, second]


@task()
def send_with_cache(number):
    """What the apps' tasks do besides sending: read and keep things in the
    shared cache (Wagtail's site root paths for an address, a kept value)."""
    from django.core.cache import cache
    from wagtail.models import Site

    Site.get_site_root_paths()
    cache.get_or_set(f"faults-task-{number}", number, 60)
    return mail.deliver(kind="staff", to=[f"cached{number}@example.com"], subject=f"Cached {number}", text="Hello.")


def _hang(point):
    """With $FAULTS_HANG=`point`, write $FAULTS_OUTBOX/hanging and wait there:
    the test kills the worker at that point, which it knows it has reached."""
    if os.environ.get("FAULTS_HANG") == point:
        (Path(os.environ["FAULTS_OUTBOX"]) / "hanging").write_text(str(os.getpid()))
        time.sleep(600)


@task()
def send_then_hang(number):
    """One e-mail, then (by $FAULTS_HANG) a wait inside the task, before its
    transaction commits ("in-task"), or just after it has committed and before
    the worker sends the e-mail ("after-commit": the first thing run on commit)."""
    sent = mail.deliver(kind="staff", to=[f"hung{number}@example.com"], subject=f"Hung {number}", text="Hello.")
    transaction.on_commit(lambda: _hang("after-commit"))
    _hang("in-task")
    return sent


@task()
def send_then_fail(number):
    mail.deliver(kind="staff", to=[f"failed{number}@example.com"], subject="Failed", text="Hello.")
    raise RuntimeError("the task went wrong after delivering")
