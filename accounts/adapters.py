from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib.auth.models import Group

from .encryption import secret_decrypt, secret_encrypt
from .roles import MEMBERS
from .services import consent_record


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


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted
    (accounts/encryption.py), so a database dump or an admin page does not
    hand out second factors."""

    def encrypt(self, text):
        return secret_encrypt(text)

    def decrypt(self, encrypted_text):
        return secret_decrypt(encrypted_text)
