from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.encryption import authenticator_data_map, secret_reencrypt


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored two-factor secret with the first key of DJANGO_MFA_ENCRYPTION_KEYS "
        "(run after putting a new key in front; then the old keys can be removed)."
    )

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update():
                authenticator.data = authenticator_data_map(authenticator.data, secret_reencrypt)
                authenticator.save(update_fields=["data"])
                count += 1
        self.stdout.write(f"Re-encrypted the secrets of {count} two-factor devices.")
