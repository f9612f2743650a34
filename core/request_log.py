"""Structured logs: one JSON line per request, and nothing personal in any line.

A request line holds the method, the route (the URL pattern's name, or the
kind of Wagtail page served), the status and the duration. Never the query string
(search terms live there), never a raw Django path (reset links carry a user
id, unsubscribe links a token), never a user, an e-mail or an address. An
exception is logged on its request's line by class and code location only:
its message may quote what someone typed."""

import json
import logging
import time
import traceback
from datetime import UTC, datetime

from django.conf import settings

logger = logging.getLogger("steady.requests")

KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
# Wagtail serves every page through a catch-all route (named or not, in
# config/urls.py). Its path is not logged: a question's slug is made from what
# a member wrote, and some sub-routes of pages carry tokens.
WAGTAIL_SERVE = "wagtail_serve"


def page_route(page, serve_args):
    """`page:<app>.<Model>`, and the sub-route's name on a routable page
    (`page:qa.QuestionIndexPage:question`); called by core's
    before_serve_page hook."""
    route = f"page:{page._meta.label}"
    view = serve_args[0] if serve_args else None
    if callable(view) and getattr(view, "__name__", ""):
        route += f":{view.__name__}"
    return route


def route_of(request, status):
    """The URL pattern's name; for a page Wagtail served, its kind (see
    page_route). Never a path: it is whatever the client typed."""
    from wagtail import views as wagtail_views  # not at import: logging is set up before the apps

    match = getattr(request, "resolver_match", None)
    if match is None:
        # Answered before URL matching: whitenoise's static files, redirects.
        return "static" if request.path.startswith(settings.STATIC_URL) else "unmatched"
    if match.func is wagtail_views.serve or match.view_name == WAGTAIL_SERVE:
        return getattr(request, "_log_page_route", WAGTAIL_SERVE)
    return match.view_name or "unnamed"


def short_path(filename):
    """A frame's file from its package on: site-packages/ and the project
    folder are the same on every server."""
    for marker in ("site-packages/", f"{settings.BASE_DIR}/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def error_fields(exception):
    frames = traceback.extract_tb(exception.__traceback__)
    return {
        "error": type(exception).__name__,
        "where": [f"{short_path(frame.filename)}:{frame.lineno} in {frame.name}" for frame in frames[-8:]],
    }


class RequestLogMiddleware:
    """Outermost middleware of the production settings: times everything
    inside it and writes the request's line once the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        fields = {
            "event": "request",
            "method": request.method if request.method in KNOWN_METHODS else "OTHER",
            "route": route_of(request, response.status_code),
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if response.status_code >= 500:
            fields.update(getattr(request, "_log_error", {}))
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(level, "request", extra={"fields": fields})
        return response

    def process_exception(self, request, exception):
        request._log_error = error_fields(exception)


class JsonFormatter(logging.Formatter):
    """One JSON object per line. Records of the request log carry their own
    fields; any other record gives its message, and an exception only its
    class and location (Django's own request logger is off in production:
    its messages quote paths)."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if fields is not None:
            line.update(fields)
        else:
            line["message"] = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                line.update(error_fields(record.exc_info[1]))
        return json.dumps(line, ensure_ascii=False)
