import datetime

import pytest

from accounts.factories import UserFactory
from core.factories import TopicFactory
from home import demo_content
from qa.demo import build_demo_questions
from qa.models import Answer, Question

pytestmark = pytest.mark.django_db


def test_demo_questions_are_complete_and_idempotent(make_specialist, a_moderator):
    members = [UserFactory() for _ in range(4)]
    specialists = [make_specialist("Dr Demo One"), make_specialist("Dr Demo Two")]
    topics = [TopicFactory(name=name) for name in ("Relationships", "Anxiety", "Parenting", "Sleep")]
    today = datetime.date(2026, 3, 1)
    build = {"members": members, "specialists_users": specialists, "moderator": a_moderator, "topics": topics}
    first = build_demo_questions(questions=demo_content.QUESTIONS, today=today, **build)
    again = build_demo_questions(questions=demo_content.QUESTIONS, today=today, **build)
    assert [q.pk for q in first] == [q.pk for q in again]
    assert Question.objects.count() >= 12
    assert Question.objects.filter(anonymous=True).count() >= 2
    assert Question.objects.filter(answer_count=0).count() >= 2
    assert Question.objects.filter(accepted_answer__isnull=False).count() >= 3
    assert Answer.objects.filter(helpful_count__gt=0).exists()
    for question in Question.objects.all():
        assert question.answer_count == question.answers.count()
    # Through the services: every counter is what the rows say, first questions were approved.
    for answer in Answer.objects.all():
        assert answer.helpful_count == answer.votes.count()
    assert not Question.objects.exclude(status=Question.Status.PUBLISHED).exists()
    assert all(question.created_at.date() < today for question in Question.objects.all())
