"""Structured logs: one JSON line per request, and nothing personal in any line.

A request line holds the method, the route (the URL pattern's name, or a
Wagtail page's path), the status and the duration. Never the query string
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
# Wagtail serves every page through one catch-all route; its path names the page.
WAGTAIL_SERVE = "wagtail_serve"


def route_of(request, status):
    """The URL pattern's name; for a page Wagtail served, the page's path.
    Unmatched or failed page requests log the route alone: their path is
    whatever the client typed."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        # Answered before URL matching: whitenoise's static files, redirects.
        return "static" if request.path.startswith(settings.STATIC_URL) else "unmatched"
    name = match.view_name or match.route or "unnamed"
    if name == WAGTAIL_SERVE and status < 400:
        return request.path
    return name


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
