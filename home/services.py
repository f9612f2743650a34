from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.guards import DAY, MemberError, count_since, first_since, user_row_lock

from .models.contact import ContactMessage
from .tasks import send_contact_message

CONTACT_MESSAGES_PER_DAY = 5
DUPLICATE_WINDOW = timedelta(minutes=10)


class ContactLimitReached(MemberError):
    message = _("You have sent several messages today. Please wait until tomorrow, or write to us by e-mail.")


def contact_message_send(*, user, subject, message):
    """Store a member's message and e-mail it to the team after commit.

    A double submit returns the message already stored; more than a few a day
    are refused (the limit is also what stops this form being a spam relay)."""
    with transaction.atomic():
        user_row_lock(user)
        theirs = ContactMessage.objects.filter(user=user)
        same = first_since(theirs.filter(subject=subject, message=message), window=DUPLICATE_WINDOW)
        if same:
            return same
        if count_since(theirs, window=DAY) >= CONTACT_MESSAGES_PER_DAY:
            raise ContactLimitReached
        contact = ContactMessage.objects.create(user=user, subject=subject, message=message)
        transaction.on_commit(lambda: send_contact_message.enqueue(contact_id=contact.pk))
    return contact
