from django.urls import path

from . import views

app_name = "qa"

urlpatterns = [
    path("ask/", views.question_ask, name="ask"),
    path("mine/", views.my_questions, name="mine"),
    path("similar/", views.similar, name="similar"),
    path("<int:pk>/", views.question_short, name="question_short"),
    path("<int:pk>/answer/", views.answer_create, name="answer"),
    path("<int:pk>/report/", views.question_report, name="report_question"),
    # After the fixed paths above (Question.save keeps slugs off them); str,
    # not slug, because titles may slugify to non-ASCII letters.
    path("<int:pk>/<str:slug>/", views.question_detail, name="question"),
    path("<int:pk>/mute/<str:token>/", views.question_mute, name="mute"),
    path("answers/<int:pk>/edit/", views.answer_edit, name="answer_edit"),
    path("answers/<int:pk>/accept/", views.answer_accept, name="answer_accept"),
    path("answers/<int:pk>/helpful/", views.answer_helpful, name="answer_helpful"),
    path("answers/<int:pk>/report/", views.answer_report, name="report_answer"),
]
