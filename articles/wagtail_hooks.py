"""Wagtail admin wiring for articles: the comment moderation queue, and what
the crisis alerts and the moderators' counts need to know about comments."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from accounts.member_data import MemberData
from core.decisions import ReasonFormatter
from core.wagtail_hooks import CountedMenuItem

from . import services
from .comments import comments_awaiting_moderation
from .permissions import can_moderate
from .views import CommentDetailView, CommentModerationActionView, CommentModerationIndexView, CommentRemoveView


class CommentsMenuItem(CountedMenuItem):
    """Shown to moderators only, with the number of comments waiting (and urgent)."""

    count_names = ("comments",)

    def is_shown(self, request):
        return can_moderate(request.user)


class CommentModerationViewSet(ViewSet):
    name = "comment_moderation"
    url_prefix = "comments"
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    add_to_admin_menu = True
    menu_order = 250
    menu_item_class = CommentsMenuItem

    def get_urlpatterns(self):
        urls = {
            "index_url_name": self.get_url_name("index"),
            "approve_url_name": self.get_url_name("approve"),
            "remove_url_name": self.get_url_name("remove"),
            "detail_url_name": self.get_url_name("detail"),
        }
        return [
            path("", CommentModerationIndexView.as_view(**urls), name="index"),
            path("<int:pk>/", CommentDetailView.as_view(**urls), name="detail"),
            path(
                "<int:pk>/approve/",
                CommentModerationActionView.as_view(index_url_name=urls["index_url_name"]),
                name="approve",
            ),
            path("<int:pk>/remove/", CommentRemoveView.as_view(**urls), name="remove"),
        ]


@hooks.register("register_admin_viewset")
def register_comment_moderation():
    return CommentModerationViewSet()


@hooks.register("crisis_alert_kinds")
def comment_alert_kind():
    """What core.crisis.alerts needs to alert on-call moderators about urgent comments."""
    from django.urls import reverse

    from .models import CommentSafety

    return {
        "kind": "comment",
        "label": _("comment"),
        "is_unhandled": lambda object_id: CommentSafety.objects.unhandled().filter(comment_id=object_id).exists(),
        "admin_url": lambda object_id: reverse("comment_moderation:index") + f"#moderate-c{object_id}",
    }


@hooks.register("moderation_counts")
def comment_moderation_counts(request):
    """Comments waiting for a moderator (held or flagged), and the urgent ones."""
    from django.urls import reverse

    from .models import CommentSafety

    if not can_moderate(request.user):
        return []
    return [
        {
            "name": "comments",
            "label": _("Comments"),
            "pending": comments_awaiting_moderation().count(),
            "urgent": CommentSafety.objects.unhandled().count(),
            "url": reverse("comment_moderation:index"),
        }
    ]


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("comments.edit", _("Edit comment"), _("Edited by its author"))
    actions.register_action("comments.delete", _("Delete comment"), _("Deleted by its author"))

    @actions.register_action("comments.approve")
    class Approve(ReasonFormatter):
        label = _("Approve comment")
        message = _("Approved")

    @actions.register_action("comments.remove")
    class Remove(ReasonFormatter):
        label = _("Remove comment")
        message = _("Removed")


@hooks.register("register_member_data")
def articles_member_data():
    """Comments and the flags members raise on them (accounts.member_data)."""
    return MemberData(
        fields=("django_comments.comment.user", "django_comments.commentflag.user"), erase=services.member_erase
    )
