"""The Q&A list and question pages make the same number of queries with a
handful of questions as with 2,000 questions and 5,000 answers."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from qa.models import Answer, AnswerVote, Question

pytestmark = pytest.mark.django_db

# Anonymous readers (issue 13): at most 10 queries; a logged-in asker's pages keep their own budgets.
LIST_BUDGET = 20
DETAIL_BUDGET = 40
READER_BUDGET = 10


@pytest.fixture
def qa_site(make_specialist, make_image, a_member, another_member, qa_topic):
    """A question with answers from specialists with photos, and a few others."""
    specialists = [
        make_specialist(f"Dr Budget {n}", photo=make_image(title=f"Portrait {n}", size=(300, 300))) for n in range(3)
    ]
    question = Question.objects.create(
        author=a_member,
        title="How do I sleep through the night?",
        body="I wake at four every night " * 3,
        topic=qa_topic,
        anonymous=False,
        status=Question.Status.PUBLISHED,
    )
    answers = [
        Answer.objects.create(question=question, author=s, body="Keep the same hours. " * 5) for s in specialists
    ]
    AnswerVote.objects.create(answer=answers[1], user=another_member)
    Question.objects.filter(pk=question.pk).update(answer_count=3, accepted_answer=answers[0])
    for n in range(5):
        Question.objects.create(
            author=another_member,
            title=f"Another question number {n}",
            body="Text " * 10,
            topic=qa_topic,
            anonymous=n % 2 == 0,
            status=Question.Status.PUBLISHED,
        )
    return {"question": question, "specialists": specialists}


def grow(qa_site, make_specialist, make_image, qa_topic):
    """Add 2,000 questions and 5,000 answers (bulk), plus more answers with
    specialist cards on the measured question."""
    askers = User.objects.bulk_create([User(email=f"bulk{n}@example.com", display_name=f"Bulk {n}") for n in range(50)])
    answerers = User.objects.bulk_create(
        [User(email=f"bulkspec{n}@example.com", display_name=f"Bulk specialist {n}") for n in range(3)]
    )
    questions = Question.objects.bulk_create(
        [
            Question(
                author=askers[n % 50],
                title=f"Bulk question {n}",
                slug=f"bulk-question-{n}",
                body="Body text " * 5,
                topic=qa_topic,
                anonymous=n % 3 == 0,
                status=Question.Status.PUBLISHED,
                answer_count=0,
            )
            for n in range(2000)
        ]
    )
    pairs = itertools.islice(((q, a) for q in questions for a in answerers), 5000)
    Answer.objects.bulk_create([Answer(question=q, author=a, body="Bulk answer " * 5) for q, a in pairs])
    more = [make_specialist(f"Dr Grown {n}", photo=make_image(title=f"Grown {n}", size=(300, 300))) for n in range(5)]
    question = qa_site["question"]
    for specialist in more:
        Answer.objects.create(question=question, author=specialist, body="Another view on sleep. " * 5)
    Question.objects.filter(pk=question.pk).update(answer_count=8)
    assert Question.objects.count() > 2000 and Answer.objects.count() > 5000


def count(client, url):
    for _ in range(2):  # warm up: renditions, the site settings row, then core.site_cache
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("viewer", ["visitor", "asker"])
def test_list_and_question_pages_do_not_grow(
    client, qa_site, make_specialist, make_image, qa_topic, a_member, viewer, django_assert_max_num_queries
):
    if viewer == "asker":
        client.force_login(a_member)
    detail = qa_site["question"].get_absolute_url()
    urls = ["/questions/", "/questions/?show=answered&page=2", f"/questions/?topic={qa_topic.slug}", detail]
    small = {url: count(client, url) for url in urls}
    grow(qa_site, make_specialist, make_image, qa_topic)
    large = {url: count(client, url) for url in urls}
    assert large == small, f"small {small} vs large {large}"
    print(f"\nQ&A query counts ({viewer}): {large}")  # noqa: T201
    with django_assert_max_num_queries(LIST_BUDGET):
        client.get("/questions/")
    with django_assert_max_num_queries(DETAIL_BUDGET):
        client.get(detail)
    if viewer == "visitor":
        assert max(large.values()) <= READER_BUDGET, large
