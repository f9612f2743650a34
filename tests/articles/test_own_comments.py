"""A member's own comments: shown to them in place while they wait for a
moderator, edited or deleted while no one has replied, and listed under
"My comments". Services first, then views for access."""

import pytest
from django.test import Client
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from articles import services
from core.guards import MemberError
from tests.articles.test_comments import make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_comment(an_article, a_member):
    return make_comment(an_article, a_member, "I found the breathing steps useful.")


@pytest.fixture
def held_comment(an_article, a_member):
    return make_comment(an_article, a_member, "Waiting words of mine.", is_public=False)


def edit_url(comment):
    return reverse("comments-edit-own", args=[comment.pk])


def delete_url(comment):
    return reverse("comments-delete-own", args=[comment.pk])


# Services -----------------------------------------------------------------------


def test_author_edits_their_comment_and_it_keeps_its_state(held_comment, a_member):
    services.comment_update(comment=held_comment, by=a_member, text="  Better words.  ")
    held_comment.refresh_from_db()
    assert held_comment.comment == "Better words."
    assert held_comment.is_public is False  # still waits for a moderator


def test_nobody_else_edits_or_deletes_a_comment(own_comment, another_member):
    with pytest.raises(services.CommentNotEditable):
        services.comment_update(comment=own_comment, by=another_member, text="Not mine.")
    with pytest.raises(services.CommentNotEditable):
        services.comment_delete(comment=own_comment, by=another_member)
    own_comment.refresh_from_db()
    assert own_comment.comment == "I found the breathing steps useful."


def test_a_comment_with_a_reply_can_no_longer_be_changed(own_comment, a_member, another_member, an_article):
    make_comment(an_article, another_member, "Same for me.", parent=own_comment)
    assert services.comment_editable_by(comment=own_comment, user=a_member) is False
    with pytest.raises(services.CommentNotEditable):
        services.comment_update(comment=own_comment, by=a_member, text="Changed after a reply.")
    with pytest.raises(services.CommentNotEditable):
        services.comment_delete(comment=own_comment, by=a_member)
    assert XtdComment.objects.filter(pk=own_comment.pk).exists()


def test_a_held_reply_by_someone_else_also_counts_as_a_reply(own_comment, a_member, another_member, an_article):
    make_comment(an_article, another_member, "A reply waiting.", parent=own_comment, is_public=False)
    assert services.comment_editable_by(comment=own_comment, user=a_member) is False


def test_a_removed_comment_cannot_be_edited(own_comment, a_member):
    XtdComment.objects.filter(pk=own_comment.pk).update(is_removed=True)
    own_comment.refresh_from_db()
    with pytest.raises(services.CommentNotEditable):
        services.comment_update(comment=own_comment, by=a_member, text="Back again.")


def test_author_deletes_their_comment_for_good(own_comment, a_member):
    services.comment_delete(comment=own_comment, by=a_member)
    assert not XtdComment.objects.filter(pk=own_comment.pk).exists()


def test_empty_text_is_refused(own_comment, a_member):
    with pytest.raises(MemberError):
        services.comment_update(comment=own_comment, by=a_member, text="   ")


# Held comments in place -----------------------------------------------------------


def test_held_comment_is_shown_to_its_author_in_place_and_to_no_one_else(client, an_article, a_member, held_comment):
    client.force_login(a_member)
    html = client.get(an_article.url).content.decode()
    item = html[html.index(f'id="c{held_comment.pk}"') :]
    assert "Waiting for a moderator." in item[: item.index("Waiting words of mine.")]
    assert f'href="{edit_url(held_comment)}"' in html
    assert reverse("comments-xtd-reply", args=[held_comment.pk]) not in html  # no replies to a held comment
    for viewer in (None, "another"):
        other = Client()
        if viewer:
            from accounts.factories import UserFactory

            other.force_login(UserFactory(email="third@example.com", display_name="Third"))
        assert "Waiting words of mine." not in other.get(an_article.url).content.decode()


def test_edit_and_delete_links_only_on_own_comments_without_replies(
    client, an_article, a_member, another_member, own_comment
):
    others = make_comment(an_article, another_member, "Someone else's words.")
    client.force_login(a_member)
    html = client.get(an_article.url).content.decode()
    assert f'href="{edit_url(own_comment)}"' in html and f'href="{delete_url(own_comment)}"' in html
    assert edit_url(others) not in html and delete_url(others) not in html
    make_comment(an_article, another_member, "A reply.", parent=own_comment)
    assert edit_url(own_comment) not in client.get(an_article.url).content.decode()


