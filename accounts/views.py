from allauth.account import views as allauth_views
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.generic import RedirectView

from core import shared_cache

from . import member_data, selectors
from .forms import DeleteAccountForm, ProfileForm
from .services import user_data_export, user_data_export_json, user_delete


def _account_context(request, profile_form=None):
    user = request.user
    return {
        "profile_form": profile_form or ProfileForm(instance=user),
        "email_addresses": user.emailaddress_set.all(),
        "has_totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "sessions": UserSession.objects.purge_and_list(user),
        "consents": user.consents.all(),
    }


@login_required
@require_safe
def account_home(request):
    return render(request, "accounts/account_home.html", _account_context(request))


@login_required
@require_POST
def profile_update(request):
    form = ProfileForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your settings are saved."))
        return redirect("account_home")
    return render(request, "accounts/account_home.html", _account_context(request, form), status=400)


@login_required
@require_safe
def data_summary(request):
    """A readable page of everything the export file contains."""
    export = user_data_export(user=request.user)
    templates = member_data.export_templates()
    # Sections an app draws itself (a conversation whole) come first, in its own words.
    sections = [
        {"template": templates[name], "section": section}
        for name, section in export["sections"].items()
        if name in templates
    ]
    context = {
        "export": export,
        "sections": sections,
        "profile": selectors.profile_summary(export),
        "kinds": selectors.data_summary(export, user_pk=request.user.pk, sections=export["sections"].keys()),
    }
    return render(request, "accounts/data_summary.html", context)


@login_required
@require_safe
def data_download(request):
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = HttpResponse(user_data_export_json(user=request.user), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="steady-ground-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            user = request.user
            logout(request)
            user_delete(user=user, request=request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect("/")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/account_delete.html", {"form": form}, status=400 if form.is_bound else 200)


class AllauthDoorView(RedirectView):
    """Sends a login-ish URL of the Wagtail or Django admin to allauth's view.
    GETs get a plain redirect; other methods keep theirs (307), so a logout
    form posted to the admin's URL logs out through allauth."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") and response.status_code == 302:
            response.status_code = 307
        return response


class RefusedWithoutSharedCache:
    """For allauth's views whose POST is counted in the shared cache: when the
    cache does not answer, the form comes back with the refusal (what was
    typed kept, never a password), 503 and Retry-After, before allauth counts
    anything (its limits would count nothing: uncounted, passwords could be
    guessed and mailboxes flooded). README "Redis going away"."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and not shared_cache.available():
            form = self.get_form()
            form.refused = True  # accounts.forms.CountedInSharedCacheMixin
            form.is_valid()
            return shared_cache.refused(self.form_invalid(form))
        return super().dispatch(request, *args, **kwargs)


class LoginView(RefusedWithoutSharedCache, allauth_views.LoginView):
    pass


class SignupView(RefusedWithoutSharedCache, allauth_views.SignupView):
    pass


class PasswordResetView(RefusedWithoutSharedCache, allauth_views.PasswordResetView):
    pass
