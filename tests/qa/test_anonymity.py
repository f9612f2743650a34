"""An anonymous asker is "Anonymous member" everywhere: pages, lists,
structured data, search, the similar-questions JSON, e-mails to anyone else
and the admin listing for editors. Unique tokens in the asker's name and
address must appear in none of them."""

import pytest
from django.core import mail

from accounts.factories import UserFactory
from qa import services
from qa.models import Question
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

NAME_TOKEN = "Zqxname7731"
EMAIL_TOKEN = "zqxmail4419"


@pytest.fixture
def anonymous_asker(db):
    return UserFactory(email=f"{EMAIL_TOKEN}@example.com", display_name=f"Kim {NAME_TOKEN}")


@pytest.fixture
def anonymous_question(anonymous_asker, qa_topic, a_specialist, another_member, django_capture_on_commit_callbacks):
    question = Question.objects.create(
        author=anonymous_asker,
        title="Racing heart before every meeting at work",
        body="My heart races before meetings, even small ones with kind colleagues.",
        topic=qa_topic,
        anonymous=True,
        status=Question.Status.PUBLISHED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.answer_create(question=question, author=a_specialist, body="Slow breathing helps. " * 3)
    services.answer_vote_helpful(answer=answer, by=another_member)
    services.answer_accept(answer=answer, by=anonymous_asker)
    return question


def assert_no_tokens(text, where):
    assert NAME_TOKEN.lower() not in text.lower(), f"asker's name leaked in {where}"
    assert EMAIL_TOKEN.lower() not in text.lower(), f"asker's e-mail leaked in {where}"


def test_anonymous_asker_never_shown_to_others(
    client, anonymous_question, a_specialist, another_member, an_editor, a_moderator
):
    urls = [
        "/questions/",
        "/questions/?show=answered",
        f"/questions/?topic={anonymous_question.topic.slug}",
        anonymous_question.get_absolute_url(),
        "/questions/similar/?q=racing+heart+meeting",
        "/search/?q=racing+heart",
        "/",
    ]
    for person in (None, another_member, a_specialist):
        client.logout()
        if person:
            client.force_login(person)
        for url in urls:
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            assert_no_tokens(response.content.decode(), f"{url} for {person}")
    client.logout()
    html = client.get(anonymous_question.get_absolute_url()).content.decode()
    assert "Anonymous member" in html
    assert '"name": "Anonymous member"' in html  # the JSON-LD author
    # The admin listing, inspect and history views for an editor.
    log_in_with_two_factor(client, an_editor)
    for url in (
        "/admin/qa_questions/?status=all",
        "/admin/qa_questions/?status=all&q=racing",
        f"/admin/qa_questions/inspect/{anonymous_question.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_tokens(response.content.decode(), f"{url} for an editor")
    assert "Anonymous member" in client.get("/admin/qa_questions/?status=all").content.decode()
    # Moderators may see who it is.
    log_in_with_two_factor(client, a_moderator)
    assert NAME_TOKEN in client.get("/admin/qa_questions/?status=all").content.decode()


def test_emails_to_anyone_else_never_name_the_asker(anonymous_question, anonymous_asker):
    assert mail.outbox, "the asker was e-mailed about the answer"
    for message in mail.outbox:
        if message.to == [anonymous_asker.email]:
            continue
        assert_no_tokens(message.subject + message.body + " ".join(message.to), f"e-mail to {message.to}")
    for message in mail.outbox:
        assert_no_tokens(message.subject, "a subject line")


def test_deleted_asker_leaves_nothing_identifying(client, anonymous_question, anonymous_asker, make_question):
    from accounts.services import user_delete

    unanswered = make_question(author=anonymous_asker, title="An unanswered question of theirs")
    user_delete(user=anonymous_asker)
    assert not Question.objects.filter(pk=unanswered.pk).exists()
    kept = Question.objects.get(pk=anonymous_question.pk)
    assert kept.author is None
    html = client.get(kept.get_absolute_url()).content.decode()
    assert_no_tokens(html, "the question page after deletion")
