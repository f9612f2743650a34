import contextlib
import logging
import secrets
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.template.loader import get_template
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from . import csp_reports, shared_cache
from .http import site_url


@require_safe
def help_now(request):
    """Crisis resources (a site setting), reachable from every page."""
    return render(request, "core/help_now.html")


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        "Disallow: /comments/",
        "Disallow: /search/",
        "Disallow: /health/",
        f"Sitemap: {site_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


logger = logging.getLogger(__name__)


def _database_reachable():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_reachable():
    key, value = f"health:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    reachable = cache.get(key) == value
    cache.delete(key)
    return reachable


HEALTH_CHECKS = {"database": _database_reachable, "cache": _cache_reachable}


@require_safe
@never_cache
def health(request):
    """For a load balancer or a monitor: whether this app server reaches its
    database and its cache. JSON, 200 when both answer, 503 otherwise; names
    only what failed, nothing about anyone. Never cached, not in the sitemap."""
    checks = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            checks[name] = "ok" if check() else "unavailable"
        except Exception as error:  # noqa: BLE001 - any failure means unavailable
            logger.warning("health check failed: %s (%s)", name, type(error).__name__)
            checks[name] = "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: the error may come from them.
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return database_unavailable(request, error)
    if shared_cache.is_unavailable(error):
        return shared_cache_unavailable(request, error)
    return HttpResponse(get_template("500.html").render(), status=500)


# The database cannot be reached (restarting, failing over): not a bug.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(request, error):
    """A 503 page while the database is away, from wherever the error came
    (a view, or a middleware loading the session): it says so, asks to try
    again in a few seconds, and gives back the text of a form sent from one
    of our pages, since nothing of it was saved. No database, no context
    processors. The broken connection is closed, so the next request opens
    a new one (CONN_HEALTH_CHECKS checks reused ones)."""
    logger.warning("Database unavailable: %s", error)
    with contextlib.suppress(DatabaseError):
        connection.close()
    kept = _kept_text(request) if request.method == "POST" else []
    response = HttpResponse(get_template("503.html").render({"kept": kept}), status=503)
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response


def shared_cache_unavailable(request, error):
    """A 503 page for a request that met a shared cache (Redis) that does not
    answer where nothing handled it: in practice a write whose limit is
    counted there (allauth's, for instance), refused rather than let through
    uncounted (core.shared_cache). Says so, asks to try again in a minute,
    and gives back the text of a form sent from one of our pages."""
    if error is not None:
        shared_cache.failed(error)
    kept = _kept_text(request) if request.method == "POST" else []
    response = HttpResponse(get_template("503.html").render({"kept": kept, "cache": True}), status=503)
    return shared_cache.refused(response)


def too_many_requests(request):
    """The URLconf's handler429, which allauth answers a reached limit with.
    A limit the shared cache could not count (core.shared_cache: allauth's
    lock cannot be taken) is not the visitor's doing: the polite 503 then."""
    if not shared_cache.answering():
        return shared_cache_unavailable(request, None)
    return render(request, "429.html", status=429)


# Form fields never shown back: secrets, and the fields that carry no text.
_NOT_KEPT = ("password", "csrfmiddlewaretoken", "security_hash", "timestamp", "token", "code", "key")


def _same_site(request, url):
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _kept_text(request):
    """The text a member wrote in the form of this POST, to give back when it
    could not be saved: only for a form sent from one of our own pages, so no
    other site can put its words on ours."""
    if not _same_site(request, request.headers.get("referer", "")):
        return []
    kept = []
    for name, values in request.POST.lists():
        if any(part in name.lower() for part in _NOT_KEPT):
            continue
        # Text a person wrote has spaces or length; ids, flags and choices do not.
        kept += [{"name": name, "value": v} for v in values if len(v.split()) > 1 or len(v) > 40]
    return kept[:10]


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a page in the site's style that says what happened
    and gives back the text the member typed, so nothing is lost.

    Text is given back only for a form sent from one of our own pages (a
    stale token after logging in again elsewhere); a form posted from
    another site gets the explanation alone, so no one can put their words
    on our pages."""
    referer = request.headers.get("referer", "")
    context = {
        "kept": _kept_text(request),
        "back": referer if _same_site(request, referer) else "",
        "reason_cookie": reason == REASON_NO_CSRF_COOKIE,
    }
    return render(request, "403_csrf.html", context, status=403)


@csrf_exempt  # the signed token is the authority; mail providers POST without a CSRF token (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def email_unsubscribe(request, token):
    """One kind of e-mail off for one member, from the link in that e-mail.
    GET asks (link checkers and previews must not unsubscribe anyone); POST,
    from the page's button or the mail client's one-click, turns it off."""
    from . import mail

    found = mail.unsubscribe_token_read(token)
    if found is None:
        return render(request, "core/email_unsubscribe.html", {"invalid": True}, status=404)
    user, kind = found
    done = False
    if request.method == "POST":
        mail.unsubscribe_apply(user=user, kind=kind.name)
        done = True
    response = render(request, "core/email_unsubscribe.html", {"kind": kind, "done": done})
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt  # browsers send reports without a token; the view reads no cookie and acts for no one
@require_http_methods(["POST"])
def csp_report(request):
    """Where browsers report Content-Security-Policy violations (report-uri and
    report-to). Kept as core.csp_reports reduces them: no address, no user, no
    full URL. At most CSP_REPORTS_PER_MINUTE requests per visitor's address
    (counted in the cache, never stored) and CSP_REPORT_MAX_BYTES per body;
    always 204, so a page's reports cannot probe what was kept."""
    # A write anyone can send: when the shared cache cannot count, it is
    # limited (RATELIMIT_FAIL_OPEN is off) and nothing is kept.
    limited = is_ratelimited(
        request,
        group="csp_report",
        key="ip",
        rate=f"{settings.CSP_REPORTS_PER_MINUTE}/m",
        method=is_ratelimited.ALL,
        increment=True,
    )
    if limited:
        return HttpResponse(status=429)
    try:
        length = int(request.headers.get("content-length") or 0)
    except ValueError:
        length = settings.CSP_REPORT_MAX_BYTES + 1
    if length > settings.CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    content_type = request.content_type or ""
    if content_type not in {"application/csp-report", "application/reports+json", "application/json"}:
        return HttpResponse(status=415)
    csp_reports.record_body(content_type, request.read(settings.CSP_REPORT_MAX_BYTES), request)
    return HttpResponse(status=204)
