import base64
import hashlib
import hmac
import struct
import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt

from .models import User

# allauth's defaults (MFA_TOTP_PERIOD, MFA_TOTP_DIGITS), which authenticator apps assume.
TOTP_PERIOD = 30
TOTP_DIGITS = 6


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.com")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Members have a verified primary address unless verified=False."""
        if not create:
            return
        EmailAddress.objects.get_or_create(
            user=obj, email=obj.email, defaults={"primary": True, "verified": extracted is not False}
        )


def give_totp(user, secret):
    """Turn on two-factor authentication for `user` with a known TOTP secret,
    stored encrypted through the MFA adapter as allauth's own setup stores it.
    Returns the Authenticator (its .wrap() checks codes)."""
    return Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)})


def current_totp_code(secret, *, periods_ahead=0):
    """The code an authenticator app shows now for `secret` (RFC 6238:
    HMAC-SHA1 over 30-second periods, 6 digits). Written out here rather than
    borrowed from allauth's internals, so tests check allauth against the
    standard that real authenticator apps follow."""
    counter = int(time.time()) // TOTP_PERIOD + periods_ahead
    digest = hmac.new(base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**TOTP_DIGITS:0{TOTP_DIGITS}d}"
