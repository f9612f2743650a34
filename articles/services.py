"""Writes on articles that have rules or side effects: member comments and
their moderation.

Comments are django-comments-xtd rows. Posting goes through the library's
signals so the moderator registered in `articles.comments` decides whether a
comment is allowed and whether it waits for review; the rules it applies are
the functions below.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged, comment_was_posted, comment_will_be_posted
from django_comments_xtd.models import TmpXtdComment, XtdComment, max_thread_level_for_content_type
from django_comments_xtd.signals import confirmation_received
from wagtail.log_actions import log

from accounts.roles import has_verified_email
from core.crisis import crisis_check
from core.crisis.alerts import crisis_alert_enqueue
from core.decisions import REJECTED, WAS_PENDING, WAS_PUBLISHED

from . import tasks
from .models import CommentSafety

MODERATE_PERMISSION = "django_comments.can_moderate"
RATE_LIMIT_WINDOW = timedelta(hours=1)
# The same text posted to the same place by the same member within this time
# is a double submit, not a second comment.
DUPLICATE_WINDOW = timedelta(hours=24)
# XtdComment.user_name is 50 characters; display names may be longer.
USER_NAME_MAX_LENGTH = 50


class CommentError(Exception):
    """A comment that cannot be posted; `message` is shown to the member."""

    message = _("Your comment could not be posted.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class CommentNotAllowed(CommentError):
    message = _("Only members with a verified e-mail address can comment.")


class CommentFlagNotAllowed(CommentError):
    message = _("You cannot flag your own comment. You can ask a moderator to remove it through the contact page.")


class CommentRateLimited(CommentError):
    def __init__(self, limit):
        super().__init__(
            _(
                "You have reached the limit of %(limit)s comments an hour. "
                "Your text is kept below: please post it a little later."
            )
            % {"limit": limit}
        )


class CommentParentInvalid(CommentError):
    message = _("The comment you are replying to is no longer open for replies.")


class CommentRejected(CommentError):
    message = _("Your comment could not be posted. Please try again later.")


class CommentNotEditable(CommentError):
    message = _("This comment can no longer be changed: someone has replied to it, or it was removed.")


class CommentReasonRequired(CommentError):
    message = _("Say why, so the author understands.")


# Rules ---------------------------------------------------------------------


def member_can_comment(*, user):
    """Logged-in, active members whose e-mail address is verified."""
    return bool(user and user.is_active and has_verified_email(user))


def comment_rate_limit():
    return settings.COMMENTS_RATE_LIMIT_PER_HOUR


def comment_rate_limited(*, user):
    """True when `user` has posted as many comments in the last hour as allowed."""
    since = timezone.now() - RATE_LIMIT_WINDOW
    return XtdComment.norel_objects.filter(user=user, submit_date__gte=since).count() >= comment_rate_limit()


def comment_needs_review(*, user):
    """A member's comments wait for a moderator until one of them has been
    published: the first comment is always read by a person. Moderators are
    trusted."""
    if user.has_perm(MODERATE_PERMISSION):
        return False
    return not XtdComment.norel_objects.filter(user=user, is_public=True, is_removed=False).exists()


def comment_is_urgent(*, comment):
    """The crisis detector held `comment` (see comment_post)."""
    return CommentSafety.objects.filter(comment_id=comment.pk, urgent=True).exists()


def comment_parent_is_open(*, article, parent):
    """`parent` is a visible comment on `article` that may receive replies."""
    content_type = ContentType.objects.get_for_model(article)
    return (
        parent.content_type_id == content_type.pk
        and parent.object_pk == str(article.pk)
        and parent.is_public
        and not parent.is_removed
        and parent.level < max_thread_level_for_content_type(content_type)
    )


# Writes --------------------------------------------------------------------


def comment_post(*, article, user, text, parent=None, request=None):
    """Post `text` as `user`'s comment on `article` (a reply when `parent` is
    given) and return the saved comment. Held for review or published at once,
    as the registered moderator decides; a comment the crisis detector matches
    is always held, marked urgent (CommentSafety) and the on-call moderators
    are alerted after commit.

    A double submit returns the comment the first submit created. Raises a
    CommentError subclass when the comment may not be posted.
    """
    text = text.strip()
    content_type = ContentType.objects.get_for_model(article)
    with transaction.atomic():
        # One post at a time per member: the duplicate and rate checks below
        # then hold even when two requests arrive together.
        get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
        if not member_can_comment(user=user):
            raise CommentNotAllowed()
        if parent is not None and not comment_parent_is_open(article=article, parent=parent):
            raise CommentParentInvalid()
        duplicate = _recent_duplicate(content_type=content_type, article=article, user=user, text=text, parent=parent)
        if duplicate is not None:
            return duplicate
        if comment_rate_limited(user=user):
            raise CommentRateLimited(comment_rate_limit())

        # Only the display name is stored: no e-mail address, no URL.
        draft = TmpXtdComment(
            content_type=content_type,
            object_pk=str(article.pk),
            content_object=article,
            site_id=Site.objects.get_current().pk,
            user=user,
            user_name=user.display_name[:USER_NAME_MAX_LENGTH],
            user_email="",
            user_url="",
            comment=text,
            submit_date=timezone.now(),
            ip_address=None,
            is_public=True,
            is_removed=False,
            parent_id=parent.pk if parent is not None else 0,
            thread_id=0,
            level=0,
            order=1,
            followup=False,
        )
        # The moderator's allow() and moderate() run here; moderate() turns
        # is_public off for comments that wait for review.
        responses = comment_will_be_posted.send(sender=TmpXtdComment, comment=draft, request=request)
        if any(response is False for _receiver, response in responses):
            raise CommentRejected()
        match = crisis_check(text)
        if match is not None:
            # Whoever wrote it, a possible cry for help waits for a person.
            draft["is_public"] = False

        comment = XtdComment(**{key: value for key, value in draft.items() if key != "content_object"})
        comment.save()
        if match is not None:
            _comment_mark_urgent(comment=comment, match=match)
        draft.xtd_comment = comment
        confirmation_received.send(sender=TmpXtdComment, comment=draft, request=request)
        comment_was_posted.send(sender=XtdComment, comment=comment, request=request)
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
            # update(), not save(): see _moderate.
            XtdComment.norel_objects.filter(pk=comment.pk).update(is_public=False)
            comment.is_public = False
            _comment_mark_urgent(comment=comment, match=match)
    return match


def _recent_duplicate(*, content_type, article, user, text, parent):
    candidates = XtdComment.norel_objects.filter(
        content_type=content_type,
        object_pk=str(article.pk),
        user=user,
        comment=text,
        is_removed=False,
        submit_date__gte=timezone.now() - DUPLICATE_WINDOW,
    )
    if parent is None:
        candidates = candidates.filter(level=0)
    else:
        candidates = candidates.filter(parent_id=parent.pk).exclude(pk=parent.pk)
    return candidates.order_by("submit_date").first()


def comment_flag(*, comment, by, request=None):
    """`by` suggests that a moderator remove `comment`. Flagging twice counts
    once; nobody flags their own comment (it would put it in the queue)."""
    if comment.user_id is not None and comment.user_id == by.pk:
        raise CommentFlagNotAllowed()
    flag, created = CommentFlag.objects.get_or_create(comment=comment, user=by, flag=CommentFlag.SUGGEST_REMOVAL)
    if not created:
        # A flag raised again after a moderator kept the comment reopens it.
        CommentFlag.objects.filter(pk=flag.pk).update(flag_date=timezone.now())
    comment_was_flagged.send(sender=XtdComment, comment=comment, flag=flag, created=created, request=request)
    return flag


def comment_approve(*, comment, by, request=None):
    """Publish a held comment, or keep a flagged one: it leaves the queue. A
    reply published now tells the comment it answers."""
    was_public = XtdComment.norel_objects.filter(pk=comment.pk, is_public=True).exists()
    _moderate(comment=comment, by=by, flag=CommentFlag.MODERATOR_APPROVAL, request=request, is_public=True)
    if not was_public and comment.level > 0:
        _tell_parent_author(comment)
    log(instance=comment, action="comments.approve", user=by, title=comment_label(comment))


def comment_remove(*, comment, by, reason, request=None):
    """Hide `comment` from readers, saying why, and tell its author. The row
    stays (is_removed), so the thread's structure and the moderation history
    are kept. A held comment no one saw was "not published"; a published one
    was "removed"."""
    reason = reason.strip()
    if not reason:
        raise CommentReasonRequired()
    with transaction.atomic():
        current = XtdComment.norel_objects.select_for_update().filter(pk=comment.pk).values("is_public").first()
        was = WAS_PUBLISHED if current and current["is_public"] else WAS_PENDING
        _moderate(comment=comment, by=by, flag=CommentFlag.MODERATOR_DELETION, request=request, is_removed=True)
        log(instance=comment, action="comments.remove", user=by, title=comment_label(comment), data={"reason": reason})
        transaction.on_commit(
            lambda: tasks.send_comment_decision.enqueue(
                comment_id=comment.pk, decision=REJECTED, was=was, reason=reason
            )
        )


def comment_label(comment):
    """How the history names a comment: never its text."""
    return str(_("Comment %(id)s") % {"id": comment.pk})


def _moderate(*, comment, by, flag, request, **changes):
    with transaction.atomic():
        flag_row, created = CommentFlag.objects.update_or_create(
            comment=comment, user=by, flag=flag, defaults={"flag_date": timezone.now()}
        )
        # update(), not save(): comments-xtd's pre_save hook would otherwise
        # copy this comment's state onto every reply, publishing replies that
        # are still waiting for review or hiding other members' replies.
        XtdComment.norel_objects.filter(pk=comment.pk).update(**changes)
        for field, value in changes.items():
            setattr(comment, field, value)
    comment_was_flagged.send(sender=XtdComment, comment=comment, flag=flag_row, created=created, request=request)


# A member's own comments ---------------------------------------------------------


def comment_has_replies(*, comment):
    # A root comment is its own parent in comments-xtd.
    return XtdComment.norel_objects.filter(parent_id=comment.pk).exclude(pk=comment.pk).exists()


def comment_editable_by(*, comment, user):
    """Members change or delete their own comments while no one has replied
    and no moderator has removed them."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and comment.user_id == user.pk
        and not comment.is_removed
        and not comment_has_replies(comment=comment)
    )


