from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import ContactMessage
from .tasks import send_contact_message

CONTACT_MESSAGES_PER_DAY = 5
DUPLICATE_WINDOW = timedelta(minutes=10)


class ContactLimitReached(Exception):
    pass


def contact_message_send(*, user, subject, message):
    """Store a member's message and e-mail it to the team after commit.

    A double submit returns the message already stored; more than a few a day
    are refused (the limit is also what stops this form being a spam relay)."""
    with transaction.atomic():
        # Lock the member's row so two simultaneous submits are counted in turn.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        recent = ContactMessage.objects.filter(user=user, created_at__gte=timezone.now() - timedelta(days=1))
        same = recent.filter(
            subject=subject, message=message, created_at__gte=timezone.now() - DUPLICATE_WINDOW
        ).first()
        if same:
            return same
        if recent.count() >= CONTACT_MESSAGES_PER_DAY:
            raise ContactLimitReached
        contact = ContactMessage.objects.create(user=user, subject=subject, message=message)
        transaction.on_commit(lambda: send_contact_message.enqueue(contact_id=contact.pk))
    return contact
