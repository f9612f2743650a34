"""Factories for Q&A rows, stored directly (no rules applied, no e-mails):
for tests that need a question or an answer in a given state. Members' own
writes, and the demo, go through qa.services."""

import factory

from accounts.factories import UserFactory

from .models import Answer, Question, Status


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"How can I calm down before work meetings? ({n})")
    body = "My heart races before every meeting, even small ones with kind colleagues."
    topic = None
    anonymous = False
    status = Status.PUBLISHED


class AnswerFactory(factory.django.DjangoModelFactory):
    """An answer; the question's answer_count is kept in step, as the services do."""

    class Meta:
        model = Answer
        skip_postgeneration_save = True

    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(UserFactory)
    body = "Slow breathing with a longer out-breath helps many people before meetings."
    status = Status.PUBLISHED

    @factory.post_generation
    def count(obj, create, extracted, **kwargs):
        if create and obj.status == Status.PUBLISHED:
            Question.objects.filter(pk=obj.question_id).update(answer_count=obj.question.answers.published().count())
            obj.question.refresh_from_db()
