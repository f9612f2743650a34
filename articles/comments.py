"""The one module that talks to django-comments-xtd (and django_comments
under it): the comment form, the reads that show comments in a fixed number
of queries, the checks that need the library's tables, and the few writes
that depend on how the library keeps its threads.

The library stores the comments and threads them; the site's rules (who may
post, what waits for a moderator, limits, crisis holds) are in
articles.services, which calls the writes below. Neither the library's views
nor its templates are used (articles/comment_urls.py, core/template_loaders.py).
What we rely on in the library is pinned by tests/articles/test_comment_library.py,
so an upgrade that changes it fails there first.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator
from django.db.models import Count, Exists, F, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.forms import CommentSecurityForm
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type
from django_comments_xtd.utils import get_app_model_options

from accounts.services import DELETED_MEMBER_NAME
from core.forms import MemberTextMixin
from core.history import history_forget
from core.page_cache import content_changed

from .models import ArticlePage, CommentSafety
from .permissions import MEMBER, comment_access, is_own

# XtdComment's primary key is a 32-bit AutoField.
MAX_COMMENT_ID = 2**31 - 1
ARTICLE_CONTENT_TYPE = str(ArticlePage._meta)  # "articles.articlepage", as the form's hidden field says

# XtdComment.user_name is 50 characters; display names may be longer.
USER_NAME_MAX_LENGTH = 50
PARENT_CLOSED = _("The comment you are replying to is no longer open for replies.")


# Checks ----------------------------------------------------------------------


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


def _replies():
    # A root comment is its own parent in comments-xtd.
    return XtdComment.norel_objects.filter(parent_id=OuterRef("pk")).exclude(pk=OuterRef("pk"))


def comment_has_replies(*, comment):
    return XtdComment.norel_objects.filter(parent_id=comment.pk).exclude(pk=comment.pk).exists()


def comment_editable_by(*, comment, user):
    """Members change or delete their own comments while no one has replied
    and no moderator has removed them."""
    return bool(
        user
        and user.is_active
        and is_own(comment=comment, user=user)
        and not comment.is_removed
        and not comment_has_replies(comment=comment)
    )


def comments_posted_since(*, user, since):
    return XtdComment.norel_objects.filter(user=user, submit_date__gte=since).count()


def member_has_a_published_comment(*, user):
    return XtdComment.norel_objects.filter(user=user, is_public=True, is_removed=False).exists()


def recent_duplicate(*, article, user, text, parent, since):
    """`user`'s comment with this text in the same place since `since`, if any."""
    candidates = XtdComment.norel_objects.filter(
        content_type=ContentType.objects.get_for_model(article),
        object_pk=str(article.pk),
        user=user,
        comment=text,
        is_removed=False,
        submit_date__gte=since,
    )
    if parent is None:
        candidates = candidates.filter(level=0)
    else:
        candidates = candidates.filter(parent_id=parent.pk).exclude(pk=parent.pk)
    return candidates.order_by("submit_date").first()


class ArticleCommentForm(MemberTextMixin, CommentSecurityForm):
    """What a member types: the text, and the comment it answers.

    No name, e-mail or URL fields: comments carry the member's display name
    only. The security fields (content type, object id, timestamp, signed
    hash) come from django_comments and catch tampered or stale forms.
    """

    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your comment before posting it."),
            "max_length": _(
                "Your comment is %(show_value)s characters long and the limit is %(limit_value)s. Please shorten it."
            ),
        },
    )
    reply_to = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=MAX_COMMENT_ID, initial=0, required=False
    )

    def __init__(self, target_object, data=None, initial=None, *, parent=None, **kwargs):
        initial = dict(initial or {})
        if parent is not None:
            initial["reply_to"] = parent.pk
        kwargs.setdefault("label_suffix", "")
        super().__init__(target_object, data=data, initial=initial, **kwargs)
        self.parent = parent
        limit = settings.COMMENTS_XTD_MAX_LENGTH
        field = self.fields["comment"]
        field.max_length = limit
        field.validators.append(MaxLengthValidator(limit))
        if parent is not None:
            field.label = _("Your reply")
        field.help_text = _(
            "Up to %(limit)s characters. Be kind, and leave out anything that could identify you or someone else."
        ) % {"limit": limit}

    def clean_reply_to(self):
        return self.cleaned_data.get("reply_to") or 0

    def clean(self):
        cleaned_data = super().clean()
        self.parent = None
        if "reply_to" in self.errors:
            # A hidden field: say what went wrong in words, above the form.
            del self.errors["reply_to"]
            self.add_error(None, PARENT_CLOSED)
        elif reply_to := cleaned_data.get("reply_to"):
            parent = XtdComment.objects.filter(pk=reply_to).first()
            if parent is not None and comment_parent_is_open(article=self.target_object, parent=parent):
                self.parent = parent
                self.fields["comment"].label = _("Your reply")
            else:
                self.add_error(None, PARENT_CLOSED)
        return cleaned_data


