from django.urls import path

from . import consultation_views as views

app_name = "consultations"

# Mounted at /accounts/consultations/: a member's own requests. Ids are UUIDs.
urlpatterns = [
    path("", views.member_consultations, name="mine"),
    path("<uuid:pk>/", views.member_consultation, name="detail"),
    path("<uuid:pk>/<slug:action>/", views.member_consultation_action, name="action"),
]
