"""TOTP secrets and recovery-code seeds are encrypted at rest and shown by no
admin page."""

import importlib
import re

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps as real_apps
from django.core.management import call_command

from accounts import encryption
from accounts.factories import UserFactory, current_totp_code, give_totp
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_the_stored_totp_secret_is_not_the_secret(a_member):
    give_totp(a_member, SECRET)
    stored = Authenticator.objects.get(user=a_member, type=Authenticator.Type.TOTP).data["secret"]
    assert SECRET not in stored
    assert stored.startswith(encryption.PREFIX)
    assert encryption.secret_decrypt(stored) == SECRET


def test_an_encrypted_secret_still_checks_codes(a_member):
    totp = give_totp(a_member, SECRET).wrap()
    assert totp.validate_code(current_totp_code(SECRET))
    assert not totp.validate_code("000000")


def test_recovery_code_seeds_are_encrypted_too(client, a_member, home_page):
    # Set up as a member does: the activation page, then a code; allauth
    # makes the recovery codes with it.
    client.post("/accounts/login/", {"login": a_member.email, "password": "a-long-test-password"})
    client.post("/accounts/reauthenticate/", {"password": "a-long-test-password"})
    secret = re.search(r"\b([A-Z2-7]{32})\b", client.get("/accounts/2fa/totp/activate/").content.decode()).group(1)
    assert client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)}).status_code == 302
    codes = Authenticator.objects.get(user=a_member, type=Authenticator.Type.RECOVERY_CODES)
    assert codes.data["seed"].startswith(encryption.PREFIX)
    assert len(codes.wrap().generate_codes()) == 10


def test_another_key_cannot_read_the_secret(a_member, settings):
    give_totp(a_member, SECRET)
    settings.MFA_ENCRYPTION_KEYS = ["a-different-key-entirely-" + "y" * 20]
    stored = Authenticator.objects.get(user=a_member, type=Authenticator.Type.TOTP).data["secret"]
    with pytest.raises(encryption.SecretUnreadable):
        encryption.secret_decrypt(stored)


def test_rotating_the_key_keeps_devices_working(a_member, settings):
    settings.MFA_ENCRYPTION_KEYS = ["old-key-" + "o" * 30]
    give_totp(a_member, SECRET)
    settings.MFA_ENCRYPTION_KEYS = ["new-key-" + "n" * 30, "old-key-" + "o" * 30]
    call_command("mfa_reencrypt", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.MFA_ENCRYPTION_KEYS = ["new-key-" + "n" * 30]
    authenticator = Authenticator.objects.get(user=a_member, type=Authenticator.Type.TOTP)
    assert authenticator.wrap().validate_code(current_totp_code(SECRET))


def test_the_migration_encrypts_secrets_stored_in_the_clear(a_member):
    plain = Authenticator.objects.create(user=a_member, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    codes = Authenticator.objects.create(
        user=a_member, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "ab" * 40, "used_mask": 0}
    )
    migration = importlib.import_module("accounts.migrations.0004_encrypt_two_factor_secrets")
    migration.encrypt_secrets(real_apps, None)
    migration.encrypt_secrets(real_apps, None)  # twice: nothing is encrypted twice
    plain.refresh_from_db()
    codes.refresh_from_db()
    assert encryption.secret_decrypt(plain.data["secret"]) == SECRET
    assert encryption.secret_decrypt(codes.data["seed"]) == "ab" * 40
    assert codes.data["used_mask"] == 0


def test_no_admin_page_shows_a_secret(client, a_member):
    root = UserFactory(email="root.secrets@example.com", is_staff=True, is_superuser=True)
    give_totp(root, SECRET)
    give_totp(a_member, "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U")
    device = Authenticator.objects.get(user=a_member, type=Authenticator.Type.TOTP)
    stored = device.data["secret"]
    log_in_with_two_factor(client, root)
    pages = [
        "/django-admin/mfa/authenticator/",
        f"/django-admin/mfa/authenticator/{device.pk}/change/",
        f"/django-admin/accounts/user/{a_member.pk}/change/",
        f"/admin/users/edit/{a_member.pk}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U" not in html, url
        assert stored[len(encryption.PREFIX) :][:20] not in html, url
        assert 'name="data"' not in html, url
    assert client.post(f"/django-admin/mfa/authenticator/{device.pk}/change/", {"data": "{}"}).status_code == 403
