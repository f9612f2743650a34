"""Comment URLs under /comments/.

Only what the site uses, under the names django-comments-xtd's helpers
reverse. Left out on purpose: the library's REST API (its JSON carries
e-mail-derived Gravatar URLs and user URLs), e-mail confirmation and
muting (members are verified already; follow-up e-mails are off), likes,
and the Django-admin-style approve/delete pages (moderators use the Wagtail
admin). A member edits and deletes their own comments through our views.
"""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("post/", views.comment_post, name="comments-post-comment"),
    path("reply/<int:cid>/", views.comment_reply, name="comments-xtd-reply"),
    path("flag/<int:comment_id>/", views.comment_flag, name="comments-flag"),
    path("mine/", views.my_comments, name="comments-mine"),
    path("<int:comment_id>/edit/", views.comment_edit, name="comments-edit-own"),
    path("<int:comment_id>/delete/", views.comment_delete, name="comments-delete-own"),
    re_path(r"^cr/(\d+)/(.+)/$", views.comment_permalink, name="comments-url-redirect"),
]
