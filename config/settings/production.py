"""Production: only what differs from base. Needs DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL and REDIS_URL (see .env.example)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, REDIS_URL, SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS, e.g. example.org,www.example.org.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL, e.g. postgres://user:password@host:5432/name.")
if not REDIS_URL:
    raise ImproperlyConfigured("Set REDIS_URL: rate limits need a cache shared by all workers.")

# Never on in production, whatever DJANGO_DEBUG says.
DEBUG = False

# Links in e-mails and the admin: the first allowed host unless set.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or f"https://{ALLOWED_HOSTS[0].lstrip('.')}"

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
