"""Who may do what in messaging. Pure checks on the user (and the
conversation or message): the services enforce them, views ask them to show
or hide actions."""

from accounts.roles import has_verified_email

MODERATE_PERMISSION = "messaging.change_messagereport"


def member_can_message(*, user):
    return bool(user and user.is_authenticated and user.is_active and has_verified_email(user))


def member_can_write_to(*, user, page):
    """A specialist page has someone to write to, and it is not the member themselves."""
    return page.user_id is not None and page.user_id != user.pk


def can_unblock(*, user, conversation):
    """Only the person who blocked can open the conversation again."""
    return conversation.blocked_by_id is not None and conversation.blocked_by_id == user.pk


def can_report(*, user, message):
    """A participant reports what the other side wrote, while it is there."""
    return message.conversation.side_of(user) is not None and message.sender_id != user.pk and not message.erased


def can_moderate(user):
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))
