"""Security headers on public, member and admin pages, and the CSP report
endpoint: it keeps what broke, never who or which address."""

import json

import pytest

from core.models import CspReport

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/articles/", "/accounts/login/", "/no-such-page/"])
def test_public_pages_have_the_strict_policy_and_headers(client, home_page, article_index, path):
    response = client.get(path)

    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "nonce-" not in response["Content-Security-Policy"]  # cached pages are the same bytes for all
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"] and policy["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == 'csp="/csp-report/"'
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_member_pages_have_the_strict_policy(client, a_member, home_page):
    client.force_login(a_member)
    response = client.get("/accounts/")

    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_has_its_own_policy(client, home_page):
    response = client.get("/admin/login/", follow=False)
    policy = directives(client.get("/admin/"))

    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert response.status_code == 302


def post_report(client, body, content_type="application/csp-report", **extra):
    return client.post("/csp-report/", data=json.dumps(body), content_type=content_type, **extra)


def test_a_report_is_kept_without_address_query_or_visitor(client, home_page, a_member):
    client.force_login(a_member)
    body = {
        "csp-report": {
            "document-uri": "http://testserver/questions/?q=my+private+worry&token=secret",
            "effective-directive": "script-src-elem",
            "blocked-uri": "https://tracker.example/collect.js?user=robin@example.com",
            "source-file": "http://testserver/questions/?q=my+private+worry",
            "line-number": 12,
            "script-sample": "robin@example.com",
            "disposition": "enforce",
        }
    }

    response = post_report(client, body, REMOTE_ADDR="203.0.113.9")
    post_report(client, body, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 204
    report = CspReport.objects.get()
    assert (report.directive, report.blocked, report.source, report.line, report.count) == (
        "script-src-elem",
        "https://tracker.example",
        "page",
        12,
        2,
    )
    assert report.page.startswith("page:")
    stored = json.dumps(list(CspReport.objects.values()), default=str)
    for secret in ("worry", "secret", "robin", "203.0.113.9"):
        assert secret not in stored
    fields = {field.name for field in CspReport._meta.get_fields()}
    assert fields == {
        "id",
        "directive",
        "blocked",
        "page",
        "source",
        "line",
        "enforced",
        "count",
        "first_seen",
        "last_seen",
    }


def test_reporting_api_format_is_read(client, home_page):
    body = [
        {
            "type": "csp-violation",
            "url": "http://testserver/",
            "body": {
                "documentURL": "http://testserver/",
                "effectiveDirective": "style-src-attr",
                "blockedURL": "inline",
                "sourceFile": "http://testserver/static/js/site.js",
                "lineNumber": 3,
                "disposition": "report",
            },
        }
    ]

    assert post_report(client, body, content_type="application/reports+json").status_code == 204

    report = CspReport.objects.get()
    assert (report.blocked, report.source, report.enforced) == ("inline", "/static/js/site.js", False)


def test_reports_need_no_csrf_token_but_are_rate_limited_and_bounded(home_page, settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    settings.CSP_REPORTS_PER_MINUTE = 3
    body = {"csp-report": {"document-uri": "http://testserver/", "effective-directive": "img-src"}}

    statuses = [post_report(client, body).status_code for _ in range(4)]
    assert statuses == [204, 204, 204, 429]
    assert CspReport.objects.get().count == 3

    assert client.get("/csp-report/").status_code == 405


def test_oversized_or_foreign_bodies_are_refused(client, home_page):
    big = {"csp-report": {"document-uri": "http://testserver/", "x": "a" * 20_000}}

    assert post_report(client, big).status_code == 413
    assert client.post("/csp-report/", data="x", content_type="text/plain").status_code == 415
    assert post_report(client, "not a report", content_type="application/json").status_code == 204
    assert CspReport.objects.count() == 0
