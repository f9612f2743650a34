"""Django's admin for comments, without what we never show: the library's
admin lists e-mail, website and IP columns and searches a username field
our user model does not have. Moderators use the Wagtail admin queue, which
keeps the history of who decided what: here comments can be looked at, not
edited, deleted or bulk-approved."""

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
    readonly_fields = (
        "content_type",
        "object_pk",
        "site",
        "user",
        "user_name",
        "comment",
        "submit_date",
        "is_public",
        "is_removed",
    )
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(XtdComment)
admin.site.register(XtdComment, CommentAdmin)
