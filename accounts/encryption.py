"""Encryption at rest of two-factor secrets (TOTP keys, recovery-code seeds).

allauth stores them through its MFA adapter's encrypt()/decrypt() hooks
(accounts.adapters.MFAAdapter). Keys come from DJANGO_MFA_ENCRYPTION_KEYS
(comma-separated: the first encrypts, every one decrypts, so a new key can be
put in front of the old one); without it, from SECRET_KEY. Each key is any
long random string, stretched into a Fernet key (AES-128-CBC + HMAC-SHA256).
"""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"


class SecretUnreadable(Exception):
    """A stored secret that none of the configured keys decrypts."""


def _fernet_key(passphrase):
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"steady-ground.accounts", info=b"mfa-secrets").derive(
        passphrase.encode()
    )
    return base64.urlsafe_b64encode(derived)


@lru_cache(maxsize=4)
def _cipher(passphrases):
    if not passphrases or not all(passphrases):
        raise ImproperlyConfigured("Two-factor secrets need DJANGO_MFA_ENCRYPTION_KEYS or a SECRET_KEY.")
    return MultiFernet([Fernet(_fernet_key(passphrase)) for passphrase in passphrases])


def cipher():
    passphrases = tuple(getattr(settings, "MFA_ENCRYPTION_KEYS", None) or [settings.SECRET_KEY])
    return _cipher(passphrases)


def is_encrypted(stored):
    return isinstance(stored, str) and stored.startswith(PREFIX)


def secret_encrypt(text):
    return PREFIX + cipher().encrypt(text.encode()).decode("ascii")


def secret_decrypt(stored):
    if not is_encrypted(stored):
        raise SecretUnreadable("This two-factor secret is not encrypted: run the migrations.")
    try:
        return cipher().decrypt(stored.removeprefix(PREFIX).encode("ascii")).decode()
    except InvalidToken as error:
        raise SecretUnreadable("No configured key decrypts this two-factor secret.") from error


def secret_reencrypt(stored):
    """The same secret under the first (newest) key."""
    return PREFIX + cipher().rotate(stored.removeprefix(PREFIX).encode("ascii")).decode("ascii")


def authenticator_data_map(data, transform):
    """`data` of an allauth Authenticator with each secret in it passed
    through `transform` (TOTP: secret; recovery codes: seed, migrated codes)."""
    data = dict(data)
    for field in ("secret", "seed"):
        if field in data:
            data[field] = transform(data[field])
    if data.get("migrated_codes") is not None:
        data["migrated_codes"] = [transform(code) for code in data["migrated_codes"]]
    return data