# Views: access ------------------------------------------------------------------------


def test_author_edits_through_the_form(client, an_article, a_member, own_comment):
    client.force_login(a_member)
    form = client.get(edit_url(own_comment))
    assert form.status_code == 200 and "I found the breathing steps useful." in form.content.decode()
    response = client.post(edit_url(own_comment), {"comment": "The breathing steps helped."})
    assert response.status_code == 302
    assert response.url == f"{an_article.url}#c{own_comment.pk}"
    own_comment.refresh_from_db()
    assert own_comment.comment == "The breathing steps helped."


def test_empty_edit_gets_a_message_next_to_the_field_and_keeps_the_comment(client, a_member, own_comment):
    client.force_login(a_member)
    response = client.post(edit_url(own_comment), {"comment": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write your comment before saving it." in html and 'aria-invalid="true"' in html
    own_comment.refresh_from_db()
    assert own_comment.comment == "I found the breathing steps useful."


def test_author_deletes_after_confirming(client, an_article, a_member, own_comment):
    client.force_login(a_member)
    assert client.get(delete_url(own_comment)).status_code == 200
    assert XtdComment.objects.filter(pk=own_comment.pk).exists()  # GET changed nothing
    response = client.post(delete_url(own_comment))
    assert response.status_code == 302
    assert not XtdComment.objects.filter(pk=own_comment.pk).exists()


def test_another_member_gets_404_and_changes_nothing(client, another_member, own_comment):
    client.force_login(another_member)
    for url in (edit_url(own_comment), delete_url(own_comment)):
        assert client.get(url).status_code == 404
    assert client.post(edit_url(own_comment), {"comment": "Hijacked."}).status_code == 404
    assert client.post(delete_url(own_comment)).status_code == 404
    own_comment.refresh_from_db()
    assert own_comment.comment == "I found the breathing steps useful."


def test_anonymous_visitor_is_sent_to_log_in_and_changes_nothing(client, own_comment):
    for url in (edit_url(own_comment), delete_url(own_comment)):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/?next=")
    assert client.post(delete_url(own_comment)).status_code == 302
    assert XtdComment.objects.filter(pk=own_comment.pk).exists()


def test_edit_and_delete_need_a_csrf_token(a_member, own_comment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a_member)
    assert client.post(edit_url(own_comment), {"comment": "No token."}).status_code == 403
    assert client.post(delete_url(own_comment)).status_code == 403
    own_comment.refresh_from_db()
    assert own_comment.comment == "I found the breathing steps useful."


def test_after_a_reply_the_author_is_told_it_cannot_change(client, an_article, a_member, another_member, own_comment):
    make_comment(an_article, another_member, "A reply.", parent=own_comment)
    client.force_login(a_member)
    response = client.post(edit_url(own_comment), {"comment": "Changed."}, follow=True)
    assert "can no longer be changed" in response.content.decode()
    own_comment.refresh_from_db()
    assert own_comment.comment == "I found the breathing steps useful."


# My comments ---------------------------------------------------------------------


def test_my_comments_lists_own_comments_with_their_state(
    client, an_article, a_member, another_member, own_comment, held_comment
):
    make_comment(an_article, another_member, "Someone else's words.")
    client.force_login(a_member)
    html = client.get(reverse("comments-mine")).content.decode()
    assert "I found the breathing steps useful." in html and "Waiting words of mine." in html
    assert "Waiting for a moderator" in html
    assert "Someone else&#x27;s words." not in html and "Someone else's words." not in html
    assert an_article.title in html


def test_my_comments_needs_login(client):
    response = client.get(reverse("comments-mine"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_my_comments_queries_do_not_grow(client, an_article, a_member, django_assert_max_num_queries):
    client.force_login(a_member)
    make_comment(an_article, a_member, "One.")
    client.get(reverse("comments-mine"))  # warm the site-root cache
    with django_assert_max_num_queries(13) as few:
        client.get(reverse("comments-mine"))
    for number in range(15):
        make_comment(an_article, a_member, f"Comment number {number}.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("comments-mine"))
    assert "Comment number 14." in response.content.decode()
