from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

DEFAULT_ACTION = _("do this")


def _section(kwargs):
    """The page a routed view was handed (`section`, the directory's `directory`, a
    landing page's `page`): the menu marks the section it lies in."""
    return next((kwargs[name] for name in ("section", "directory", "page") if kwargs.get(name) is not None), None)


def member_required(action=DEFAULT_ACTION, *, login_redirect_on_get=False):
    """For member actions: a logged-out visitor gets a plain sentence saying
    they need to log in, with log in / sign up links that bring them back
    (allauth checks `next` against open redirects).

    With `login_redirect_on_get`, for pages a visitor opens from a link (the
    ask form), a GET goes straight to the login form with `next` back here.
    A view a section's page hands over to (`section=`) keeps that section
    marked in the menu."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated and login_redirect_on_get and request.method in ("GET", "HEAD"):
                return redirect_to_login(request.get_full_path())
            if not request.user.is_authenticated:
                return render(
                    request,
                    "accounts/login_required.html",
                    {"action": action, "next": request.get_full_path(), "section": _section(kwargs)},
                    status=403,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
