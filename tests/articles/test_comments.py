"""Reader comments on articles: who may post, what a post does, bad input,
threading, flagging, privacy and the query budget of the comment tree."""

import hashlib
import re
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from articles import services
from articles.comments import ArticleCommentForm, article_comment_threads
from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

POST_URL = "/comments/post/"


# Helpers --------------------------------------------------------------------


def make_comment(article, user, text="Thank you, this helped me.", *, parent=None, is_public=True, **fields):
    """A comment row as the service would leave it, without its rules."""
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(article),
        object_pk=str(article.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=user.display_name,
        comment=text,
        submit_date=timezone.now(),
        is_public=is_public,
        parent_id=parent.pk if parent else 0,
        **fields,
    )
    comment.save()
    return comment


def form_data(article, text="It helps to read that others feel this too.", *, parent=None, **overrides):
    """What the comment form on the article page posts."""
    form = ArticleCommentForm(article, parent=parent)
    data = {name: form[name].value() for name in ("content_type", "object_pk", "timestamp", "security_hash")}
    data["reply_to"] = parent.pk if parent else 0
    data["comment"] = text
    data.update(overrides)
    return data


def fields_of_comment_form(response):
    """The hidden fields (CSRF token included) of the comment form on a page."""
    html = response.content.decode()
    form = html[html.index('<form class="comment-form"') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def comment_count():
    return XtdComment.objects.count()


@pytest.fixture
def a_trusted_member(an_article):
    """A member whose first comment a moderator has already published."""
    member = UserFactory(email="trusted.fixture@example.com", display_name="Jordan")
    make_comment(an_article, member, "My first comment, approved.")
    return member


@pytest.fixture
def an_unverified_member(db):
    return UserFactory(email="unverified.fixture@example.com", display_name="Kim", verified=False)


@pytest.fixture
def a_published_comment(an_article, another_member):
    return make_comment(an_article, another_member, "Naming the feeling made it smaller for me.")


# Who may post ------------------------------------------------------------------


def test_anonymous_reader_sees_login_and_signup_links_back_to_comments(client, an_article):
    html = client.get(an_article.url).content.decode()

    next_param = "next=" + quote(an_article.url + "#comments")
    assert next_param == f"next={an_article.url}%23comments"
    assert "You need to be logged in to comment." in html
    assert f'href="{reverse("account_login")}?{next_param}"' in html
    assert f'href="{reverse("account_signup")}?{next_param}"' in html
    assert 'name="security_hash"' not in html


def test_anonymous_post_is_refused_and_nothing_saved(client, an_article):
    response = client.post(POST_URL, form_data(an_article))

    assert response.status_code == 403
    assert "You need to be logged in to comment." in response.content.decode()
    assert comment_count() == 0


def test_unverified_member_is_asked_to_verify_and_sees_no_form(client, an_article, an_unverified_member):
    client.force_login(an_unverified_member)

    html = client.get(an_article.url).content.decode()

    assert "Please verify your e-mail address before you comment" in html
    assert reverse("account_email") in html
    assert 'name="security_hash"' not in html


def test_unverified_member_cannot_post(client, an_article, an_unverified_member):
    client.force_login(an_unverified_member)

    response = client.post(POST_URL, form_data(an_article))

    assert response.status_code == 403
    assert "Please verify your e-mail address" in response.content.decode()
    assert comment_count() == 0
    with pytest.raises(services.CommentNotAllowed):
        services.comment_post(article=an_article, user=an_unverified_member, text="Hello")
    assert comment_count() == 0


def test_member_sees_the_comment_form(client, an_article, a_member):
    client.force_login(a_member)

    html = client.get(an_article.url).content.decode()

    assert f'action="{POST_URL}"' in html
    assert 'name="comment"' in html
    assert 'name="security_hash"' in html


# Posting --------------------------------------------------------------------------


def test_forms_on_article_reply_and_preview_pages_post_with_their_csrf_token(
    an_article, a_trusted_member, a_published_comment
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a_trusted_member)
    reply_url = reverse("comments-xtd-reply", args=[a_published_comment.pk])

    top_level = fields_of_comment_form(client.get(an_article.url))
    assert "csrfmiddlewaretoken" in top_level
    assert client.post(POST_URL, {**top_level, "comment": "From the article page."}).status_code == 302

    reply = fields_of_comment_form(client.get(reply_url))
    assert client.post(POST_URL, {**reply, "comment": "From the reply page."}).status_code == 302

    preview = client.post(POST_URL, {**top_level, "comment": "From the preview.", "preview": "1"})
    from_preview = fields_of_comment_form(preview)
    assert client.post(POST_URL, {**from_preview, "comment": "From the preview."}).status_code == 302

    assert XtdComment.objects.get(comment="From the reply page.").parent_id == a_published_comment.pk
    assert XtdComment.objects.filter(comment__startswith="From the").count() == 3
    without_token = {key: value for key, value in top_level.items() if key != "csrfmiddlewaretoken"}
    assert client.post(POST_URL, {**without_token, "comment": "No token."}).status_code == 403


def test_member_comment_is_saved_with_display_name_only(client, an_article, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, "Slow breathing works for me."))

    comment = XtdComment.objects.get()
    assert comment.comment == "Slow breathing works for me."
    assert comment.user == a_member
    assert comment.user_name == "Rowan"
    assert comment.user_email == ""
    assert comment.user_url == ""
    assert comment.ip_address is None
    assert response.status_code == 302


