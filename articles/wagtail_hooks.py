"""Wagtail admin wiring for articles: the comment moderation queue, and what
the crisis alerts and the moderators' counts need to know about comments."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from core.wagtail_hooks import CountedMenuItem

from . import services
from .comments import comments_awaiting_moderation
from .views import CommentModerationActionView, CommentModerationIndexView


class CommentsMenuItem(CountedMenuItem):
    """Shown to moderators only, with the number of comments waiting (and urgent)."""

    count_names = ("comments",)

    def is_shown(self, request):
        return request.user.has_perm(services.MODERATE_PERMISSION)


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
        }
        return [
            path("", CommentModerationIndexView.as_view(**urls), name="index"),
            path(
                "<int:pk>/approve/",
                CommentModerationActionView.as_view(action="approve", index_url_name=urls["index_url_name"]),
                name="approve",
            ),
            path(
                "<int:pk>/remove/",
                CommentModerationActionView.as_view(action="remove", index_url_name=urls["index_url_name"]),
                name="remove",
            ),
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

    if not request.user.has_perm(services.MODERATE_PERMISSION):
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