def _lock_own_comment(*, comment, by):
    """The comment, locked, if `by` may still change it; else CommentNotEditable."""
    locked = XtdComment.norel_objects.select_for_update().filter(pk=comment.pk).first()
    if locked is None or not comment_editable_by(comment=locked, user=by):
        raise CommentNotEditable()
    return locked


def comment_update(*, comment, by, text):
    """`by` rewrites their own comment. It keeps its place and its review
    state (a comment waiting for a moderator still waits), unless the new
    text matches the crisis detector: then it is held as urgent."""
    text = text.strip()
    if not text:
        raise CommentError(_("Write your comment before saving it."))
    with transaction.atomic():
        _lock_own_comment(comment=comment, by=by)
        # update(), not save(): see _moderate.
        XtdComment.norel_objects.filter(pk=comment.pk).update(comment=text)
        log(instance=comment, action="comments.edit", user=by, title=comment_label(comment))
        comment.comment = text
        # Edited text can be a cry for help: held as urgent like a new comment.
        comment_crisis_hold(comment=comment)
    return comment


def comment_delete(*, comment, by):
    """`by` deletes their own comment for good (with its flags)."""
    with transaction.atomic():
        locked = _lock_own_comment(comment=comment, by=by)
        log(instance=locked, action="comments.delete", user=by, title=comment_label(locked))
        CommentFlag.objects.filter(comment_id=locked.pk).delete()
        XtdComment.norel_objects.filter(pk=locked.pk).delete()
        if locked.level > 0:
            # Keep comments-xtd's reply counters on the comments above it true.
            XtdComment.norel_objects.filter(
                thread_id=locked.thread_id, level__lt=locked.level, order__lt=locked.order
            ).update(nested_count=F("nested_count") - 1)
