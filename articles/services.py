"""Writes on articles that have rules or side effects: member comments and
their moderation.

Comments are django-comments-xtd rows, written only through articles.comments
(the one module that talks to the library); the rules are here: who may post,
what waits for a moderator, the hourly limit, double submits, crisis holds.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.crisis import crisis_check
from core.crisis.alerts import crisis_alert_enqueue
from core.decisions import REJECTED, WAS_PENDING, WAS_PUBLISHED
from core.guards import LimitReached, MemberError, user_row_lock

from . import comments, permissions, tasks
from .comments import comment_editable_by, comment_parent_is_open
from .models import CommentSafety
from .permissions import member_can_comment

RATE_LIMIT_WINDOW = timedelta(hours=1)
# The same text posted to the same place by the same member within this time
# is a double submit, not a second comment.
DUPLICATE_WINDOW = timedelta(hours=24)


class CommentNotAllowed(MemberError):
    message = _("Only members with a verified e-mail address can comment.")


class CommentFlagNotAllowed(MemberError):
    message = _("You cannot flag your own comment. You can ask a moderator to remove it through the contact page.")


class CommentRateLimited(LimitReached):
    message = _(
        "You have reached the limit of %(limit)s comments an hour. "
        "Your text is kept below: please post it a little later."
    )


class CommentParentInvalid(MemberError):
    message = comments.PARENT_CLOSED


class CommentNotEditable(MemberError):
    message = _("This comment can no longer be changed: someone has replied to it, or it was removed.")


class CommentReasonRequired(MemberError):
    message = _("Say why, so the author understands.")


# Rules ---------------------------------------------------------------------


def comment_rate_limit():
    return settings.COMMENTS_RATE_LIMIT_PER_HOUR


def comment_rate_limited(*, user):
    """True when `user` has posted as many comments in the last hour as allowed."""
    since = timezone.now() - RATE_LIMIT_WINDOW
    return comments.comments_posted_since(user=user, since=since) >= comment_rate_limit()


def comment_needs_review(*, user):
    """A member's comments wait for a moderator until one of them has been
    published: the first comment is always read by a person. Moderators are
    trusted."""
    if permissions.can_moderate(user):
        return False
    return not comments.member_has_a_published_comment(user=user)


def comment_is_urgent(*, comment):
    """The crisis detector held `comment` (see comment_post)."""
    return CommentSafety.objects.filter(comment_id=comment.pk, urgent=True).exists()


# Writes --------------------------------------------------------------------


def comment_post(*, article, user, text, parent=None):
    """Post `text` as `user`'s comment on `article` (a reply when `parent` is
    given) and return the saved comment. A member's comments wait for a
    moderator until one of theirs has been published; a comment the crisis
    detector matches is always held, marked urgent (CommentSafety) and the
    on-call moderators are alerted after commit.

    A double submit returns the comment the first submit created. Raises a
    core.guards.MemberError subclass when the comment may not be posted.
    """
    text = text.strip()
    with transaction.atomic():
        # One post at a time per member: the duplicate and rate checks below
        # then hold even when two requests arrive together.
        user_row_lock(user)
        if not member_can_comment(user=user):
            raise CommentNotAllowed()
        if parent is not None and not comment_parent_is_open(article=article, parent=parent):
            raise CommentParentInvalid()
        since = timezone.now() - DUPLICATE_WINDOW
        duplicate = comments.recent_duplicate(article=article, user=user, text=text, parent=parent, since=since)
        if duplicate is not None:
            return duplicate
        if comment_rate_limited(user=user):
            raise CommentRateLimited(comment_rate_limit())
        # Whoever wrote it, a possible cry for help waits for a person.
        match = crisis_check(text)
        held = match is not None or comment_needs_review(user=user)
        comment = comments.comment_row_create(article=article, user=user, text=text, parent=parent, is_public=not held)
        if match is not None:
            _comment_mark_urgent(comment=comment, match=match)
        if parent is not None and comment.is_public:
            _tell_parent_author(comment)
    return comment


def _tell_parent_author(reply):
    """The author of the comment `reply` answers is e-mailed after commit
    (their "replies to my comments" preference decides, in the task)."""
    transaction.on_commit(lambda: tasks.send_comment_reply_notification.enqueue(comment_id=reply.pk))


def _comment_mark_urgent(*, comment, match):
    CommentSafety.objects.update_or_create(comment=comment, defaults={"urgent": True, "crisis_match": str(match)[:300]})
    crisis_alert_enqueue(kind="comment", object_id=comment.pk)


def comment_crisis_hold(*, comment):
    """Run the crisis detector on `comment` as it now reads (call it after a
    member edits a comment). On a match the comment is held for a moderator,
    marked urgent and the on-call moderators are alerted after commit.
    Returns the match, or None."""
    match = crisis_check(comment.comment)
    if match is not None:
        with transaction.atomic():
            comments.comment_row_update(comment, is_public=False)
            _comment_mark_urgent(comment=comment, match=match)
    return match


def comment_flag(*, comment, by):
    """`by` suggests that a moderator remove `comment`. Flagging twice counts
    once (raised again after a moderator kept it, it reopens the comment);
    nobody flags their own comment (it would put it in the queue)."""
    if not permissions.member_can_flag(comment=comment, user=by):
        raise CommentFlagNotAllowed()
    return comments.comment_flag_set(comment=comment, user=by, flag=comments.REMOVAL_SUGGESTED)


def comment_approve(*, comment, by):
    """Publish a held comment, or keep a flagged one: it leaves the queue. A
    reply published now tells the comment it answers."""
    was_public = comments.all_comments().filter(pk=comment.pk, is_public=True).exists()
    _moderate(comment=comment, by=by, flag=comments.KEPT, is_public=True)
    if not was_public and comment.level > 0:
        _tell_parent_author(comment)
    log(instance=comment, action="comments.approve", user=by, title=comment_label(comment))


def comment_remove(*, comment, by, reason):
    """Hide `comment` from readers, saying why, and tell its author. The row
    stays (is_removed), so the thread's structure and the moderation history
    are kept. A held comment no one saw was "not published"; a published one
    was "removed"."""
    reason = reason.strip()
    if not reason:
        raise CommentReasonRequired()
    with transaction.atomic():
        current = comments.comment_row_lock(comment=comment)
        was = WAS_PUBLISHED if current and current.is_public else WAS_PENDING
        _moderate(comment=comment, by=by, flag=comments.REMOVED, is_removed=True)
        log(instance=comment, action="comments.remove", user=by, title=comment_label(comment), data={"reason": reason})
        transaction.on_commit(
            lambda: tasks.send_comment_decision.enqueue(
                comment_id=comment.pk, decision=REJECTED, was=was, reason=reason
            )
        )


def comment_label(comment):
    """How the history names a comment: never its text."""
    return str(_("Comment %(id)s") % {"id": comment.pk})


def _moderate(*, comment, by, flag, **changes):
    with transaction.atomic():
        comments.comment_flag_set(comment=comment, user=by, flag=flag)
        comments.comment_row_update(comment, **changes)


# A member's own comments ---------------------------------------------------------


def _lock_own_comment(*, comment, by):
    """The comment, locked, if `by` may still change it; else CommentNotEditable."""
    locked = comments.comment_row_lock(comment=comment)
    if locked is None or not comment_editable_by(comment=locked, user=by):
        raise CommentNotEditable()
    return locked


def comment_update(*, comment, by, text):
    """`by` rewrites their own comment. It keeps its place and its review
    state (a comment waiting for a moderator still waits), unless the new
    text matches the crisis detector: then it is held as urgent."""
    text = text.strip()
    if not text:
        raise MemberError(_("Write your comment before saving it."))
    with transaction.atomic():
        _lock_own_comment(comment=comment, by=by)
        comments.comment_row_update(comment, comment=text)
        log(instance=comment, action="comments.edit", user=by, title=comment_label(comment))
        # Edited text can be a cry for help: held as urgent like a new comment.
        comment_crisis_hold(comment=comment)
    return comment


def comment_delete(*, comment, by):
    """`by` deletes their own comment for good (with its flags)."""
    with transaction.atomic():
        locked = _lock_own_comment(comment=comment, by=by)
        log(instance=locked, action="comments.delete", user=by, title=comment_label(locked))
        comments.comment_row_delete(comment=locked)


def member_erase(*, user):
    """A member's comments, when they delete their account (through the
    registry in accounts.member_data): see comments.member_comments_erase."""
    comments.member_comments_erase(user=user)
