"""Settings of the task worker the fault tests start as a real process: the
test settings with the database queue, and e-mail written to a folder."""

import os

from config.settings.base import redis_caches
from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "tests.faults.outbox.FolderBackend"

# FAULTS_REDIS_URL: the worker's cache is that Redis, as in production.
if os.environ.get("FAULTS_REDIS_URL"):
    CACHES = redis_caches(os.environ["FAULTS_REDIS_URL"])  # noqa: F405
