"""Fixtures for the site search: content of each kind, stored the way the site
stores it, with the index updates that run after commit actually run."""

import pytest

from accounts.factories import UserFactory
from articles.factories import ArticlePageFactory
from core.factories import TopicFactory
from qa.factories import AnswerFactory, QuestionFactory
from qa.models import Question
from specialists.factories import ApproachFactory, LanguageFactory, SpecialistPageFactory


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what waits for the commit (the question index
    updates) at the end of the block, as a real commit would."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture
def sleep_topic(db):
    return TopicFactory(name="Sleep", slug="sleep")


@pytest.fixture
def an_author(specialist_index, a_topic):
    return SpecialistPageFactory(
        parent=specialist_index, title="Dr Ada Moss", professional_title="Clinical psychologist"
    )


@pytest.fixture
def make_article(article_index, an_author, committed):
    def make(**fields):
        with committed():
            return ArticlePageFactory(parent=article_index, author=an_author, **fields)

    return make


@pytest.fixture
def make_question(committed, sleep_topic):
    """make_question(**fields) -> a question, its index entry written after commit."""

    def make(**fields):
        values = {"topic": sleep_topic, "status": Question.Status.PUBLISHED, **fields}
        with committed():
            return QuestionFactory(**values)

    return make


@pytest.fixture
def make_answer(committed):
    def make(question, **fields):
        with committed():
            return AnswerFactory(question=question, **fields)

    return make


@pytest.fixture
def make_specialist(specialist_index, committed):
    def make(**fields):
        with committed():
            return SpecialistPageFactory(parent=specialist_index, **fields)

    return make


@pytest.fixture
def an_approach(db):
    return ApproachFactory(name="Acceptance and commitment therapy", slug="act")


@pytest.fixture
def a_language(db):
    return LanguageFactory(code="pt", name="Portuguese")


@pytest.fixture
def an_asker(db):
    return UserFactory(email="quillon.asker@example.com", display_name="Quillon Farrowdale")
