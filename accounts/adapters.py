from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib.auth.models import Group

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


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted
    (accounts/encryption.py), so a database dump or an admin page does not
    hand out second factors."""

    def encrypt(self, text):
        return secret_encrypt(text)

    def decrypt(self, encrypted_text):
        return secret_decrypt(encrypted_text)