def no_avatar(comment):
    """COMMENTS_XTD_API_GET_USER_AVATAR: the library's default asks Gravatar
    with a hash of the e-mail address. We show no avatars."""
    return ""


# Reads ---------------------------------------------------------------------


def article_for_comment_form(data):
    """The live article a posted comment form points at, or None when the
    hidden fields name anything else."""
    content_type = data.get("content_type", "")
    object_pk = data.get("object_pk", "")
    if content_type != ARTICLE_CONTENT_TYPE or not looks_like_id(object_pk):
        return None
    return ArticlePage.objects.live().public().filter(pk=int(object_pk)).first()


def article_for_comment(comment):
    """The live article `comment` belongs to, or None."""
    if comment.content_type.model_class() is not ArticlePage or not looks_like_id(comment.object_pk):
        return None
    return ArticlePage.objects.live().public().filter(pk=comment.object_pk).first()


def looks_like_id(value):
    # ASCII digits only, and short enough for a bigint column.
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18


def all_comments():
    """Every comment, with its author and content type."""
    return XtdComment.objects.all()


def visible_comments():
    """Comments readers may see: published and not removed, with their author."""
    return XtdComment.objects.filter(is_public=True, is_removed=False, site_id=settings.SITE_ID)


def article_comment_threads(*, article, user, allow_flagging=False):
    """Comments on `article` as `user` may see them, as a tree, in one query
    whatever their number.

    Readers see published comments; a member also sees their own comments
    that wait for a moderator, in place. Each node is {"comment", "children",
    "flagged", "waiting", "editable", "can_reply", "can_flag"}: flagged when
    `user` has flagged it, waiting when it is held for review, editable when
    it is `user`'s own and no one has replied. A reply whose parent is not
    shown is left out with it.
    Returns (roots, number of published comments shown).
    """
    content_type = ContentType.objects.get_for_model(article)
    comments = XtdComment.objects.filter(
        site_id=settings.SITE_ID, is_removed=False, content_type=content_type, object_pk=str(article.pk)
    )
    if user.is_authenticated:
        comments = comments.filter(Q(is_public=True) | Q(user=user))
        own_flags = CommentFlag.objects.filter(comment=OuterRef("pk"), user=user, flag=CommentFlag.SUGGEST_REMOVAL)
        comments = comments.annotate(flagged_by_me=Exists(own_flags), has_replies=Exists(_replies()))
    else:
        comments = comments.filter(is_public=True)
    roots = []
    placed = {}
    published = 0
    # Ordered by thread, then position in it: a parent always comes first.
    for comment in comments.order_by("thread_id", "order"):
        own = is_own(comment=comment, user=user)
        waiting = not comment.is_public
        node = {
            "comment": comment,
            "children": [],
            "flagged": getattr(comment, "flagged_by_me", False),
            "waiting": waiting,
            "editable": bool(own and not getattr(comment, "has_replies", True)),
            "can_reply": not waiting and comment.allow_thread(),
            "can_flag": bool(allow_flagging and user.is_authenticated and not own and not waiting),
        }
        if comment.level == 0:
            roots.append(node)
        elif comment.parent_id in placed:
            placed[comment.parent_id]["children"].append(node)
        else:
            continue
        placed[comment.pk] = node
        published += comment.is_public
    return roots, published


def flagging_allowed(article):
    """COMMENTS_XTD_APP_MODEL_OPTIONS["allow_flagging"] for the article's type."""
    content_type = ContentType.objects.get_for_model(article)
    return get_app_model_options(content_type=content_type)["allow_flagging"]


CRISIS_PANEL_WINDOW = timedelta(days=1)


def writer_sees_crisis_panel(*, article, user):
    """`user` wrote a comment on `article` in the last day that the crisis
    detector held: they, and only they, see the crisis panel there."""
    if not user.is_authenticated:
        return False
    content_type = ContentType.objects.get_for_model(article)
    return CommentSafety.objects.filter(
        urgent=True,
        comment__user=user,
        comment__content_type=content_type,
        comment__object_pk=str(article.pk),
        created_at__gte=timezone.now() - CRISIS_PANEL_WINDOW,
    ).exists()


def article_comment_section(*, article, user):
    """Everything the comment section of an article page shows."""
    allow_flagging = flagging_allowed(article)
    threads, count = article_comment_threads(article=article, user=user, allow_flagging=allow_flagging)
    access = comment_access(user)
    return {
        "crisis_panel": writer_sees_crisis_panel(article=article, user=user),
        "threads": threads,
        "count": count,
        "access": access,
        "allow_flagging": allow_flagging,
        "form": ArticleCommentForm(article) if access == MEMBER else None,
    }


