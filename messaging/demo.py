"""The demo's conversation (seed_demo): the demo member has written to the
demo specialist, who replied; the member's latest message waits unread, so
the specialist's header shows it. Our own words."""

import datetime

from django.utils import timezone

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
        0,
        8,
    ),
]


def _at(today, days_ago, hour):
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(hour, 0))
    return timezone.make_aware(moment, datetime.UTC)


def build_demo_conversation(*, member, specialist_page, today):
    """The demo conversation (idempotent): returns it."""
    specialist = specialist_page.user
    conversation, created = Conversation.objects.get_or_create(
        member=member, specialist=specialist, defaults={"specialist_page": specialist_page}
    )
    if not created:
        return conversation
    unread = {"member": 0, "specialist": 0}
    last = None
    for side, text, days_ago, hour in MESSAGES:
        message = Message.objects.create(
            conversation=conversation,
            sender=member if side == "member" else specialist,
            sender_side=side,
            body=text,
        )
        last = _at(today, days_ago, hour)
        Message.objects.filter(pk=message.pk).update(created_at=last)
        # Unread: what the other side wrote after their own last message.
        other = "specialist" if side == "member" else "member"
        unread[other] += 1
        unread[side] = 0
    Conversation.objects.filter(pk=conversation.pk).update(
        created_at=_at(today, MESSAGES[0][2], MESSAGES[0][3]),
        last_message_at=last,
        member_unread=unread["member"],
        specialist_unread=unread["specialist"],
    )
    conversation.refresh_from_db()
    return conversation