def test_first_comment_lands_on_comments_with_waiting_message(client, an_article, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article))

    assert response.url == an_article.url + "#comments"
    assert XtdComment.objects.get().is_public is False
    html = client.get(an_article.url).content.decode()
    assert "Your first comment is waiting for a moderator." in html
    # Its author sees it in place, marked as waiting; no one else sees it.
    position = html.index("It helps to read that others feel this too.")
    assert html.rindex("Waiting for a moderator.", 0, position) > html.index('id="comments"')
    assert "Comments (0)" in html
    client.logout()
    assert "It helps to read that others feel this too." not in client.get(an_article.url).content.decode()


def test_trusted_member_comment_is_published_and_lands_on_its_anchor(client, an_article, a_trusted_member):
    client.force_login(a_trusted_member)

    response = client.post(POST_URL, form_data(an_article, "Second thoughts, published."))

    comment = XtdComment.objects.get(comment="Second thoughts, published.")
    assert comment.is_public is True
    assert response.url == f"{an_article.url}#c{comment.pk}"
    html = client.get(an_article.url).content.decode()
    assert "Your comment is published." in html
    assert f'id="c{comment.pk}"' in html


def test_empty_comment_gets_message_next_to_field_and_nothing_saved(client, an_article, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, "   \r\n  "))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Write your comment before posting it." in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_comment_helptext id_comment_error"' in html
    assert 'id="id_comment_error"' in html
    assert comment_count() == 0


def test_too_long_comment_keeps_the_text_and_nothing_saved(client, an_article, a_member):
    client.force_login(a_member)
    text = "word " * 600 + "end"  # 3003 characters

    response = client.post(POST_URL, form_data(an_article, text))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your comment is 3003 characters long and the limit is 3000." in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_comment_error"' in html
    assert text in html
    assert comment_count() == 0


def test_rate_limited_member_gets_message_next_to_field_with_text_kept(client, an_article, a_trusted_member):
    for number in range(settings.COMMENTS_RATE_LIMIT_PER_HOUR - 1):
        make_comment(an_article, a_trusted_member, f"Earlier comment {number}")
    client.force_login(a_trusted_member)
    before = comment_count()

    response = client.post(POST_URL, form_data(an_article, "One comment too many."))

    html = response.content.decode()
    assert response.status_code == 200
    assert "You have reached the limit of 10 comments an hour." in html
    assert 'aria-invalid="true"' in html
    assert "One comment too many." in html
    assert comment_count() == before


