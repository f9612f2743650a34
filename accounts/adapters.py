from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib.auth.models import Group
from wagtail.models import Site

from core.http import site_root_url, site_url

from .encryption import secret_decrypt, secret_encrypt
from .roles import MEMBERS
from .services import consent_record

# The message tag on the logged-out page that makes the browser drop its drafts.
LOGGED_OUT_TAG = "drafts-clear"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"]
        if commit:
            user.save()
            consent_record(user=user)
            members, _ = Group.objects.get_or_create(name=MEMBERS)
            user.groups.add(members)
        return user

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        # The page that says "You are logged out" also clears the drafts left
        # in this browser (static/js/drafts.js reads the tag): a shared
        # computer keeps nobody's unsent words.
        if message_template == "account/messages/logged_out.txt":
            extra_tags = f"{extra_tags} {LOGGED_OUT_TAG}".strip()
        return super().add_message(
            request, level, message_template, message_context, extra_tags=extra_tags, message=message
        )

    # Account e-mails name the site and link to it as every other absolute
    # link does: from the configured Wagtail site (core.http.site_root_url),
    # never from the Host header of the request that asked for the e-mail.
    def _on_the_site(self, url):
        parts = urlsplit(url)
        return site_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)), self.request)

    def get_reset_password_from_key_url(self, key):
        return self._on_the_site(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return self._on_the_site(super().get_email_confirmation_url(request, emailconfirmation))

    def send_mail(self, template_prefix, email, context):
        root = site_root_url(self.request)
        site = Site.find_for_request(self.request) if self.request is not None else None
        host = urlsplit(root).netloc
        current_site = SimpleNamespace(domain=host, name=(site.site_name if site else "") or host)
        return super().send_mail(template_prefix, email, {"current_site": current_site, **context})


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted
    (accounts/encryption.py), so a database dump or an admin page does not
    hand out second factors."""

    def encrypt(self, text):
        return secret_encrypt(text)

    def decrypt(self, encrypted_text):
        return secret_decrypt(encrypted_text)
