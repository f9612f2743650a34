"""Wagtail admin wiring for articles: the comment moderation queue."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import services
from .comments import comments_awaiting_moderation
from .views import CommentModerationActionView, CommentModerationIndexView


class CommentsMenuItem(MenuItem):
    """Shown to moderators only, with the number of comments waiting."""

    def is_shown(self, request):
        return request.user.has_perm(services.MODERATE_PERMISSION)

    def render_component(self, request):
        component = super().render_component(request)
        waiting = comments_awaiting_moderation().count()
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


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
