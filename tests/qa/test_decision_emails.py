"""Decision e-mails name the post and say what happened to it from where it
stood: a question no reader saw was not published (never "taken off the
site"); a published one was taken off; a hidden one came back."""

import pytest
from django.core import mail

from qa import services
from qa.models import Answer, Question

pytestmark = pytest.mark.django_db

TITLE = "How can I calm down before work meetings?"


def decide(capture, action, **kwargs):
    with capture(execute=True):
        action(**kwargs)
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_rejecting_a_question_waiting_for_review_says_it_was_not_published(
    make_question, a_moderator, django_capture_on_commit_callbacks
):
    question = make_question(status=Question.Status.PENDING)
    message = decide(
        django_capture_on_commit_callbacks,
        services.question_reject,
        question=question,
        by=a_moderator,
        reason="It names a colleague.",
    )
    assert message.subject == "Your question was not published"
    assert f"your question “{TITLE}”" in message.body
    assert "decided not to publish it" in message.body
    assert "off the site" not in message.body
    assert "It names a colleague." in message.body
    assert TITLE not in message.subject


def test_rejecting_a_published_question_says_it_was_taken_off_the_site(
    a_question, a_moderator, django_capture_on_commit_callbacks
):
    message = decide(
        django_capture_on_commit_callbacks, services.question_reject, question=a_question, by=a_moderator, reason="x"
    )
    assert message.subject == "Your question was taken off the site"
    assert f"taken your question “{TITLE}” off the site" in message.body


def test_approving_a_held_question_says_it_is_published_with_its_link(
    make_question, a_moderator, django_capture_on_commit_callbacks
):
    question = make_question(status=Question.Status.PENDING)
    message = decide(django_capture_on_commit_callbacks, services.question_approve, question=question, by=a_moderator)
    assert message.subject == "Your question is published"
    assert f"“{TITLE}” and published it" in message.body
    assert question.get_absolute_url() in message.body
    assert "moderator's note" not in message.body  # no empty note


def test_approving_a_question_hidden_after_reports_says_it_is_back(
    make_question, a_moderator, django_capture_on_commit_callbacks
):
    question = make_question(status=Question.Status.PENDING, reported=True)
    message = decide(django_capture_on_commit_callbacks, services.question_approve, question=question, by=a_moderator)
    assert message.subject == "Your question is back on the site"
    assert "hidden after reports" in message.body


def test_rejecting_an_answer_hidden_after_reports_names_the_question(
    an_answer, a_moderator, django_capture_on_commit_callbacks
):
    Answer.objects.filter(pk=an_answer.pk).update(status=Answer.Status.PENDING, reported=True)
    an_answer.refresh_from_db()
    message = decide(
        django_capture_on_commit_callbacks,
        services.answer_reject,
        answer=an_answer,
        by=a_moderator,
        reason="It gives a diagnosis.",
    )
    assert message.to == [an_answer.author.email]
    assert message.subject == "Your answer was taken off the site"
    assert f"your answer to “{TITLE}” off the site" in message.body


def test_approving_a_reported_answer_says_it_is_back(an_answer, a_moderator, django_capture_on_commit_callbacks):
    Answer.objects.filter(pk=an_answer.pk).update(status=Answer.Status.PENDING, reported=True)
    message = decide(django_capture_on_commit_callbacks, services.answer_approve, answer=an_answer, by=a_moderator)
    assert message.subject == "Your answer is back on the site"
    assert f"#answer-{an_answer.pk}" in message.body
