"""E-mails about messages, through Django's task interface (core.mail).
Enqueued after commit by messaging.services."""

from django.contrib.auth import get_user_model
from django_tasks import task

from core import mail


@task()
def send_new_message_email(*, conversation_id, recipient_id):
    """Tell `recipient` there is a new message in a conversation, with a link
    and never the text; only while it is still unread (they may have read it
    before the worker ran) and their "new messages" preference is on."""
    from .models import Conversation

    conversation = Conversation.objects.filter(pk=conversation_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id).first()
    if conversation is None or recipient is None:
        return False
    side = conversation.side_of(recipient)
    if side is None or not getattr(conversation, f"{side}_unread"):
        return False
    return mail.deliver(
        kind="messages",
        user=recipient,
        template="messaging/email/new_message",
        context={
            "conversation_url": mail.absolute_url(conversation.get_absolute_url()),
            "as_specialist": side == "specialist",
        },
    )
