"""Settings of the task worker the fault tests start as a real process: the
test settings with the database queue, and e-mail written to a folder."""

from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "tests.faults.outbox.FolderBackend"
