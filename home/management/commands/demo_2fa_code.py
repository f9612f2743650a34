from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.factories import current_totp_code
from home import demo_content


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo staff accounts (local demo only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo codes are for local development only (DEBUG is off).")
        self.stdout.write(current_totp_code(demo_content.DEMO_TOTP_SECRET))
