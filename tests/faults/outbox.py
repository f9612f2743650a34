"""An e-mail backend for the worker the fault tests start: one .eml file per
message in $FAULTS_OUTBOX. With $FAULTS_HANG_AT=N the process's Nth message
is never sent: the backend writes $FAULTS_OUTBOX/hanging and waits, so the
test kills the worker in the middle of a task, at a moment it knows."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

_sent_by_this_process = 0


class FolderBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        global _sent_by_this_process  # noqa: PLW0603 - one count per worker process
        folder = Path(os.environ["FAULTS_OUTBOX"])
        hang_at = int(os.environ.get("FAULTS_HANG_AT", "0"))
        for message in email_messages:
            _sent_by_this_process += 1
            if _sent_by_this_process == hang_at:
                (folder / "hanging").write_text(str(os.getpid()))
                time.sleep(600)
            (folder / f"{uuid.uuid4().hex}.eml").write_bytes(message.message().as_bytes())
        return len(email_messages)
