from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import needs_two_factor

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class AdminTwoFactorMiddleware:
    """Moderators and editors set up two-factor authentication before they
    reach the Wagtail (or Django) admin. Members are never asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIXES) and needs_two_factor(request.user):
            messages.warning(
                request,
                _("Set up two-factor authentication to use the admin. It protects the people whose posts you see."),
            )
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)
