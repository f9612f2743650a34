"""Response headers that hold for the whole site."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control


class PrivateResponsesMiddleware:
    """Nothing personal is kept by a browser cache or a shared one.

    - The account area (settings, data summary and download, e-mail, two-factor,
      sessions: our views and allauth's, all under the account URL) is never
      stored at all (`no-store`): on a shared computer, Back after logging out
      must not bring it back.
    - Every other response to a logged-in visitor is `private`, so no proxy or
      CDN keeps one member's page for another."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._account_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self._account_prefix is None:
            self._account_prefix = reverse("account_home")
        if request.path.startswith(self._account_prefix):
            add_never_cache_headers(response)
        elif getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response


class SecurityHeadersMiddleware:
    """Headers Django has no setting for, on every response (static files too):
    Permissions-Policy (settings.PERMISSIONS_POLICY: each feature with the
    origins allowed to use it, none for off) and Cross-Origin-Resource-Policy
    (settings.CROSS_ORIGIN_RESOURCE_POLICY). The same bytes for everyone, so
    cached pages keep them.

    Over HTTPS, where cookies are Secure (SESSION_COOKIE_SECURE), every cookie
    a response sets is Secure, deletions included: Django deletes the messages,
    session and CSRF cookies without the flag."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {}
        features = getattr(settings, "PERMISSIONS_POLICY", {})
        if features:
            self.headers["Permissions-Policy"] = ", ".join(
                f"{feature}=({' '.join(origins)})" for feature, origins in features.items()
            )
        corp = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "")
        if corp:
            self.headers["Cross-Origin-Resource-Policy"] = corp

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        if response.cookies and settings.SESSION_COOKIE_SECURE and request.is_secure():
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with two policies: the site's
    (settings.CONTENT_SECURITY_POLICY) and, under settings.CSP_ADMIN_URL_PREFIXES,
    the admins' (settings.ADMIN_CONTENT_SECURITY_POLICY), which the Wagtail
    editor needs looser. A view's own @csp/@csp_update/@csp_replace still win.

    Where a policy reports with report-to, the response names that group's
    endpoint in Reporting-Endpoints (the same value for every reader)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.CSP_ADMIN_URL_PREFIXES):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        if request.path_info.startswith(settings.CSP_ADMIN_URL_PREFIXES):
            # The editor's preview renders the page through the middleware
            # again, which gives it the site's policy; inside the admin's
            # preview frame it is an admin response.
            response.headers.pop(HEADER, None)
        response = super().process_response(request, response)
        policy = response.get(HEADER, "")
        if f"report-to {settings.CSP_REPORT_GROUP}" in policy and "Reporting-Endpoints" not in response:
            response["Reporting-Endpoints"] = f'{settings.CSP_REPORT_GROUP}="{settings.CSP_REPORT_URL}"'
        return response
