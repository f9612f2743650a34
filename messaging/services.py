"""Writes on conversations that have rules or side effects.

Every function is keyword-only and named <thing>_<action>. Access is checked
here too (views check it first, for the 404): a service never lets someone
write into a conversation they are not part of."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.log_actions import log

from core import shared_cache
from core.crisis import crisis_check
from core.guards import LimitReached, MemberError, NotAllowed

from . import permissions, tasks
from .models import Conversation, Message, MessageReport, MessagingSettings

__all__ = [
    "conversation_block",
    "conversation_for",
    "conversation_mark_read",
    "conversation_start",
    "conversation_unblock",
    "member_erase",
    "message_report",
    "message_send",
    "messaging_settings_update",
    "specialist_takes_conversations",
]


class ConversationClosed(MemberError):
    # Neutral on purpose: the blocked side is not told who closed it or why.
    message = _("This conversation is closed. New messages cannot be sent.")


class NotTakingConversations(MemberError):
    message = _("This specialist is not taking new conversations at the moment.")


class MessageLimitReached(LimitReached):
    message = _(
        "You have sent %(limit)s messages in the last hour, which is the limit. "
        "Your text is kept below: please send it a little later."
    )


class ConversationLimitReached(LimitReached):
    message = _(
        "You have started %(limit)s conversations today, which is the limit. "
        "Your text is kept below: please send it tomorrow."
    )


# Limits --------------------------------------------------------------------


def _limit_consume(*, name, user, limit, period):
    """Count one `name` action of `user` in the shared cache (django-ratelimit,
    as the site's other limits). False when the window already held `limit`.
    A cache that cannot count refuses the message (shared_cache.Unavailable):
    uncounted, anyone could flood a specialist's inbox."""
    if not shared_cache.available():
        raise shared_cache.Unavailable
    limited = is_ratelimited(
        None,  # counted per member, not per request
        group=f"messaging.{name}",
        key=lambda _group, _request: str(user.pk),
        rate=(limit, period),
        increment=True,
    )
    if limited and not shared_cache.answering():  # it went away meanwhile
        raise shared_cache.Unavailable
    return not limited


def _check_message_limit(user):
    limit = settings.MESSAGING_MESSAGES_PER_HOUR
    if not _limit_consume(name="message", user=user, limit=limit, period=3600):
        raise MessageLimitReached(limit)


def _check_conversation_limit(user):
    limit = settings.MESSAGING_NEW_CONVERSATIONS_PER_DAY
    if not _limit_consume(name="conversation", user=user, limit=limit, period=86400):
        raise ConversationLimitReached(limit)


# Rules ---------------------------------------------------------------------


def specialist_takes_conversations(*, user):
    row = MessagingSettings.objects.filter(user=user).values_list("taking_new_conversations", flat=True).first()
    return row is None or row


def conversation_for(*, member, page):
    """The existing conversation between `member` and the specialist of `page`, or None."""
    if page.user_id is None:
        return None
    return Conversation.objects.filter(member=member, specialist_id=page.user_id).first()


def _clean_body(body):
    body = (body or "").strip()
    if not body:
        raise MemberError(_("Write a message first."))
    return body


# Conversations --------------------------------------------------------------


def conversation_start(*, member, page, body, token=None):
    """`member` writes to the specialist of `page`: the one conversation
    between them, started now or found, with `body` as a message in it.
    Returns (conversation, message)."""
    body = _clean_body(body)
    if not permissions.member_can_message(user=member):
        raise NotAllowed(_("Only members with a verified e-mail address can send messages."))
    specialist = page.user
    if specialist is None or not page.live or not page.is_verified or not specialist.is_active:
        raise NotAllowed(_("This specialist cannot receive messages here."))
    if specialist.pk == member.pk:
        raise NotAllowed(_("This is your own profile."))
    with transaction.atomic():
        existing = Conversation.objects.select_for_update().filter(member=member, specialist=specialist).first()
        if existing is not None:
            return existing, message_send(conversation=existing, sender=member, body=body, token=token)
        if not specialist_takes_conversations(user=specialist):
            raise NotTakingConversations()
        _check_conversation_limit(member)
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(member=member, specialist=specialist, specialist_page=page)
        except IntegrityError:
            # The same member started it in another request a moment ago.
            conversation = Conversation.objects.get(member=member, specialist=specialist)
        message = message_send(conversation=conversation, sender=member, body=body, token=token)
    return conversation, message


def message_send(*, conversation, sender, body, token=None):
    """`sender` writes `body` in `conversation`. A second submit with the same
    `token` returns the first message. The recipient is e-mailed after commit
    when this is their only unread message (one e-mail while they have not
    read the earlier ones), unless they turned message e-mails off."""
    body = _clean_body(body)
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        side = conversation.side_of(sender)
        if side is None:
            raise NotAllowed()
        if token is not None:
            duplicate = Message.objects.filter(conversation=conversation, sender=sender, token=token).first()
            if duplicate is not None:
                return duplicate
        if conversation.is_closed:
            raise ConversationClosed()
        _check_message_limit(sender)
        match = crisis_check(body)
        message = Message.objects.create(
            conversation=conversation,
            sender=sender,
            sender_side=side,
            body=body,
            token=token,
            crisis=match is not None,
        )
        counter = "specialist_unread" if side == "member" else "member_unread"
        Conversation.objects.filter(pk=conversation.pk).update(
            last_message_at=message.created_at, **{counter: F(counter) + 1}
        )
        unread = Conversation.objects.values_list(counter, flat=True).get(pk=conversation.pk)
        if unread == 1:
            recipient_id = conversation.specialist_id if side == "member" else conversation.member_id
            conversation_id = str(conversation.pk)
            transaction.on_commit(
                lambda: tasks.send_new_message_email.enqueue(conversation_id=conversation_id, recipient_id=recipient_id)
            )
    return message


def conversation_mark_read(*, conversation, user):
    """`user` has read everything in `conversation`."""
    side = conversation.side_of(user)
    if side is None:
        raise NotAllowed()
    counter = f"{side}_unread"
    Conversation.objects.filter(pk=conversation.pk, **{f"{counter}__gt": 0}).update(**{counter: 0})
    setattr(conversation, counter, 0)


def conversation_block(*, conversation, by):
    """Either participant closes the conversation for both. The other side
    is told only that it is closed."""
    if conversation.side_of(by) is None:
        raise NotAllowed()
    with transaction.atomic():
        updated = Conversation.objects.filter(pk=conversation.pk, blocked_by__isnull=True, blocked_at__isnull=True)
        updated.update(blocked_by=by, blocked_at=timezone.now())
        conversation.refresh_from_db()
    return conversation


def conversation_unblock(*, conversation, by):
    """Only the person who blocked can open the conversation again."""
    if not permissions.can_unblock(user=by, conversation=conversation):
        raise NotAllowed()
    Conversation.objects.filter(pk=conversation.pk).update(blocked_by=None, blocked_at=None)
    conversation.refresh_from_db()
    return conversation


def messaging_settings_update(*, user, taking_new_conversations):
    MessagingSettings.objects.update_or_create(
        user=user, defaults={"taking_new_conversations": taking_new_conversations}
    )


# Reports --------------------------------------------------------------------


def message_report(*, message, by, reason, note=""):
    """A participant reports a message the other side wrote, once. It goes to
    the moderators' queue. Returns (report, created)."""
    if not permissions.can_report(user=by, message=message):
        raise NotAllowed(_("You cannot report this message."))
    with transaction.atomic():
        report, created = MessageReport.objects.get_or_create(
            message=message, reporter=by, defaults={"reason": reason, "note": (note or "").strip()}
        )
        if created:
            log(instance=report, action="messaging.report", user=None)
    return report, created


def message_report_resolve(*, report, by, resolution=""):
    """A moderator marks a report handled, saying what they did."""
    with transaction.atomic():
        MessageReport.objects.filter(pk=report.pk).update(
            status=MessageReport.Status.RESOLVED, resolved_by=by, resolved_at=timezone.now(), resolution=resolution
        )
        report.refresh_from_db()
        log(instance=report, action="messaging.resolve", user=by, data={"resolution": resolution})
    return report


def report_staff_read(*, report, by):
    """A member of staff opened the reported message: logged every time."""
    log(instance=report, action="messaging.staff_read", user=by)


# Erasing a member -------------------------------------------------------------


def member_erase(*, user):
    """What messaging holds of `user`, removed when they delete their account
    (through the registry in accounts.member_data, inside its transaction): the text of
    every message they wrote is erased, their reports go, and the other side
    keeps a closed conversation with a "Deleted member"."""
    Message.objects.filter(sender=user).update(body="", erased=True, sender=None, token=None)
    MessageReport.objects.filter(reporter=user).delete()
    Conversation.objects.filter(member=user).update(member=None, member_deleted=True, member_unread=0)
    Conversation.objects.filter(specialist=user).update(specialist=None, specialist_deleted=True, specialist_unread=0)
    Conversation.objects.filter(blocked_by=user).update(blocked_by=None)
    MessagingSettings.objects.filter(user=user).delete()
