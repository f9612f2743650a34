"""Settings shared by every environment.

Safe in production with nothing set: DEBUG is off, and the secret key, hosts,
database and cache come from environment variables (listed in .env.example).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, lowest layer first
    # (core <- accounts <- specialists <- articles <- qa <- messaging <- home <- search).
    "core",
    "accounts",
    "specialists",
    "articles",
    "qa",
    "messaging",
    "home",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # Not wagtail.contrib.frontend_cache: its app only connects receivers
    # that queue a purge task on every publish, configured or not, and
    # purge a page without its listings. core.page_cache purges through
    # its backends (the utilities need no installed app), one task a change.
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Comments
    "django_comments_xtd",
    "django_comments",
    "rest_framework",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    # Background tasks (database queue used in production)
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.humanize",  # allauth's session list uses it
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "csp",  # django-csp's checks of its settings
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Headers Django has no setting for (Permissions-Policy, CORP), static files too.
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy: the site's, or the Wagtail admin's (settings
    # below); outside the page cache, so cached pages get the same header.
    "core.middleware.ContentSecurityPolicyMiddleware",
    # Anonymous readers' pages from the cache, before sessions, CSRF, users
    # and messages cost anything (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    # The request's Wagtail site and its root page from the shared cache,
    # not two queries on every page rendered (core/site_cache.py).
    "core.site_cache.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # In place of allauth's UserSessionsMiddleware: the same "last seen" record,
    # written at most every few minutes instead of on every request.
    "accounts.middleware.UserSessionActivityMiddleware",
    "accounts.middleware.AdminTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
# Form fields render through the site's templates (templates/forms/field.html).
FORM_RENDERER = "core.forms.SiteFormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Ours first, then the apps' own, except the comment libraries'
            # (core/template_loaders.py); cached, as Django's default is.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    ["django.template.loaders.filesystem.Loader", "core.template_loaders.Loader"],
                )
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.sections",
            ],
        },
    },
]

# Database: DATABASE_URL, e.g. postgres://user:pass@host:5432/name. Persistent
# connections with health checks: a bare page went from 72 to 181 req/s here.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default="sqlite:///" + str(BASE_DIR / "db.sqlite3"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# SQLite (the embedded database of `make run`) serves parallel requests too:
# readers never block the writer (WAL), a write transaction takes its lock when
# it begins instead of failing half-way (IMMEDIATE), and a busy database is
# waited for instead of answered with "database is locked" (timeout, seconds).
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
# PostgreSQL is told what this machine is: its defaults assume disks where a
# random read costs four sequential ones, and spare cores for parallel plans.
# The data is in memory (or on SSD) and each request is one of many: with the
# defaults a search walks back through thousands of questions for a word in
# one in forty (30-50 ms at 50,000 questions) where starting from the word's
# few entries takes 13 (README, "Search at scale"). Set per connection, so no
# page spends a query on it; behind a pooler that drops startup options
# (PgBouncer in transaction mode), set them on the role instead:
# ALTER ROLE <the site's role> SET random_page_cost = 1.1, and the other.
POSTGRESQL_PLANNER_OPTIONS = "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    postgresql_options = DATABASES["default"].setdefault("OPTIONS", {})
    postgresql_options["options"] = f"{POSTGRESQL_PLANNER_OPTIONS} {postgresql_options.get('options', '')}".strip()


# Cache: Redis when REDIS_URL is set (shared by all workers, needed for rate
# limits); otherwise the database cache, which every worker also shares.
# While Redis does not answer, core.shared_cache.RedisCache is an empty cache
# that keeps nothing: pages render, counted writes are refused (README "Redis
# going away"); a Redis that hangs costs at most a second before that.
def redis_caches(url):
    return {
        "default": {
            "BACKEND": "core.shared_cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }

# Whole pages for anonymous readers (core/page_cache.py, README "Page cache"):
# kept this many seconds unless a change purges them first; pages that show
# a next open consultation time, this many only (time makes them stale).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_SLOT_SECONDS = int(os.environ.get("PAGE_CACHE_SLOT_SECONDS", "60"))
# A reverse proxy or CDN in front (Varnish: config/varnish.vcl) is told to
# purge changed pages and the listings through Wagtail's frontend cache
# invalidation (its backends, called by core.page_cache): each proxy's
# address for PURGE requests, comma-separated when there are several (one
# per Varnish), e.g. http://10.0.0.5:6081; and/or a CloudFront distribution,
# invalidated through boto3 with its usual credentials. Unset: nothing is sent.
FRONTEND_CACHE_PURGE_URLS = env_list("FRONTEND_CACHE_PURGE_URL")
FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID = os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", "")
WAGTAILFRONTENDCACHE = {
    f"proxy{number}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    for number, url in enumerate(FRONTEND_CACHE_PURGE_URLS, 1)
}
if FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID:
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID,
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# allauth: e-mail is the login; verification is mandatory before posting.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False  # no state change on GET
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # this session stays; every other one ends
ACCOUNT_PREVENT_ENUMERATION = True  # same answer for known and unknown addresses
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2  # the current one plus one being changed to
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True  # e-mail change and 2FA setup ask for the password
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
}
ACCOUNT_USER_DISPLAY = "accounts.models.user_display"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Rate limits, counted in the shared cache (Redis in production). Chosen so a
# person who mistypes is never stopped, while guessing and mail-bombing are:
ACCOUNT_RATE_LIMITS = {
    # 5 failed logins per account per 15 minutes, 20 per minute from one address.
    "login_failed": "20/m/ip,5/15m/key",
    # Sign-ups: 5 per hour from one address.
    "signup": "5/h/ip",
    # Password reset requests: 5 per hour from one address, 3 per hour per e-mail.
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/h/ip",
    # Re-sending a verification e-mail: once per 3 minutes per address.
    "confirm_email": "1/3m/key",
    "manage_email": "10/h/user",
    "change_password": "5/h/user",
    "reauthenticate": "10/15m/user",
}
# Proxies of ours in front of the app (load balancer, CDN, Varnish...), each
# appending the address it saw to X-Forwarded-For. 0: the app is reached
# directly and the header is ignored (a client could write anything in it).
# Every rate limit (allauth's and ours, through core.http.client_ip) counts
# visitors by the address this selects; set it wrong and either everyone
# shares the proxy's bucket (too low) or clients choose their own (too high).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Account privacy policy version members consent to at sign-up.
PRIVACY_POLICY_VERSION = "2026-11"

# Two-factor authentication (TOTP + recovery codes), optional for members and
# required for staff before they reach the Wagtail admin.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Steady Ground"
# Stored encrypted (accounts/encryption.py). Comma-separated keys, newest first;
# empty: a key derived from SECRET_KEY. README: "Two-factor secrets".
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
MFA_ENCRYPTION_KEYS = env_list("DJANGO_MFA_ENCRYPTION_KEYS")
USERSESSIONS_TRACK_ACTIVITY = True

# Internationalisation: every user-facing string is marked; <html lang> follows
# the active language.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
# One date style for the whole site ("2 December 2026", "14:30"): config/formats/en.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Django serves images from MEDIA_ROOT itself only where production.py says so (`make serve`).
SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Steady Ground <hello@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work through Django's task interface (django-tasks): the database
# queue in production (worker: `manage.py run_tasks`, core/worker.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# core.worker: each worker says it is alive this often; a running task whose
# worker has been silent this long goes back to the queue (longer than any
# task runs); after losing the database the worker tries again this often.
TASK_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("TASK_WORKER_HEARTBEAT_SECONDS", "5"))
TASK_WORKER_STALE_SECONDS = float(os.environ.get("TASK_WORKER_STALE_SECONDS", "60"))
TASK_WORKER_RETRY_SECONDS = float(os.environ.get("TASK_WORKER_RETRY_SECONDS", "1"))
# An e-mail committed by a task and still not sent this long after (its worker
# died before sending it, or the mail server refused it) is sent by the sweep.
TASK_WORKER_OUTBOX_SECONDS = float(os.environ.get("TASK_WORKER_OUTBOX_SECONDS", "10"))

# Wagtail.
SITE_ID = 1
WAGTAIL_SITE_NAME = "Steady Ground"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Approving a specialist profile publishes it as the workflow (moderators hold
# no page permissions); other workflows publish with the approver's rights.
WAGTAIL_FINISH_WORKFLOW_ACTION = "specialists.workflows.publish_approved"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"  # private pages log in through allauth too
# Passwords and login e-mail addresses are allauth's (password asked again,
# new address verified, rate limits): Wagtail's own reset, password change
# and e-mail change are off, in the admin account page and in user editing.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests, even in the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the dashboard would ask releases.wagtail.org for news
# Site search (search/): Wagtail's database backend, PostgreSQL full-text in
# production and tests, SQLite FTS5 under `make run`. A site that outgrows the
# database switches to OpenSearch or Elasticsearch here and nowhere else:
#   pin opensearch-py in requirements.in (3.x for opensearch3, 2.x for opensearch2;
#   or the elasticsearch client of the matching major version)
#   WAGTAILSEARCH_BACKENDS = {"default": {
#       "BACKEND": "wagtail.search.backends.opensearch3",   # or .opensearch2, .elasticsearch8
#       "URLS": [os.environ["SEARCH_URL"]], "INDEX": "steady", "TIMEOUT": 5,
#       "OPTIONS": {}, "INDEX_SETTINGS": {}}}
# then `manage.py update_index` once. Our code only calls .search() and
# .autocomplete() on querysets and filters on declared FilterFields.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Header-box suggestions per member (or visitor's address) per minute.
SEARCH_SUGGESTIONS_PER_MINUTE = 60
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d %b %Y"
TAGGIT_CASE_INSENSITIVE = True

# Comments (django-comments-xtd): members only, two levels, flagging on.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 1
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_MAX_LENGTH = 3000
COMMENTS_XTD_LIST_ORDER = ("thread_id", "order")
COMMENTS_XTD_SEND_HTML_EMAIL = False
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
        "who_can_post": "users",
    }
}
COMMENTS_XTD_FORM_CLASS = "articles.comments.ArticleCommentForm"
# django_comments' own length limit, kept equal to ours.
COMMENT_MAX_LENGTH = COMMENTS_XTD_MAX_LENGTH
COMMENTS_XTD_DEFAULT_FOLLOWUP = False
# The library's API is not routed (articles/comment_urls.py); should it ever
# be, it must not ask Gravatar with a hash of the member's e-mail address.
COMMENTS_XTD_API_GET_USER_AVATAR = "articles.comments.no_avatar"
COMMENTS_HIDE_REMOVED = True
# Comments posted per member per hour before the form refuses more.
COMMENTS_RATE_LIMIT_PER_HOUR = 10

# --- Community Q&A (qa/) -----------------------------------------------------
# Questions one member may ask in 24 hours before the form refuses more.
QA_QUESTIONS_PER_DAY = 3
# Reports from different members that hide a question or answer until a
# moderator decides.
QA_REPORTS_TO_HIDE = 3
# Live "similar questions" look-ups per member (or visitor's address) per
# minute, counted by django-ratelimit in the shared cache.
QA_SIMILAR_PER_MINUTE = 30
# django-ratelimit: visitors counted by the address every limit uses (see
# TRUSTED_PROXY_COUNT). A count the cache cannot give is a refusal; the
# read-only look-ups let themselves through instead (core/shared_cache.py).
RATELIMIT_IP_META_KEY = "core.http.client_ip"
RATELIMIT_FAIL_OPEN = False
QA_QUESTIONS_PER_PAGE = 20
# --- end Q&A -------------------------------------------------------------------

# --- Messages (messaging/) -----------------------------------------------------
# New conversations one member may start in 24 hours, and messages anyone may
# send in an hour, counted in the shared cache.
MESSAGING_NEW_CONVERSATIONS_PER_DAY = 5
MESSAGING_MESSAGES_PER_HOUR = 30
MESSAGING_CONVERSATIONS_PER_PAGE = 20
# A conversation opens on its latest messages; earlier ones are a link away.
MESSAGING_MESSAGES_PER_PAGE = 30
# --- end messages ----------------------------------------------------------------

# Free consultations: requests a member may send a day (core.guards counts them).
CONSULTATION_REQUESTS_PER_DAY = 3

# Security headers that hold everywhere (production.py adds HTTPS ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Our files are for our pages only (Cross-Origin-Resource-Policy); link
# previews and feed readers fetch from their servers, which CORP does not stop.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Powerful browser features nobody here needs, off for every page and any
# frame (Permissions-Policy). Only features Chromium knows: an unknown one is
# an error in the console (interest-cohort went with FLoC, browsing-topics
# is its successor; bluetooth is not a policy feature there).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Content-Security-Policy (django-csp). Every script and style is a file of
# ours: no inline code, no nonces (public pages are cached and served
# byte-identical to every reader, so a per-request nonce would be shared),
# no hashes. JSON-LD blocks are data, which script-src does not govern.
# Violations are reported to core.views.csp_report (stored without personal
# data: README, "Security headers").
CSP_REPORT_URL = "/csp-report/"
CSP_REPORT_GROUP = "csp"  # the Reporting-Endpoints name report-to refers to
CSP_REPORTS_PER_MINUTE = 30  # report requests per visitor's address
CSP_REPORT_MAX_BYTES = 16 * 1024  # one request's body
CSP_REPORTS_MAX_ROWS = 2000  # kinds of violation kept; past it, new kinds are dropped
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
        "report-uri": [CSP_REPORT_URL],
        "report-to": CSP_REPORT_GROUP,
    },
}
# The Wagtail admin (and Django's) under its own policy, as tight as they let
# it be (core.middleware.ContentSecurityPolicyMiddleware picks it by path).
CSP_ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
# Wagtail 8 writes inline scripts (each date and chooser widget starts
# itself with one) and Draftail adds <style> elements while it runs, with no
# nonce support: the admin needs 'unsafe-inline' for both. Everything else
# stays shut: no other host, no eval, no plugins, no <base>, forms to us only.
# The admin is for staff only and never cached, and holds no member-written
# HTML unsanitised.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Image uploads preview the chosen file before it is sent.
        "img-src": [SELF, "data:", "blob:"],
        # The editor's live preview is a page of the admin in a frame.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "core.views.csrf_failure"  # explains, and gives back what was typed

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
