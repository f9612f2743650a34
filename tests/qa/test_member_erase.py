"""Deleting an account leaves no trace in Q&A: no history entry naming a
deleted question, and no counter still counting the member's votes or answers."""

import pytest
from wagtail.models import ModelLogEntry

from accounts.services import user_delete
from qa.models import Answer, AnswerVote, Question, Report
from qa.services import answer_accept, answer_create, answer_vote_helpful, question_create, report_create

pytestmark = pytest.mark.django_db


def test_history_of_a_deleted_question_goes_with_it(a_member, qa_topic):
    question = question_create(author=a_member, title="Zqx unique question title here", body="b" * 40, topic=qa_topic)
    assert ModelLogEntry.objects.filter(label__contains="Zqx unique").exists()

    user_delete(user=a_member)

    assert not Question.objects.filter(pk=question.pk).exists()
    assert not ModelLogEntry.objects.filter(label__contains="Zqx unique").exists()


def test_helpful_counts_lose_the_deleted_members_votes(a_member, another_member, an_answer):
    answer_vote_helpful(answer=an_answer, by=another_member)
    voter = an_answer.question.author  # the asker votes too
    assert voter == a_member
    answer_vote_helpful(answer=an_answer, by=a_member)
    an_answer.refresh_from_db()
    assert an_answer.helpful_count == 2

    user_delete(user=another_member)

    an_answer.refresh_from_db()
    assert an_answer.helpful_count == 1
    assert AnswerVote.objects.filter(answer=an_answer).count() == 1


def test_a_deleted_specialists_answers_leave_the_counts_and_the_accepted_mark(a_member, make_specialist, a_question):
    specialist = make_specialist("Dr Noor Elm")
    answer = answer_create(question=a_question, author=specialist, body="Try a short walk before bed. " * 3)
    answer_accept(answer=answer, by=a_member)
    a_question.refresh_from_db()
    assert (a_question.answer_count, a_question.accepted_answer_id) == (1, answer.pk)

    user_delete(user=specialist)

    a_question.refresh_from_db()
    assert not Answer.objects.filter(pk=answer.pk).exists()
    assert (a_question.answer_count, a_question.accepted_answer_id) == (0, None)
    assert not ModelLogEntry.objects.filter(object_id=str(answer.pk), content_type__model="answer").exists()


def test_answered_questions_stay_signed_by_no_one_and_reports_go(a_member, another_member, an_answer, a_question):
    report_create(by=another_member, reason=Report.Reason.OTHER, answer=an_answer)
    assert Report.objects.count() == 1
    user_delete(user=a_member)

    a_question.refresh_from_db()
    assert a_question.author_id is None
    user_delete(user=another_member)
    assert not Report.objects.exists()
