"""Moderation in the Wagtail admin: the queue, approve / reject with a
reason from a saved reply, the history, and who may do what."""

import pytest
from django.core import mail

from core.models import CrisisPhrase
from qa.models import Question, SavedReply
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

LIST = "/admin/qa_questions/"


def moderate_url(question, decision):
    return f"/admin/qa_questions/moderate/{question.pk}/{decision}/"


def test_queue_lists_urgent_waiting_questions_first(client, a_moderator, make_question):
    make_question(title="An ordinary published question")
    make_question(title="A question waiting for review", status=Question.Status.PENDING)
    make_question(title="An urgent question waiting", status=Question.Status.PENDING, urgent=True)
    log_in_with_two_factor(client, a_moderator)
    html = client.get(LIST).content.decode()
    positions = [html.index(title) for title in ("An urgent question", "A question waiting", "An ordinary")]
    assert positions == sorted(positions)


@pytest.mark.parametrize("query", ["status=pending", "urgent=true", "reported=true", "q=urgent"])
def test_filters_and_search_work(client, a_moderator, make_question, qa_topic, query):
    make_question(title="An urgent question waiting", status=Question.Status.PENDING, urgent=True, reported=True)
    log_in_with_two_factor(client, a_moderator)
    response = client.get(f"{LIST}?{query}&topic={qa_topic.pk}")
    assert response.status_code == 200
    assert "An urgent question waiting" in response.content.decode()


def test_moderator_rejects_with_a_saved_reply_and_the_author_is_told(
    client, a_moderator, make_question, django_capture_on_commit_callbacks
):
    question = make_question(status=Question.Status.PENDING)
    reply = SavedReply.objects.get(title="Identifying details")
    log_in_with_two_factor(client, a_moderator)
    form = client.get(moderate_url(question, "reject") + f"?reply={reply.pk}").content.decode()
    assert reply.text in form  # the reason starts from the saved reply
    assert Question.objects.get().status == Question.Status.PENDING  # GET changed nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(moderate_url(question, "reject"), {"saved_reply": reply.pk, "reason": ""})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED and question.moderation_reason == reply.text
    assert reply.text in mail.outbox[0].body
    history = client.get(f"/admin/qa_questions/history/{question.pk}/").content.decode()
    assert "Rejected" in history and a_moderator.display_name in history


def test_reject_needs_a_reason(client, a_moderator, make_question):
    question = make_question(status=Question.Status.PENDING)
    log_in_with_two_factor(client, a_moderator)
    response = client.post(moderate_url(question, "reject"), {"reason": ""})
    assert response.status_code == 400
    assert Question.objects.get().status == Question.Status.PENDING


def test_moderator_approves(client, a_moderator, make_question):
    question = make_question(status=Question.Status.PENDING)
    log_in_with_two_factor(client, a_moderator)
    client.post(moderate_url(question, "approve"), {"reason": ""})
    assert Question.objects.get().status == Question.Status.PUBLISHED


def test_editor_cannot_moderate_but_keeps_crisis_phrases(client, an_editor, make_question):
    question = make_question(status=Question.Status.PENDING)
    log_in_with_two_factor(client, an_editor)
    assert client.post(moderate_url(question, "approve"), {"reason": ""}).status_code == 403
    assert Question.objects.get().status == Question.Status.PENDING
    assert client.get("/admin/crisis_lexicon/").status_code == 200
    client.post("/admin/crisis_lexicon/new/", {"phrase": "no way out", "kind": "phrase", "note": "", "active": "on"})
    assert CrisisPhrase.objects.filter(phrase="no way out").exists()


def test_moderators_keep_saved_replies(client, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    client.post("/admin/qa_saved_replies/new/", {"title": "Duplicate", "text": "This was asked before."})
    assert SavedReply.objects.filter(title="Duplicate").exists()


def test_members_and_specialists_never_reach_the_queue(client, a_member, a_specialist):
    for person in (a_member, a_specialist):
        client.force_login(person)
        assert client.get(LIST).status_code == 403
