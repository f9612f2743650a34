"""Django's admin for comments, without what we never show: the library's
admin lists e-mail, website and IP columns and searches a username field
our user model does not have. Moderators use the Wagtail admin queue."""

from django.contrib import admin
from django_comments_xtd.admin import XtdCommentsAdmin
from django_comments_xtd.models import XtdComment


class CommentAdmin(XtdCommentsAdmin):
    list_display = (
        "cid",
        "thread_level",
        "name",
        "content_type",
        "object_pk",
        "submit_date",
        "is_public",
        "is_removed",
    )
    list_filter = ("content_type", "is_public", "is_removed")
    fieldsets = (
        (None, {"fields": ("content_type", "object_pk", "site")}),
        ("Content", {"fields": ("user", "user_name", "comment")}),
        ("Metadata", {"fields": ("submit_date", "is_public", "is_removed")}),
    )
    search_fields = ["object_pk", "user_name", "user__display_name", "comment"]


admin.site.unregister(XtdComment)
admin.site.register(XtdComment, CommentAdmin)
