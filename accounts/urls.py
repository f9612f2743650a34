from django.urls import path

from . import views

# Mounted at /accounts/ before allauth's own URLs.
urlpatterns = [
    path("", views.account_home, name="account_home"),
    path("profile/", views.profile_update, name="account_profile_update"),
    path("data/", views.data_summary, name="account_data_summary"),
    path("data/download/", views.data_download, name="account_data_download"),
    path("delete/", views.account_delete, name="account_delete"),
]
