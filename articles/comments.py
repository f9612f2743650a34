"""Comments on articles with django-comments-xtd: the form members fill in,
the moderator registered for ArticlePage, and the reads that show comments
in a fixed number of queries.

Imported from ArticlesConfig.ready(), which registers the moderator.
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
from django_comments_xtd.models import XtdComment
from django_comments_xtd.moderation import XtdCommentModerator, moderator
from django_comments_xtd.utils import get_app_model_options

from core.forms import MemberTextMixin

from . import services
from .models import ArticlePage, CommentSafety

# XtdComment's primary key is a 32-bit AutoField.
MAX_COMMENT_ID = 2**31 - 1
ARTICLE_CONTENT_TYPE = str(ArticlePage._meta)  # "articles.articlepage", as the form's hidden field says

# Who is looking at a comment form.
ANONYMOUS = "anonymous"
UNVERIFIED = "unverified"
MEMBER = "member"


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

    def __init__(self, target_object, data=None, initial=None, *, parent=None, comment=None, **kwargs):
        # comments-xtd's own reply view passes the parent as `comment`.
        parent = parent or comment
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
            self.add_error(None, services.CommentParentInvalid.message)
        elif reply_to := cleaned_data.get("reply_to"):
            parent = XtdComment.objects.filter(pk=reply_to).first()
            if parent is not None and services.comment_parent_is_open(article=self.target_object, parent=parent):
                self.parent = parent
                self.fields["comment"].label = _("Your reply")
            else:
                self.add_error(None, services.CommentParentInvalid.message)
        return cleaned_data


class ArticleCommentModerator(XtdCommentModerator):
    """Members with a verified address may comment, within the hourly limit;
    a member's comments wait for a moderator until one has been published."""

    email_notification = False
    removal_suggestion_notification = False

    def allow(self, comment, content_object, request):
        user = comment.user
        return (
            services.member_can_comment(user=user)
            and not services.comment_rate_limited(user=user)
            and super().allow(comment, content_object, request)
        )

    def moderate(self, comment, content_object, request):
        return super().moderate(comment, content_object, request) or services.comment_needs_review(user=comment.user)


moderator.register(ArticlePage, ArticleCommentModerator)


def no_avatar(comment):
    """COMMENTS_XTD_API_GET_USER_AVATAR: the library's default asks Gravatar
    with a hash of the e-mail address. We show no avatars."""
    return ""


# Reads ---------------------------------------------------------------------


def comment_access(user):
    """ANONYMOUS, UNVERIFIED (logged in, e-mail not verified) or MEMBER."""
    if not user.is_authenticated:
        return ANONYMOUS
    return MEMBER if services.member_can_comment(user=user) else UNVERIFIED


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
        replies = XtdComment.norel_objects.filter(parent_id=OuterRef("pk")).exclude(pk=OuterRef("pk"))
        comments = comments.annotate(flagged_by_me=Exists(own_flags), has_replies=Exists(replies))
    else:
        comments = comments.filter(is_public=True)
    roots = []
    placed = {}
    published = 0
    # Ordered by thread, then position in it: a parent always comes first.
    for comment in comments.order_by("thread_id", "order"):
        own = user.is_authenticated and comment.user_id == user.pk
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
    replies = XtdComment.norel_objects.filter(parent_id=OuterRef("pk")).exclude(pk=OuterRef("pk"))
    return (
        XtdComment.norel_objects.filter(user=user, site_id=settings.SITE_ID)
        .annotate(has_replies=Exists(replies))
        .prefetch_related("content_object")
        .order_by("-submit_date", "-pk")
    )
