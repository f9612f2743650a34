"""Reads for messaging that must stay at a fixed number of queries."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q

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


def conversation_messages(conversation):
    """Every message of the thread, oldest first, in one query."""
    return list(Message.objects.filter(conversation=conversation).order_by("created_at", "pk"))
