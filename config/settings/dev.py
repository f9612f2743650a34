"""Local development: DEBUG on, e-mails printed to the console, SQLite by default."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, SQLITE_OPTIONS, env_bool

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-" + "x" * 32)
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:" + os.environ.get("PORT", "8000")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
# One runserver process: an in-memory cache is enough. Production uses Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Template and code changes show at once; `make serve` has the page cache.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
# Serve static files straight from the source folders (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
