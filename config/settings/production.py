"""Production: only what differs from base. Needs DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL and REDIS_URL (see .env.example)."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ADMIN_CONTENT_SECURITY_POLICY,
    ALLOWED_HOSTS,
    CONTENT_SECURITY_POLICY,
    MIDDLEWARE,
    REDIS_URL,
    SECRET_KEY,
    STORAGES,
    env_bool,
)

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

# HTTPS-only, with no switch to turn any of it off: the one way to plain HTTP
# is DJANGO_LOOPBACK_HTTP below, refused for any host but loopback ones.
SECURE_SSL_REDIRECT = True
# A load balancer's health probe may come over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# `make serve` (scripts/serve.sh): the production settings over plain HTTP on
# this machine. Only for loopback hosts, so it cannot weaken a real deployment.
# `check --deploy` then warns of exactly what it turns off (security.W004 HSTS,
# W008 redirect, W012 session cookie, W016 CSRF cookie); they stay visible, not
# silenced, and tests/core/test_settings.py pins that list.
LOOPBACK_HTTP = env_bool("DJANGO_LOOPBACK_HTTP", False)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
if LOOPBACK_HTTP:
    if not set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:
        raise ImproperlyConfigured("DJANGO_LOOPBACK_HTTP is for 127.0.0.1/localhost only; unset it in production.")
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    SECURE_HSTS_PRELOAD = False
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"

# Media on S3-compatible object storage (django-storages), so every app
# server reads and writes the same files (README "Scaling out"); unset, the
# local DJANGO_MEDIA_ROOT as before. Credentials are boto3's own: the
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables or the machine's role,
# never a setting. Objects are public (our media are the site's images) and
# their URLs plain, not signed: a kept page's links never expire and every
# render of a page is the same bytes. Names are never overwritten (Wagtail's
# uploads and renditions rely on a taken name getting a new one).
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# Local media under `make serve` (loopback, no bucket): Django serves the
# images and their renditions itself (config/urls.py), so pages show them. A
# real deployment serves media from the bucket or the web server in front.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", LOOPBACK_HTTP) and not MEDIA_BUCKET
if MEDIA_BUCKET:
    MEDIA_ENDPOINT = os.environ.get("AWS_S3_ENDPOINT_URL", "")  # S3-compatible service; empty: AWS
    MEDIA_REGION = os.environ.get("AWS_S3_REGION_NAME", "")
    MEDIA_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")  # media through a CDN: media.example.org
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": MEDIA_BUCKET,
                "endpoint_url": MEDIA_ENDPOINT or None,
                "region_name": MEDIA_REGION or None,
                "custom_domain": MEDIA_DOMAIN or None,
                # Path-style URLs on an S3-compatible endpoint: one origin for the CSP below.
                "addressing_style": "path" if MEDIA_ENDPOINT else None,
                "querystring_auth": False,
                "file_overwrite": False,
                # Public through the bucket's policy; "public-read" where the service uses ACLs.
                "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
                "object_parameters": {"CacheControl": "public, max-age=86400"},
            },
        },
    }
    # Pages and the admin show images from the media origin (img-src 'self' otherwise).
    if MEDIA_DOMAIN:
        MEDIA_ORIGINS = [f"https://{MEDIA_DOMAIN.split('/', 1)[0]}"]
    elif MEDIA_ENDPOINT:
        endpoint = urlsplit(MEDIA_ENDPOINT)
        MEDIA_ORIGINS = [f"{endpoint.scheme}://{endpoint.netloc}"]
    else:  # AWS names the bucket's host with or without the region
        MEDIA_ORIGINS = [f"https://{MEDIA_BUCKET}.s3.amazonaws.com"]
        if MEDIA_REGION:
            MEDIA_ORIGINS.append(f"https://{MEDIA_BUCKET}.s3.{MEDIA_REGION}.amazonaws.com")

    def with_media_images(policy):
        directives = policy["DIRECTIVES"]
        return {**policy, "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], *MEDIA_ORIGINS]}}

    CONTENT_SECURITY_POLICY = with_media_images(CONTENT_SECURITY_POLICY)
    ADMIN_CONTENT_SECURITY_POLICY = with_media_images(ADMIN_CONTENT_SECURITY_POLICY)

# One JSON line per request (core/request_log.py), timed around everything.
MIDDLEWARE = ["core.request_log.RequestLogMiddleware", *MIDDLEWARE]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.request_log.JsonFormatter"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        "discard": {"class": "logging.NullHandler"},
    },
    "loggers": {
        "steady.requests": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Its lines quote request paths; the request line above says the same without them.
        "django.request": {"handlers": ["discard"], "propagate": False},
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
