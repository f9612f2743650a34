from django.urls import path

from . import views

app_name = "messaging"

# Mounted at /messages/. Conversation ids are UUIDs: anything else is a 404.
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("settings/", views.settings_update, name="settings"),
    # Wagtail slugs may be Unicode: any text without a slash.
    path("new/<str:slug>/", views.conversation_new, name="new"),
    path("<uuid:pk>/", views.conversation_detail, name="conversation"),
    path("<uuid:pk>/block/", views.conversation_block, name="block"),
    path("<uuid:pk>/unblock/", views.conversation_unblock, name="unblock"),
    path("<uuid:pk>/report/<int:message_id>/", views.message_report, name="report"),
]
