"""Encrypt the two-factor secrets stored before MFA_ADAPTER encrypted them."""

from django.db import migrations

from accounts.encryption import authenticator_data_map, is_encrypted, secret_decrypt, secret_encrypt


def _transform_all(apps, transform):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        data = authenticator_data_map(authenticator.data, transform)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def encrypt_secrets(apps, schema_editor):
    _transform_all(apps, lambda value: value if is_encrypted(value) else secret_encrypt(value))


def decrypt_secrets(apps, schema_editor):
    _transform_all(apps, lambda value: secret_decrypt(value) if is_encrypted(value) else value)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_roles"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