def test_comments_older_than_an_hour_do_not_count_towards_the_limit(an_article, a_trusted_member):
    an_hour_ago = timezone.now() - services.RATE_LIMIT_WINDOW
    for number in range(settings.COMMENTS_RATE_LIMIT_PER_HOUR):
        make_comment(an_article, a_trusted_member, f"Old comment {number}")
    XtdComment.objects.update(submit_date=an_hour_ago)

    comment = services.comment_post(article=an_article, user=a_trusted_member, text="A new hour.")

    assert comment.pk


def test_double_submit_creates_one_comment(client, an_article, a_member):
    client.force_login(a_member)
    data = form_data(an_article, "Posted once, clicked twice.")

    first = client.post(POST_URL, data)
    second = client.post(POST_URL, data)

    assert XtdComment.objects.filter(comment="Posted once, clicked twice.").count() == 1
    assert first.status_code == second.status_code == 302
    assert first.url == second.url


def test_same_text_as_a_reply_elsewhere_is_not_a_duplicate(an_article, a_trusted_member, a_published_comment):
    services.comment_post(article=an_article, user=a_trusted_member, text="Same here.")
    services.comment_post(article=an_article, user=a_trusted_member, text="Same here.", parent=a_published_comment)

    assert XtdComment.objects.filter(comment="Same here.").count() == 2


def test_preview_shows_the_comment_and_saves_nothing(client, an_article, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, "Line one\nLine <two>", preview="1"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your comment will look like this" in html
    assert "<p>Line one<br>Line &lt;two&gt;</p>" in html
    assert comment_count() == 0


# Tampering never becomes a server error ----------------------------------------


def test_tampered_security_hash_gives_400_page_in_site_style(client, an_article, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, security_hash="0" * 40))

    html = response.content.decode()
    assert response.status_code == 400
    assert "Your comment could not be posted" in html
    assert 'class="site-header"' in html
    assert comment_count() == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"content_type": "auth.user"},
        {"content_type": "articles"},
        {"content_type": "nonsense.model"},
        {"object_pk": "abc"},
        {"object_pk": "999999"},
        {"object_pk": "١٢"},
        {"object_pk": "9" * 40},
        {"timestamp": "soon"},
        {"security_hash": "short"},
    ],
    ids=lambda overrides: next(iter(overrides)) + "=" + next(iter(overrides.values()))[:8],
)
def test_tampered_hidden_fields_give_400_not_a_server_error(client, an_article, a_member, overrides):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, **overrides))

    assert response.status_code == 400
    assert comment_count() == 0


def test_null_character_in_comment_gets_a_message_not_a_server_error(client, an_article, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, "Hello\x00there"))

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert comment_count() == 0


def test_missing_hidden_fields_give_400(client, a_member):
    client.force_login(a_member)

    response = client.post(POST_URL, {"comment": "Hello"})

    assert response.status_code == 400
    assert comment_count() == 0


def test_comment_on_unpublished_article_gives_400(client, an_article, a_member):
    data = form_data(an_article)
    an_article.unpublish()
    client.force_login(a_member)

    assert client.post(POST_URL, data).status_code == 400
    assert comment_count() == 0


