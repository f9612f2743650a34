from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

WAGTAIL_ADMIN = "/admin/"
DJANGO_ADMIN = "/django-admin/"


def may_enter_admin(user, path):
    """Whether `user` has the rights of the admin that `path` belongs to:
    Wagtail's access_admin permission, or Django admin's is_staff."""
    if not user.is_active:
        return False
    if path.startswith(DJANGO_ADMIN):
        return user.is_staff
    return user.has_perm("wagtailadmin.access_admin")


def has_totp(user):
    return get_mfa_adapter().is_mfa_enabled(user, types=[Authenticator.Type.TOTP])


def passed_two_factor(request):
    """Whether this session (not merely this account) got past a second
    factor: allauth records each authentication method used in the session."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class AdminTwoFactorMiddleware:
    """Every way into the Wagtail and the Django admin ends here.

    - Logged-out visitors pass: each admin sends them to its login URL, which
      config/urls.py routes to allauth's login (rate limits, then the TOTP code).
    - Logged-in people without admin rights (members, specialists) see a plain
      "no access" page; the admins would send them to log in again, in a loop.
    - Staff without TOTP are sent to set it up; staff whose session did not pass
      the second factor (a password-only login by whatever door) are asked for
      their code before anything of the admin is shown."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info  # what URLs are matched on, whatever the script prefix
        if path.startswith((WAGTAIL_ADMIN, DJANGO_ADMIN)) and request.user.is_authenticated:
            user = request.user
            if not may_enter_admin(user, path):
                return render(request, "accounts/admin_no_access.html", status=403)
            query = urlencode({"next": request.get_full_path()})
            if not has_totp(user):
                messages.warning(
                    request,
                    _("Set up two-factor authentication to use the admin. It protects the people whose posts you see."),
                )
                return redirect(reverse("mfa_activate_totp") + "?" + query)
            if not passed_two_factor(request):
                messages.info(request, _("Enter the code from your authenticator app to open the admin."))
                return redirect(reverse("mfa_reauthenticate") + "?" + query)
        return self.get_response(request)


class UserSessionActivityMiddleware:
    """Keeps the "logged-in browsers" list (allauth's UserSession) up to date
    without a database write on every request.

    allauth's own middleware saves the session row on each request, media and
    all; under SQLite that turns a page with a few images into parallel writers
    and "database is locked". Here a browser's row is refreshed at most once
    per ACTIVITY_INTERVAL (counted in the shared cache), and never for static
    files or media. allauth still records the row at login."""

    ACTIVITY_INTERVAL = 5 * 60
    SKIPPED_PREFIXES = (settings.STATIC_URL, settings.MEDIA_URL)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self._track(request)
        return self.get_response(request)

    def _track(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated or not session.session_key:
            return
        if request.path.startswith(self.SKIPPED_PREFIXES):
            return
        # cache.add is atomic: one request in the interval wins the write.
        # While the shared cache does not answer it adds nothing, so the
        # refresh waits for it rather than writing on every request.
        if cache.add(f"usersession-seen:{session.session_key}", 1, self.ACTIVITY_INTERVAL):
            UserSession.objects.create_from_request(request, user=user, session=session)
