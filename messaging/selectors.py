"""Reads for messaging that must stay at a fixed number of queries."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q

from .models import Conversation, Message


def inbox_page(*, user, page_number):
    """`user`'s conversations, newest activity first, each with `other_name`,
    `unread` and `other_url` for the list: two queries per page whatever its size."""
    conversations = (
        Conversation.objects.filter(Q(member=user) | Q(specialist=user))
        .select_related("member", "specialist", "specialist_page")
        .order_by("-last_message_at", "-created_at")
    )
    page_obj = Paginator(conversations, settings.MESSAGING_CONVERSATIONS_PER_PAGE).get_page(page_number)
    for conversation in page_obj.object_list:
        annotate_for(conversation, user)
    return page_obj


def annotate_for(conversation, user):
    """What `user` sees of `conversation`: whom they talk with and their unread count."""
    side = conversation.side_of(user)
    conversation.viewer_side = side
    conversation.unread = getattr(conversation, f"{side}_unread")
    if side == "member":
        page = conversation.specialist_page
        conversation.other_name = (
            page.title if page is not None and not conversation.specialist_deleted else str(_deleted())
        )
        conversation.other_deleted = conversation.specialist_deleted
    else:
        member = conversation.member
        conversation.other_name = member.display_name if member is not None else str(_deleted())
        conversation.other_deleted = conversation.member_deleted
    return conversation


def _deleted():
    from .models import DELETED_NAME

    return DELETED_NAME


def conversation_for_participant(*, pk, user):
    """The conversation `pk` if `user` takes part in it, else None (the view
    answers 404: staff included, and an id that does not exist looks the same)."""
    if not user.is_authenticated:
        return None
    conversation = (
        Conversation.objects.filter(Q(member=user) | Q(specialist=user), pk=pk)
        .select_related("member", "specialist", "specialist_page")
        .first()
    )
    return annotate_for(conversation, user) if conversation is not None else None


@dataclass
class ThreadPage:
    """One screen of a conversation: `messages` oldest first, `earlier` the
    id to pass as ?before= for the messages before them (None at the start),
    `is_latest` when it ends with the newest message."""

    messages: list
    earlier: int | None
    is_latest: bool


def parse_before(value):
    """?before= from the request: a message id, or None for anything else."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def conversation_thread(conversation, *, before=None, size=None):
    """The latest `size` messages of the thread (or the `size` before message
    id `before`), oldest first: one query whatever the thread's length (one
    extra row tells whether there are earlier ones)."""
    size = size or settings.MESSAGING_MESSAGES_PER_PAGE
    messages = Message.objects.filter(conversation=conversation)
    if before is not None:
        messages = messages.filter(pk__lt=before)
    # Ids grow with every message sent, so the newest have the highest ids.
    newest_first = list(messages.order_by("-pk")[: size + 1])
    has_earlier = len(newest_first) > size
    shown = newest_first[:size][::-1]
    return ThreadPage(
        messages=shown,
        earlier=shown[0].pk if has_earlier and shown else None,
        is_latest=before is None,
    )


def member_wrote_crisis(conversation):
    """Whether any of the member's messages matched the crisis detector, on
    any page of the thread: one query."""
    return Message.objects.filter(conversation=conversation, sender_side="member", crisis=True).exists()


def conversations_export(*, user):
    """`user`'s conversations whole, for their data export: both sides'
    messages, oldest first, each with who wrote it ("you", or the other
    side's name as `user` sees it) and when. Two queries whatever the number
    of conversations and messages."""
    conversations = (
        Conversation.objects.filter(Q(member=user) | Q(specialist=user))
        .select_related("member", "specialist", "specialist_page")
        .prefetch_related(Prefetch("messages", queryset=Message.objects.order_by("created_at", "pk")))
        .order_by("created_at", "pk")
    )
    exported = []
    for conversation in conversations:
        annotate_for(conversation, user)
        side = conversation.viewer_side
        exported.append(
            {
                "id": str(conversation.pk),
                "with": conversation.other_name,
                "you_are": side,
                "started": conversation.created_at,
                "last_message": conversation.last_message_at,
                "closed": conversation.is_closed,
                "messages": [
                    {
                        "from": "you" if message.sender_side == side else conversation.other_name,
                        "by_you": message.sender_side == side,
                        "sent": message.created_at,
                        "text": message.body,
                        "erased": message.erased,
                    }
                    for message in conversation.messages.all()
                ],
            }
        )
    return {"conversations": exported}
