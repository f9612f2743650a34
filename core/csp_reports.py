"""Content-Security-Policy violation reports, kept without personal data.

Browsers send two formats: the older `report-uri` one (application/csp-report,
`{"csp-report": {"document-uri": ..., "blocked-uri": ...}}`) and the Reporting
API's (application/reports+json, a list of `{"type": "csp-violation",
"body": {"documentURL": ..., "blockedURL": ...}}`). Each report is reduced to
what says what broke, and nothing about who or which address:

- the page as its kind (the route name, or `page:<app>.<Model>[:<route>]` for a
  Wagtail page, as in the request log), never its path or query string (a
  question's slug comes from a member's words, some links carry tokens);
- what was blocked as a keyword (`inline`, `eval`), a scheme (`data`) or
  another site's origin, never a full address; a file of ours by its path;
- the directive, the source file (ours by path, another's by origin) and line.

No address, user, cookie, user agent or code sample is read. Identical reports
add to one row's count; past CSP_REPORTS_MAX_ROWS kinds, new kinds are dropped."""

import json
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail import views as wagtail_views
from wagtail.models import Site

from .models import CspReport
from .request_log import WAGTAIL_SERVE, page_route

# Reports read from one request body; a browser batches a few at most.
MAX_REPORTS_PER_REQUEST = 20
KEYWORDS = {"inline", "eval", "wasm-eval", "trusted-types-policy", "trusted-types-sink"}


def _clean(value, limit):
    """Printable text, at most `limit` characters."""
    text = value if isinstance(value, str) else ""
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in {"C", "Z"} or ch == " ")
    return text.strip()[:limit]


def _origin(parts):
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else parts.scheme


def blocked_of(value, site_host):
    """A keyword, a scheme, our own path, or another site's origin."""
    value = _clean(value, 2000)
    if value in KEYWORDS or not value:
        return value or "unknown"
    parts = urlsplit(value)
    if parts.scheme and not parts.netloc:  # data:, blob:, about:...
        return parts.scheme[:20]
    if parts.netloc and parts.netloc != site_host:
        return _origin(parts)[:120]
    return (parts.path or "/")[:120]


def source_of(value, document_path, site_host):
    """The file the violation came from: the page itself, a file of ours by its
    path, or another site's origin (a browser extension's, usually)."""
    value = _clean(value, 2000)
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.netloc and parts.netloc != site_host:
        return _origin(parts)[:200]
    if not parts.netloc and parts.scheme:
        return parts.scheme[:20]
    if parts.path == document_path:
        return "page"
    if parts.path.startswith(settings.STATIC_URL):
        return parts.path[:200]
    return "another page of ours"


def page_kind(path, request):
    """The route of `path`, as the request log names routes."""
    try:
        match = resolve(path)
    except Resolver404:
        return "unmatched"
    if match.func is not wagtail_views.serve and match.view_name != WAGTAIL_SERVE:
        return (match.view_name or "unnamed")[:120]
    site = Site.find_for_request(request)
    if site is None:
        return "unmatched"
    components = [part for part in path.split("/") if part]
    try:
        result = site.root_page.specific.route(request, components)
    except Http404:
        return "unmatched"
    page, args = result[0], result[1]
    return page_route(page, args)[:120]


def _reports(content_type, body):
    """(fields, document URL) of each report in a request body, in either format."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    found = []
    if content_type == "application/csp-report" or (isinstance(data, dict) and "csp-report" in data):
        report = data.get("csp-report") if isinstance(data, dict) else None
        if isinstance(report, dict):
            found.append(
                {
                    "document": report.get("document-uri"),
                    "directive": report.get("effective-directive") or report.get("violated-directive"),
                    "blocked": report.get("blocked-uri"),
                    "source": report.get("source-file"),
                    "line": report.get("line-number"),
                    "disposition": report.get("disposition"),
                }
            )
    elif isinstance(data, list):
        for item in data[:MAX_REPORTS_PER_REQUEST]:
            report = item.get("body") if isinstance(item, dict) and item.get("type") == "csp-violation" else None
            if isinstance(report, dict):
                found.append(
                    {
                        "document": report.get("documentURL"),
                        "directive": report.get("effectiveDirective"),
                        "blocked": report.get("blockedURL"),
                        "source": report.get("sourceFile"),
                        "line": report.get("lineNumber"),
                        "disposition": report.get("disposition"),
                    }
                )
    return found


def reduce_report(raw, request):
    """The fields of a CspReport row for one raw report; nothing else of it is kept."""
    site_host = request.get_host()
    document_path = urlsplit(_clean(raw["document"], 2000)).path or "/"
    line = raw["line"]
    return {
        "directive": _clean(raw["directive"], 40).split(" ")[0] or "unknown",
        "blocked": blocked_of(raw["blocked"], site_host),
        "page": page_kind(document_path, request),
        "source": source_of(raw["source"], document_path, site_host),
        "line": line if isinstance(line, int) and 0 <= line < 10_000_000 else 0,
        "enforced": raw["disposition"] != "report",
    }


def csp_report_record(*, directive, blocked, page, source, line, enforced):
    """Count one violation: one more on its kind's row, or a new row while
    there are fewer than CSP_REPORTS_MAX_ROWS. Whether it was stored."""
    kind = {"directive": directive, "blocked": blocked, "page": page, "source": source, "line": line}
    kind["enforced"] = enforced
    if CspReport.objects.filter(**kind).update(count=F("count") + 1, last_seen=timezone.now()):
        return True
    if CspReport.objects.count() >= settings.CSP_REPORTS_MAX_ROWS:
        return False
    try:
        with transaction.atomic():
            CspReport.objects.create(**kind)
    except IntegrityError:  # the same kind, reported at the same moment by someone else
        CspReport.objects.filter(**kind).update(count=F("count") + 1, last_seen=timezone.now())
    return True


def record_body(content_type, body, request):
    """Store every report in a request body; how many were stored."""
    return sum(csp_report_record(**reduce_report(raw, request)) for raw in _reports(content_type, body))
