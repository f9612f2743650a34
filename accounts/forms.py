from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import shared_cache
from core.forms import MemberTextMixin

from .models import User

PRIVACY_PAGE_SLUG = "privacy"


def clean_display_name(value):
    name = " ".join((value or "").split())
    if not name:
        raise forms.ValidationError(_("Please choose a display name."))
    if "@" in name:
        raise forms.ValidationError(_("Please don't use an e-mail address as your display name: others see it."))
    return name


class CountedInSharedCacheMixin:
    """A form of allauth's whose sending is counted in the shared cache (its
    rate limits). `refused` (set by accounts.views.RefusedWithoutSharedCache
    when the cache does not answer) puts core.shared_cache.REFUSAL on the form
    before allauth's own checks run, so nothing is counted or done and what
    was typed is shown again."""

    refused = False

    def clean(self):
        if self.refused:
            raise forms.ValidationError(shared_cache.REFUSAL, code="shared_cache_unavailable")
        return super().clean()


class LoginForm(CountedInSharedCacheMixin, AllauthLoginForm):
    pass


class ResetPasswordForm(CountedInSharedCacheMixin, AllauthResetPasswordForm):
    pass


class SignupForm(CountedInSharedCacheMixin, MemberTextMixin, AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown next to what you post. A nickname is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    health_data_consent = forms.BooleanField(
        label=_("I agree that Steady Ground may process what I share about my health to provide this service."),
        help_text=_("Required because health information is sensitive. You can delete everything at any time."),
        error_messages={"required": _("We can only create an account if you agree to this.")},
    )

    field_order = ["display_name", "email", "password1", "password2", "health_data_consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The editors' privacy page, wherever they placed it.
        privacy = Page.objects.live().filter(slug=PRIVACY_PAGE_SLUG).order_by("depth", "pk").first()
        if privacy is not None and privacy.url:
            field = self.fields["health_data_consent"]
            link = format_html('<a href="{}">{}</a>', privacy.url, _("How we handle your data"))
            field.help_text = format_html("{} {}", field.help_text, link)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])


class ProfileForm(MemberTextMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "default_anonymous",
            "notify_answers",
            "notify_comment_replies",
            "notify_messages",
            "notify_consultations",
        ]

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        error_messages={"required": _("Please tick this box to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your current password."))
        return password