def comments_awaiting_moderation():
    """Comments a moderator should look at, oldest first: those held for
    review, and published ones flagged since a moderator last kept them."""
    flagged = Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)
    return (
        XtdComment.objects.filter(is_removed=False)
        .annotate(
            flag_count=Count("flags", filter=flagged),
            last_flagged=Max("flags__flag_date", filter=flagged),
            last_kept=Max("flags__flag_date", filter=Q(flags__flag=CommentFlag.MODERATOR_APPROVAL)),
        )
        .filter(
            Q(is_public=False)
            | (Q(last_flagged__isnull=False) & (Q(last_kept__isnull=True) | Q(last_flagged__gt=F("last_kept"))))
        )
        .order_by("submit_date", "pk")
    )


def member_comments(*, user):
    """`user`'s own comments, newest first, each with its article
    (prefetched: one query for all) and whether someone has replied."""
    return (
        XtdComment.norel_objects.filter(user=user, site_id=settings.SITE_ID)
        .annotate(has_replies=Exists(_replies()))
        .prefetch_related("content_object")
        .order_by("-submit_date", "-pk")
    )


# Writes that depend on how the library keeps its threads -------------------------

# What a flag row records: a member's suggestion, a moderator's decision.
REMOVAL_SUGGESTED = CommentFlag.SUGGEST_REMOVAL
KEPT = CommentFlag.MODERATOR_APPROVAL
REMOVED = CommentFlag.MODERATOR_DELETION


def comment_row_create(*, article, user, text, parent, is_public):
    """Save a new comment by `user` on `article`: a reply to `parent`, or a
    new thread. XtdComment.save() numbers it into its thread (thread_id,
    level, order) and counts it in the nested_count of the comments above.
    Only the display name is stored: no e-mail address, URL or IP address."""
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(article),
        object_pk=str(article.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=user.display_name[:USER_NAME_MAX_LENGTH],
        user_email="",
        user_url="",
        comment=text,
        submit_date=timezone.now(),
        ip_address=None,
        is_public=is_public,
        is_removed=False,
        parent_id=parent.pk if parent is not None else 0,
        followup=False,
    )
    comment.save()
    return comment


def comment_row_update(comment, /, **changes):
    """Change `comment`'s own row, and only it. Not save(): comments-xtd's
    pre_save hook would copy its is_public and is_removed onto every reply,
    publishing replies still waiting for review or hiding other members'."""
    XtdComment.norel_objects.filter(pk=comment.pk).update(**changes)
    for field, value in changes.items():
        setattr(comment, field, value)
    comment_shown_changed(comment)


def comment_shown_changed(comment):
    """Readers' kept copies of the comment's article (and the listings) go
    once the write commits. Saves and deletions of comment rows say so
    themselves (articles.signals); update()s call this."""
    object_pk = comment.object_pk
    content_changed(urls=lambda: article_urls(object_pk))


def article_urls(object_pk):
    """The address of the live article a comment belongs to, in a list."""
    if not looks_like_id(object_pk):
        return []
    article = ArticlePage.objects.live().filter(pk=int(object_pk)).first()
    return [article.url] if article is not None and article.url else []


def comment_row_lock(*, comment):
    """`comment` read afresh and locked until the transaction ends, or None."""
    return XtdComment.norel_objects.select_for_update().filter(pk=comment.pk).first()


def comment_row_delete(*, comment):
    """Delete `comment` and its flags for good. The library does not take a
    deleted reply off the nested_count of the comments above it: we do."""
    CommentFlag.objects.filter(comment_id=comment.pk).delete()
    XtdComment.norel_objects.filter(pk=comment.pk).delete()
    if comment.level > 0:
        XtdComment.norel_objects.filter(
            thread_id=comment.thread_id, level__lt=comment.level, order__lt=comment.order
        ).update(nested_count=F("nested_count") - 1)


def comment_flag_set(*, comment, user, flag):
    """Record `flag` (REMOVAL_SUGGESTED, KEPT, REMOVED) by `user` on
    `comment`, dated now: one row per user and kind, dated anew when set again."""
    row, _created = CommentFlag.objects.update_or_create(
        comment=comment, user=user, flag=flag, defaults={"flag_date": timezone.now()}
    )
    return row


def member_comments_erase(*, user):
    """A member's comments, when they delete their account: those others
    replied to stay, signed "Deleted member", so their threads still read; the
    rest go, with their admin history.

    Leaves first, so a member's reply to their own comment does not keep it."""
    erased = []
    for comment in XtdComment.objects.filter(user=user).order_by("-level", "-pk"):
        # In comments-xtd a top-level comment is its own parent.
        if XtdComment.objects.filter(parent_id=comment.pk).exclude(pk=comment.pk).exists():
            XtdComment.objects.filter(pk=comment.pk).update(
                user=None, user_name=DELETED_MEMBER_NAME, user_email="", user_url="", ip_address=None
            )
            comment_shown_changed(comment)
        else:
            erased.append(comment.pk)
            comment.delete()
    history_forget(model=XtdComment, pks=erased)
