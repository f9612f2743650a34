"""Tests: PostgreSQL from DATABASE_URL (started by `make test`), fast hashing,
plain static storage, in-memory e-mail, tasks run immediately."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 32
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("REDIS_URL"):
    # Each test process has its own cache; tests that need a shared one
    # (rate limits across processes) start Redis and set REDIS_URL.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Pages are rendered afresh for every test; tests/core/test_page_cache.py and
# the Varnish test turn the page cache on.
PAGE_CACHE_ENABLED = False
# Codes of ten periods either side are accepted (production: the current one
# only), so tests/two_factor.py can log the same person in again and again
# within 30 seconds (Wagtail's page test helpers log in for each check), each
# time with a code not used yet, through allauth's public form alone.
MFA_TOTP_TOLERANCE = 10
WAGTAILADMIN_BASE_URL = "http://testserver"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# One folder per pytest-xdist worker (gw0, gw1...); tests/conftest.py gives each test its own anyway.
MEDIA_ROOT = os.environ.get(
    "DJANGO_MEDIA_ROOT",
    f"/tmp/steady-ground-test-media-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}",  # noqa: S108
)
# Serve static files straight from the source folders (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
