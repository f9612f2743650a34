"""Moderation in the Wagtail admin: the queue, approve / reject with a
reason from a saved reply, the history, and who may do what."""

import pytest
from django.core import mail
from django.utils.html import escape

from core.models import CrisisPhrase
from qa.models import Answer, Question, SavedReply
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

LIST = "/admin/qa_questions/"


def moderate_url(question, decision):
    return f"/admin/qa_questions/moderate/{question.pk}/{decision}/"


def test_queue_opens_on_questions_waiting_urgent_first_with_badge_and_match(client, a_moderator, make_question):
    make_question(title="An ordinary published question")
    make_question(title="A question waiting for review", status=Question.Status.PENDING)
    make_question(
        title="An urgent question waiting",
        status=Question.Status.PENDING,
        urgent=True,
        crisis_match="want to die",
    )
    log_in_with_two_factor(client, a_moderator)
    html = client.get(LIST).content.decode()
    assert "An ordinary published question" not in html  # no decision needed
    positions = [html.index(title) for title in ("An urgent question", "A question waiting")]
    assert positions == sorted(positions)
    badge = html.index('qa-badge--urgent">Urgent')
    assert positions[0] < badge < positions[1]
    assert "what matched: want to die" in html


def test_queue_shows_everything_when_asked_still_waiting_first(client, a_moderator, make_question):
    make_question(title="An ordinary published question")
    make_question(title="A question waiting for review", status=Question.Status.PENDING)
    make_question(title="An urgent question waiting", status=Question.Status.PENDING, urgent=True)
    log_in_with_two_factor(client, a_moderator)
    html = client.get(f"{LIST}?status=all").content.decode()
    positions = [html.index(title) for title in ("An urgent question", "A question waiting", "An ordinary")]
    assert positions == sorted(positions)
    published = client.get(f"{LIST}?status=published").content.decode()
    assert "An ordinary published question" in published and "A question waiting" not in published


def test_answer_queue_opens_on_answers_waiting(client, a_moderator, an_answer, a_question, make_specialist):
    other = make_specialist("Dr Sam Oyelaran")
    Answer.objects.create(
        question=a_question,
        author=other,
        body="This answer was hidden after reports and waits for a moderator.",
        status=Answer.Status.PENDING,
        reported=True,
    )
    log_in_with_two_factor(client, a_moderator)
    html = client.get("/admin/qa_answers/").content.decode()
    assert "Dr Sam Oyelaran" in html and "Dr Lena Hart" not in html


@pytest.mark.parametrize("view", ["inspect", "edit"])
def test_approve_and_reject_are_on_the_questions_own_views(client, a_moderator, make_question, view):
    question = make_question(status=Question.Status.PENDING)
    log_in_with_two_factor(client, a_moderator)
    html = client.get(f"{LIST}{view}/{question.pk}/").content.decode()
    assert f'href="{moderate_url(question, "approve")}"' in html
    assert f'href="{moderate_url(question, "reject")}"' in html


def test_a_published_question_offers_reject_only_on_its_own_view(client, a_moderator, a_question):
    log_in_with_two_factor(client, a_moderator)
    html = client.get(f"{LIST}inspect/{a_question.pk}/").content.decode()
    assert moderate_url(a_question, "reject") in html
    assert moderate_url(a_question, "approve") not in html


def test_answers_have_approve_and_reject_on_their_own_view(client, a_moderator, an_answer):
    Answer.objects.filter(pk=an_answer.pk).update(status=Answer.Status.PENDING, reported=True)
    log_in_with_two_factor(client, a_moderator)
    html = client.get(f"/admin/qa_answers/inspect/{an_answer.pk}/").content.decode()
    assert f"/admin/qa_answers/moderate/{an_answer.pk}/approve/" in html
    assert f"/admin/qa_answers/moderate/{an_answer.pk}/reject/" in html


def test_editor_sees_no_decision_buttons_and_not_what_matched(client, an_editor, make_question):
    question = make_question(status=Question.Status.PENDING, urgent=True, crisis_match="want to die")
    log_in_with_two_factor(client, an_editor)
    html = client.get(f"{LIST}inspect/{question.pk}/").content.decode()
    assert moderate_url(question, "approve") not in html
    assert "want to die" not in html
    listing = client.get(LIST).content.decode()
    assert 'qa-badge--urgent">Urgent' in listing and "want to die" not in listing


def test_rejecting_offers_each_rejection_reply_once_and_no_approval_reply(client, a_moderator, make_question):
    question = make_question(status=Question.Status.PENDING)
    log_in_with_two_factor(client, a_moderator)
    html = client.get(moderate_url(question, "reject")).content.decode()
    assert "Published after review" not in html
    for reply in SavedReply.objects.filter(kind=SavedReply.Kind.REJECTION):
        assert html.count(f">{escape(reply.title)}<") == 1
    approve = client.get(moderate_url(question, "approve")).content.decode()
    assert approve.count(">Published after review<") == 1
    assert "Identifying details" not in approve


def test_an_approval_reply_cannot_be_posted_as_a_rejection(client, a_moderator, make_question):
    question = make_question(status=Question.Status.PENDING)
    approval = SavedReply.objects.get(title="Published after review")
    log_in_with_two_factor(client, a_moderator)
    response = client.post(moderate_url(question, "reject"), {"saved_reply": approval.pk, "reason": ""})
    assert response.status_code == 400
    assert Question.objects.get().status == Question.Status.PENDING


def test_the_moderation_form_carries_the_reply_texts_for_the_browser(client, a_moderator, make_question):
    question = make_question(status=Question.Status.PENDING)
    reply = SavedReply.objects.get(title="Identifying details")
    log_in_with_two_factor(client, a_moderator)
    html = client.get(moderate_url(question, "reject")).content.decode()
    assert 'data-saved-replies="qa-saved-reply-texts"' in html
    assert 'id="qa-saved-reply-texts"' in html and f'"{reply.pk}":' in html
    assert "js/admin-saved-replies.js" in html


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
    client.post(
        "/admin/qa_saved_replies/new/", {"title": "Duplicate", "kind": "rejection", "text": "This was asked before."}
    )
    assert SavedReply.objects.get(title="Duplicate").kind == SavedReply.Kind.REJECTION


def test_members_and_specialists_never_reach_the_queue(client, a_member, a_specialist):
    for person in (a_member, a_specialist):
        client.force_login(person)
        assert client.get(LIST).status_code == 403
