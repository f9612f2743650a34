"""Removing a comment takes a reason, tells its author in words that fit
(a held comment was not published; a published one was removed), and leaves
a history of who did what, when, as Q&A does."""

import pytest
from django.core import mail
from django.urls import reverse
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry

from articles import services
from qa.models import SavedReply
from tests.articles.test_comment_moderation import staff_user
from tests.articles.test_comments import make_comment
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_moderator(db):
    return staff_user("moderator.fixture@example.com", "wagtailadmin.access_admin", "django_comments.can_moderate")


@pytest.fixture
def an_editor(db):
    return staff_user("editor.fixture@example.com", "wagtailadmin.access_admin")


@pytest.fixture
def a_held_comment(an_article, a_member):
    return make_comment(an_article, a_member, "My first words here.", is_public=False)


@pytest.fixture
def a_published_comment(an_article, a_member):
    return make_comment(an_article, a_member, "Naming the feeling made it smaller for me.")


def remove(capture, comment, by, reason):
    with capture(execute=True):
        services.comment_remove(comment=comment, by=by, reason=reason)


def test_removing_needs_a_reason_and_changes_nothing_without_one(a_published_comment, a_moderator):
    with pytest.raises(services.CommentReasonRequired):
        services.comment_remove(comment=a_published_comment, by=a_moderator, reason="   ")
    a_published_comment.refresh_from_db()
    assert a_published_comment.is_removed is False
    assert not ModelLogEntry.objects.filter(action="comments.remove").exists()


def test_removing_a_published_comment_tells_its_author_it_was_removed(
    a_published_comment, a_moderator, an_article, a_member, django_capture_on_commit_callbacks
):
    remove(django_capture_on_commit_callbacks, a_published_comment, a_moderator, "It names a colleague.")
    message = mail.outbox[0]
    assert message.to == [a_member.email]
    assert message.subject == "Your comment was removed"
    assert f"removed your comment on “{an_article.title}”" in message.body
    assert "It names a colleague." in message.body
    assert "Naming the feeling" not in message.subject


def test_removing_a_held_comment_says_it_was_not_published(
    a_held_comment, a_moderator, an_article, django_capture_on_commit_callbacks
):
    remove(django_capture_on_commit_callbacks, a_held_comment, a_moderator, "It gives a phone number.")
    message = mail.outbox[0]
    assert message.subject == "Your comment was not published"
    assert "decided not to publish it" in message.body
    assert "removed" not in message.body.lower()


def test_removal_and_approval_are_in_the_history_without_the_comment_text(
    a_held_comment, a_moderator, django_capture_on_commit_callbacks
):
    services.comment_approve(comment=a_held_comment, by=a_moderator)
    remove(django_capture_on_commit_callbacks, a_held_comment, a_moderator, "It names a colleague.")
    entries = ModelLogEntry.objects.filter(object_id=str(a_held_comment.pk)).order_by("timestamp")
    assert [entry.action for entry in entries] == ["comments.approve", "comments.remove"]
    assert all(entry.user == a_moderator for entry in entries)
    assert entries[1].data == {"reason": "It names a colleague."}
    assert all("My first words" not in entry.label for entry in entries)


# The admin ------------------------------------------------------------------------


def test_remove_page_asks_for_a_reason_offering_rejection_replies_only(client, a_moderator, a_published_comment):
    log_in_with_two_factor(client, a_moderator)
    html = client.get(reverse("comment_moderation:remove", args=[a_published_comment.pk])).content.decode()
    assert "Naming the feeling made it smaller for me." in html
    assert 'name="reason"' in html
    assert ">Identifying details<" in html
    assert "Published after review" not in html
    assert 'data-saved-replies="comment-saved-reply-texts"' in html


def test_remove_without_a_reason_is_refused_with_a_message(client, a_moderator, a_published_comment):
    log_in_with_two_factor(client, a_moderator)
    response = client.post(reverse("comment_moderation:remove", args=[a_published_comment.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "Say why, so the author understands." in response.content.decode()
    a_published_comment.refresh_from_db()
    assert a_published_comment.is_removed is False
    assert mail.outbox == []


def test_remove_with_a_saved_reply_sends_its_text(
    client, a_moderator, a_published_comment, django_capture_on_commit_callbacks
):
    reply = SavedReply.objects.get(title="Identifying details")
    log_in_with_two_factor(client, a_moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("comment_moderation:remove", args=[a_published_comment.pk]),
            {"saved_reply": reply.pk, "reason": ""},
        )
    assert response.status_code == 302
    assert XtdComment.objects.get(pk=a_published_comment.pk).is_removed is True
    assert reply.text in mail.outbox[0].body


def test_detail_page_shows_the_history_with_who_and_why(
    client, a_moderator, a_published_comment, django_capture_on_commit_callbacks
):
    remove(django_capture_on_commit_callbacks, a_published_comment, a_moderator, "It names a colleague.")
    log_in_with_two_factor(client, a_moderator)
    html = client.get(reverse("comment_moderation:detail", args=[a_published_comment.pk])).content.decode()
    assert "Removed: “It names a colleague.”" in html
    assert a_moderator.display_name in html


def test_editor_cannot_open_the_remove_or_detail_pages(client, an_editor, a_published_comment):
    log_in_with_two_factor(client, an_editor)
    for name in ("comment_moderation:remove", "comment_moderation:detail"):
        response = client.get(reverse(name, args=[a_published_comment.pk]))
        assert response.status_code == 403
        assert "Naming the feeling" not in response.content.decode()
    response = client.post(reverse("comment_moderation:remove", args=[a_published_comment.pk]), {"reason": "x"})
    assert response.status_code == 403
    a_published_comment.refresh_from_db()
    assert a_published_comment.is_removed is False
