from django.urls import path

from . import views

# Mounted at /accounts/ before allauth's own URLs. The first three are
# allauth's views at allauth's addresses and names (this entry answers, either
# reverses to the same address), refusing politely when the shared cache
# cannot count their limits (views.RefusedWithoutSharedCache).
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="account_login"),
    path("signup/", views.SignupView.as_view(), name="account_signup"),
    path("password/reset/", views.PasswordResetView.as_view(), name="account_reset_password"),
    path("", views.account_home, name="account_home"),
    path("profile/", views.profile_update, name="account_profile_update"),
    path("data/", views.data_summary, name="account_data_summary"),
    path("data/download/", views.data_download, name="account_data_download"),
    path("delete/", views.account_delete, name="account_delete"),
]