def test_expired_form_keeps_the_text_and_signs_afresh(client, an_article, a_member):
    client.force_login(a_member)
    old = str(int(time.time()) - 3 * 60 * 60)
    form = ArticleCommentForm(an_article)
    data = form_data(an_article, "Written slowly.", timestamp=old, security_hash=form.initial_security_hash(old))

    response = client.post(POST_URL, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "This page was open a long time" in html
    assert "Written slowly." in html
    assert f'name="timestamp" value="{old}"' not in html
    assert comment_count() == 0


@pytest.mark.parametrize("reply_to", ["999999", "abc", "-1", "9" * 30])
def test_bad_parent_id_gives_a_message_and_saves_nothing(client, an_article, a_member, reply_to):
    client.force_login(a_member)

    response = client.post(POST_URL, form_data(an_article, "A reply.", reply_to=reply_to))

    assert response.status_code == 200
    assert "The comment you are replying to is no longer open for replies." in response.content.decode()
    assert comment_count() == 0


def test_cannot_reply_to_a_held_removed_or_nested_comment(client, an_article, a_member, a_published_comment):
    other_article = ArticlePageFactory(parent=an_article.get_parent(), author=an_article.author)
    closed_parents = [
        make_comment(an_article, a_member, "Held", is_public=False),
        make_comment(an_article, a_member, "Removed", is_removed=True),
        make_comment(an_article, a_member, "A reply", parent=a_published_comment),
        make_comment(other_article, a_member, "Elsewhere"),
    ]
    before = comment_count()
    client.force_login(a_member)

    for parent in closed_parents:
        response = client.post(POST_URL, form_data(an_article, "Replying.", reply_to=parent.pk))
        assert "no longer open for replies" in response.content.decode(), parent.comment

    assert comment_count() == before


def test_get_on_post_url_is_not_allowed(client):
    assert client.get(POST_URL).status_code == 405


# Threads and replies -----------------------------------------------------------


def test_heading_counts_only_public_comments_that_are_not_removed(client, an_article, a_member, a_published_comment):
    make_comment(an_article, a_member, "Held for review", is_public=False)
    make_comment(an_article, a_member, "Removed by a moderator", is_removed=True)

    html = client.get(an_article.url).content.decode()

    assert "Comments (1)" in html
    assert "Naming the feeling made it smaller for me." in html
    assert "Held for review" not in html
    assert "Removed by a moderator" not in html


def test_reply_page_shows_the_form_under_the_parent_comment(client, an_article, a_member, a_published_comment):
    client.force_login(a_member)

    response = client.get(reverse("comments-xtd-reply", args=[a_published_comment.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Naming the feeling made it smaller for me.") < html.index('name="comment"')
    assert f'name="reply_to" value="{a_published_comment.pk}"' in html


def test_reply_page_asks_anonymous_readers_to_log_in(client, a_published_comment):
    url = reverse("comments-xtd-reply", args=[a_published_comment.pk])

    html = client.get(url).content.decode()

    assert "You need to be logged in to comment." in html
    assert f'href="{reverse("account_login")}?next={quote(url)}"' in html
    assert 'name="comment"' not in html


def test_reply_is_shown_under_its_parent(client, an_article, a_trusted_member, a_published_comment):
    client.force_login(a_trusted_member)
    sibling = make_comment(an_article, a_trusted_member, "A later top-level comment.")

    client.post(POST_URL, form_data(an_article, "A reply to the first.", parent=a_published_comment))

    reply = XtdComment.objects.get(comment="A reply to the first.")
    assert reply.parent_id == a_published_comment.pk
    assert reply.level == 1
    html = client.get(an_article.url).content.decode()
    parent_at = html.index(f'id="c{a_published_comment.pk}"')
    assert parent_at < html.index(f'id="c{reply.pk}"') < html.index(f'id="c{sibling.pk}"')
    assert html.count('class="comment-list"') == 2


def test_replies_cannot_be_answered(client, an_article, a_member, a_published_comment):
    reply = make_comment(an_article, a_member, "A reply.", parent=a_published_comment)

    html = client.get(an_article.url).content.decode()

    assert reverse("comments-xtd-reply", args=[a_published_comment.pk]) in html
    assert reverse("comments-xtd-reply", args=[reply.pk]) not in html
    assert client.get(reverse("comments-xtd-reply", args=[reply.pk])).status_code == 404


def test_reply_page_of_hidden_or_unknown_comment_is_404(client, an_article, a_member):
    held = make_comment(an_article, a_member, "Held", is_public=False)

    assert client.get(reverse("comments-xtd-reply", args=[held.pk])).status_code == 404
    assert client.get(reverse("comments-xtd-reply", args=[999999])).status_code == 404
    assert client.get("/comments/reply/99999999999999999999999/").status_code == 404


def test_replies_to_a_removed_comment_are_hidden_with_it(client, an_article, a_member, a_published_comment):
    make_comment(an_article, a_member, "An answer to a removed comment.", parent=a_published_comment)
    services.comment_remove(comment=a_published_comment, by=a_member, reason="It names someone.")

    html = client.get(an_article.url).content.decode()

    assert "An answer to a removed comment." not in html
    assert "Comments (0)" in html


# Flagging ---------------------------------------------------------------------------


def test_member_flags_a_comment_after_confirming(client, an_article, a_member, a_published_comment):
    client.force_login(a_member)
    url = reverse("comments-flag", args=[a_published_comment.pk])

    page = client.get(url)

    assert page.status_code == 200
    assert "Flag this comment as inappropriate?" in page.content.decode()
    assert not CommentFlag.objects.exists()

    response = client.post(url)

    assert CommentFlag.objects.filter(
        comment=a_published_comment, user=a_member, flag=CommentFlag.SUGGEST_REMOVAL
    ).exists()
    assert response.url == f"{an_article.url}#c{a_published_comment.pk}"
    html = client.get(an_article.url).content.decode()
    assert "A moderator will read this comment." in html
    assert "You flagged this comment" in html


def test_member_cannot_flag_their_own_comment(client, an_article, another_member, a_published_comment):
    assert a_published_comment.user == another_member
    client.force_login(another_member)
    url = reverse("comments-flag", args=[a_published_comment.pk])

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
    assert not CommentFlag.objects.exists()
    with pytest.raises(services.CommentFlagNotAllowed):
        services.comment_flag(comment=a_published_comment, by=another_member)
    assert not CommentFlag.objects.exists()
    assert "You cannot flag your own comment." in client.get(an_article.url).content.decode()


def test_flagging_twice_keeps_one_flag(client, a_member, a_published_comment):
    client.force_login(a_member)
    url = reverse("comments-flag", args=[a_published_comment.pk])

    client.post(url)
    client.post(url)

    assert CommentFlag.objects.filter(comment=a_published_comment, flag=CommentFlag.SUGGEST_REMOVAL).count() == 1


def test_flag_needs_a_csrf_token(an_article, a_member, a_published_comment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a_member)

    response = client.post(reverse("comments-flag", args=[a_published_comment.pk]))

    assert response.status_code == 403
    assert not CommentFlag.objects.exists()


def test_flagging_turned_off_in_settings_hides_the_link_and_refuses(
    client, monkeypatch, an_article, a_member, a_published_comment
):
    options = {**settings.COMMENTS_XTD_APP_MODEL_OPTIONS["default"], "allow_flagging": False}
    monkeypatch.setattr("articles.comments.get_app_model_options", lambda **kwargs: options)
    client.force_login(a_member)
    url = reverse("comments-flag", args=[a_published_comment.pk])

    assert url not in client.get(an_article.url).content.decode()
    assert client.post(url).status_code == 404
    assert not CommentFlag.objects.exists()


def test_anonymous_reader_is_sent_to_log_in_to_flag(client, a_published_comment):
    url = reverse("comments-flag", args=[a_published_comment.pk])

    response = client.post(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not CommentFlag.objects.exists()


def test_flag_link_shown_to_members_but_not_on_their_own_comments(client, an_article, a_member, a_published_comment):
    own = make_comment(an_article, a_member, "My own words.")
    client.force_login(a_member)

    html = client.get(an_article.url).content.decode()

    assert reverse("comments-flag", args=[a_published_comment.pk]) in html
    assert reverse("comments-flag", args=[own.pk]) not in html


# Privacy and escaping --------------------------------------------------------------


def test_comment_text_is_escaped(client, an_article, another_member):
    make_comment(an_article, another_member, '<script>alert("x")</script>\n<b>bold</b>')

    html = client.get(an_article.url).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>&lt;b&gt;bold&lt;/b&gt;" in html


def test_no_email_gravatar_or_url_in_any_comment_page(client, an_article, a_member, another_member):
    # A row carrying an address and a URL (as the library's own form would
    # store them) must still show neither.
    parent = make_comment(
        an_article,
        another_member,
        "A comment with private fields.",
        user_email="leak.address@example.com",
        user_url="https://leak.example.org/profile",
    )
    client.force_login(a_member)
    pages = {
        "article": client.get(an_article.url),
        "reply": client.get(reverse("comments-xtd-reply", args=[parent.pk])),
        "flag": client.get(reverse("comments-flag", args=[parent.pk])),
        "preview": client.post(POST_URL, form_data(an_article, "Previewing.", preview="1")),
        "errors": client.post(POST_URL, form_data(an_article, "")),
    }
    secrets = ["leak.address@example.com", "leak.example.org", a_member.email, another_member.email, "gravatar"]
    secrets += [hashlib.md5(email.encode()).hexdigest() for email in (a_member.email, another_member.email)]  # noqa: S324

    for name, response in pages.items():
        html = response.content.decode().lower()
        assert response.status_code == 200, name
        assert "a comment with private fields." in html or name in {"preview", "errors"}, name
        for secret in secrets:
            assert secret.lower() not in html, (name, secret)
        assert 'name="email"' not in html and 'name="url"' not in html and 'name="name"' not in html, name


def test_commenters_appear_by_display_name(client, an_article, a_published_comment):
    html = client.get(an_article.url).content.decode()

    assert '<span class="comment__author">Sasha</span>' in html


def test_comments_api_is_not_routed(client, an_article, a_published_comment):
    with pytest.raises(NoReverseMatch):
        reverse("comments-xtd-api-list", kwargs={"content_type": "articles-articlepage", "object_pk": an_article.pk})

    for path in (
        f"/comments/api/articles-articlepage/{an_article.pk}/",
        f"/comments/api/articles-articlepage/{an_article.pk}/count/",
        "/comments/api/preview/",
        "/comments/api/comment/",
    ):
        assert client.get(path).status_code == 404, path


# Query budget ---------------------------------------------------------------------


def add_comments(article, members, count):
    """`count` published comments: every third one a reply."""
    parents = []
    for number in range(count):
        member = members[number % len(members)]
        if number % 3 == 2 and parents:
            make_comment(article, member, f"Reply {number}", parent=parents[-1])
        else:
            parents.append(make_comment(article, member, f"Comment {number}"))


def test_comment_tree_is_one_query_whatever_its_size(an_article, a_member, django_assert_num_queries):
    members = [UserFactory() for _ in range(4)]
    add_comments(an_article, members, 30)

    with django_assert_num_queries(1):
        threads, count = article_comment_threads(article=an_article, user=a_member)

    assert count == 30
    assert sum(len(node["children"]) for node in threads) == 10


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_article_page_queries_do_not_grow_with_comments(
    client, an_article, a_member, django_assert_max_num_queries, logged_in
):
    if logged_in:
        client.force_login(a_member)
    members = [UserFactory() for _ in range(4)]
    add_comments(an_article, members, 3)
    client.get(an_article.url)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as with_three:
        client.get(an_article.url)

    add_comments(an_article, members, 27)
    with django_assert_max_num_queries(len(with_three)):
        response = client.get(an_article.url)

    assert response.content.decode().count('class="comment"') == 30
    assert "Comments (30)" in response.content.decode()


def test_comment_permalink_leads_to_the_article(client, an_article, a_published_comment):
    response = client.get(a_published_comment.get_absolute_url())

    assert response.status_code == 302
    assert response.url == an_article.url
