"""The demo's conversation (seed_demo): the demo member has written to the
demo specialist, who replied; the member's latest message waits unread, so
the specialist's header shows it. Our own words, sent through
messaging.services."""

import datetime

from django.utils import timezone

from . import services
from .models import Conversation, Message

# (side, text, days ago, hour)
MESSAGES = [
    (
        "member",
        "Hello Dr Hale, I read your article on attachment wounds and recognised a lot of it. "
        "My partner and I keep having the same argument about time together. "
        "Is that something you work on with couples?",
        3,
        9,
    ),
    (
        "specialist",
        "Thank you for writing, and I'm glad the article was useful. Yes: the same argument "
        "coming back is often about what each of you needs to feel close, more than about the "
        "calendar. We could start with the free 30-minute conversation to see whether working "
        "together suits you both.",
        2,
        14,
    ),
    (
        "member",
        "That sounds good. Would an evening online work? We are both free after 7 on weekdays.",
        # Yesterday evening: a time of today could still be to come when the demo is seeded.
        1,
        20,
    ),
]


def _at(today, days_ago, hour):
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(hour, 0))
    return timezone.make_aware(moment, datetime.UTC)


def build_demo_conversation(*, member, specialist_page, today):
    """The demo conversation (idempotent), written through the services members
    use, so the unread counters are theirs; only the dates are set afterwards.
    Returns it."""
    specialist = specialist_page.user
    conversation = Conversation.objects.filter(member=member, specialist=specialist).first()
    if conversation is not None:
        return conversation
    people = {"member": member, "specialist": specialist}
    _side, first_text, _days, _hour = MESSAGES[0]
    conversation, _message = services.conversation_start(member=member, page=specialist_page, body=first_text)
    for side, text, _days, _hour in MESSAGES[1:]:
        # Each side read what came before it answered.
        services.conversation_mark_read(conversation=conversation, user=people[side])
        services.message_send(conversation=conversation, sender=people[side], body=text)
    dates = [_at(today, days_ago, hour) for _side, _text, days_ago, hour in MESSAGES]
    for message, moment in zip(conversation.messages.order_by("pk"), dates, strict=True):
        Message.objects.filter(pk=message.pk).update(created_at=moment)
    Conversation.objects.filter(pk=conversation.pk).update(created_at=dates[0], last_message_at=dates[-1])
    conversation.refresh_from_db()
    return conversation
