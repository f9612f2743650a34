from django.urls import path

from . import views

app_name = "specialists"

# Mounted at /specialists/ before Wagtail's pages (the directory and the
# landing pages are Wagtail pages under the same prefix; "join" and "me" are
# reserved slugs).
urlpatterns = [
    path("join/", views.profile_join, name="join"),
    path("me/edit/", views.profile_edit, name="profile_edit"),
]
