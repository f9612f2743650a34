"""Fixtures for Q&A: a verified specialist with a landing page, staff with
two-factor, and questions in each state."""

import pytest

from accounts.factories import UserFactory
from core.factories import TopicFactory
from qa.factories import AnswerFactory, QuestionFactory
from qa.models import Question
from specialists.factories import SpecialistPageFactory
from tests.two_factor import staff_in_group

staff = staff_in_group


@pytest.fixture
def a_moderator(db):
    return staff("moderator.qa@example.com", "Morgan", "Moderators")


@pytest.fixture
def an_editor(db):
    return staff("editor.qa@example.com", "Eddie", "Editors")


@pytest.fixture
def make_specialist(specialist_index):
    """make_specialist(name) -> a user with a live, verified specialist page."""

    def make(name="Dr Lena Hart", email=None, **page_fields):
        user = UserFactory(email=email or f"{name.lower().replace(' ', '.')}@example.com", display_name=name)
        SpecialistPageFactory(
            parent=specialist_index,
            title=name,
            user=user,
            professional_title=page_fields.pop("professional_title", "Family psychologist"),
            **page_fields,
        )
        user.refresh_from_db()
        return user

    return make


@pytest.fixture
def a_specialist(make_specialist):
    return make_specialist("Dr Lena Hart", offers_free_consultation=True)


@pytest.fixture
def qa_topic(db):
    return TopicFactory(name="Anxiety", slug="anxiety")


@pytest.fixture
def make_question(a_member, qa_topic):
    """make_question(**fields) -> a question stored directly (no rules applied)."""

    def make(**fields):
        values = {
            "author": a_member,
            "title": "How can I calm down before work meetings?",
            "body": "My heart races before every meeting, even small ones with kind colleagues.",
            "topic": qa_topic,
            "anonymous": False,
            "status": Question.Status.PUBLISHED,
            **fields,
        }
        return QuestionFactory(**values)

    return make


@pytest.fixture
def a_question(make_question):
    return make_question()


@pytest.fixture
def an_answer(a_question, a_specialist):
    return AnswerFactory(question=a_question, author=a_specialist)


@pytest.fixture
def question_data(qa_topic):
    """What a member types into the ask form, valid."""
    return {
        "title": "How do I stop worrying about small things?",
        "body": "Every evening I go over tiny things I said during the day and it keeps me awake.",
        "topic": qa_topic.pk,
        "anonymous": "on",
    }
