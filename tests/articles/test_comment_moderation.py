"""Comment moderation: the rules the moderator applies when a member posts,
and the queue moderators work through in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory, give_totp
from articles import services
from articles.comments import comments_awaiting_moderation
from articles.wagtail_hooks import CommentsMenuItem
from tests.articles.test_comments import make_comment
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/comments/"


def staff_user(email, *permissions):
    """A staff account with the given "app_label.codename" permissions (and a
    TOTP device, so a two-factor requirement for staff does not stand in the way)."""
    user = UserFactory(email=email, display_name=email.split("@")[0], is_staff=True)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    give_totp(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


@pytest.fixture
def a_moderator(db):
    return staff_user("moderator.fixture@example.com", "wagtailadmin.access_admin", "django_comments.can_moderate")


@pytest.fixture
def an_editor(db):
    """Reaches the Wagtail admin but may not moderate comments."""
    return staff_user("editor.fixture@example.com", "wagtailadmin.access_admin")


@pytest.fixture
def a_held_comment(an_article, a_member):
    return services.comment_post(article=an_article, user=a_member, text="My first words here.")


@pytest.fixture
def a_flagged_comment(an_article, another_member, a_member):
    comment = make_comment(an_article, another_member, "Something unkind.")
    services.comment_flag(comment=comment, by=a_member)
    return comment


# The moderator's rules ----------------------------------------------------------


def test_first_comment_is_held_for_review(an_article, a_member):
    comment = services.comment_post(article=an_article, user=a_member, text="First.")

    assert comment.is_public is False
    assert comment in comments_awaiting_moderation()


def test_second_comment_is_published_once_the_first_is_approved(an_article, a_member, a_moderator):
    first = services.comment_post(article=an_article, user=a_member, text="First.")
    services.comment_approve(comment=first, by=a_moderator)

    second = services.comment_post(article=an_article, user=a_member, text="Second.")

    first.refresh_from_db()
    assert first.is_public is True
    assert second.is_public is True


def test_comments_keep_waiting_while_the_first_is_unreviewed(an_article, a_member):
    services.comment_post(article=an_article, user=a_member, text="First.")

    second = services.comment_post(article=an_article, user=a_member, text="Second, posted right away.")

    assert second.is_public is False


def test_member_whose_only_comment_was_removed_is_held_again(an_article, a_member, a_moderator):
    first = services.comment_post(article=an_article, user=a_member, text="First.")
    services.comment_approve(comment=first, by=a_moderator)
    services.comment_remove(comment=first, by=a_moderator, reason="It names someone.")

    assert services.comment_post(article=an_article, user=a_member, text="Again.").is_public is False


def test_moderators_comments_are_published_at_once(an_article, a_moderator):
    assert services.comment_post(article=an_article, user=a_moderator, text="Welcome, all.").is_public is True


def test_rate_limit_stops_the_eleventh_comment_in_an_hour(an_article, a_member):
    for number in range(10):
        services.comment_post(article=an_article, user=a_member, text=f"Comment {number}")

    with pytest.raises(services.CommentRateLimited):
        services.comment_post(article=an_article, user=a_member, text="One more.")

    assert XtdComment.objects.filter(user=a_member).count() == 10


def test_flagging_sends_a_comment_to_the_queue(a_flagged_comment):
    queued = comments_awaiting_moderation().get()

    assert queued == a_flagged_comment
    assert queued.flag_count == 1


def test_published_unflagged_and_removed_comments_are_not_queued(an_article, another_member):
    make_comment(an_article, another_member, "Fine.")
    make_comment(an_article, another_member, "Gone.", is_public=False, is_removed=True)

    assert not comments_awaiting_moderation().exists()


def test_flag_raised_again_after_approval_reopens_the_comment(a_flagged_comment, a_member, a_moderator):
    services.comment_approve(comment=a_flagged_comment, by=a_moderator)
    assert not comments_awaiting_moderation().exists()

    services.comment_flag(comment=a_flagged_comment, by=UserFactory())

    assert list(comments_awaiting_moderation()) == [a_flagged_comment]


def test_approving_a_parent_does_not_publish_its_held_replies(an_article, a_moderator, another_member, a_member):
    parent = make_comment(an_article, another_member, "Published parent.")
    held_reply = services.comment_post(article=an_article, user=a_member, text="Held reply.", parent=parent)
    services.comment_flag(comment=parent, by=a_member)

    services.comment_approve(comment=parent, by=a_moderator)

    held_reply.refresh_from_db()
    assert held_reply.is_public is False


# The Wagtail admin queue -----------------------------------------------------------


def test_queue_lists_held_and_flagged_comments_with_approve_and_remove(
    client, a_moderator, a_held_comment, a_flagged_comment
):
    log_in_with_two_factor(client, a_moderator)

    response = client.get(QUEUE_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "My first words here." in html
    assert "Held for review" in html
    assert "Something unkind." in html
    assert "Flagged by 1 member" in html
    for comment in (a_held_comment, a_flagged_comment):
        assert f'action="{reverse("comment_moderation:approve", args=[comment.pk])}"' in html
        assert f'href="{reverse("comment_moderation:remove", args=[comment.pk])}"' in html
        assert f'href="{reverse("comment_moderation:detail", args=[comment.pk])}"' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 2
    assert "member.fixture@example.com" not in html


def test_approve_publishes_a_held_comment(client, a_moderator, a_held_comment, an_article):
    log_in_with_two_factor(client, a_moderator)

    response = client.post(reverse("comment_moderation:approve", args=[a_held_comment.pk]))

    a_held_comment.refresh_from_db()
    assert response.status_code == 302
    assert response.url == QUEUE_URL
    assert a_held_comment.is_public is True
    assert not comments_awaiting_moderation().exists()
    assert "My first words here." in client.get(an_article.url).content.decode()


def test_remove_hides_a_flagged_comment_and_keeps_the_row(client, a_moderator, a_flagged_comment, an_article):
    log_in_with_two_factor(client, a_moderator)

    client.post(reverse("comment_moderation:remove", args=[a_flagged_comment.pk]), {"reason": "It is unkind."})

    a_flagged_comment.refresh_from_db()
    assert a_flagged_comment.is_removed is True
    assert CommentFlag.objects.filter(comment=a_flagged_comment, flag=CommentFlag.MODERATOR_DELETION).exists()
    assert not comments_awaiting_moderation().exists()
    assert "Something unkind." not in client.get(an_article.url).content.decode()


def test_user_without_the_permission_gets_403(client, an_editor, a_held_comment):
    log_in_with_two_factor(client, an_editor)

    listing = client.get(QUEUE_URL)
    approve = client.post(reverse("comment_moderation:approve", args=[a_held_comment.pk]))
    remove = client.post(reverse("comment_moderation:remove", args=[a_held_comment.pk]))

    assert listing.status_code == approve.status_code == remove.status_code == 403
    assert "My first words here." not in listing.content.decode()
    a_held_comment.refresh_from_db()
    assert a_held_comment.is_public is False
    assert a_held_comment.is_removed is False


def test_member_cannot_reach_the_queue(client, a_member, a_held_comment):
    client.force_login(a_member)

    response = client.get(QUEUE_URL)

    assert response.status_code == 403  # the "no access" page
    assert "My first words here." not in response.content.decode()


def test_actions_refuse_get(client, a_moderator, a_held_comment):
    log_in_with_two_factor(client, a_moderator)

    response = client.get(reverse("comment_moderation:approve", args=[a_held_comment.pk]))

    assert response.status_code == 405
    a_held_comment.refresh_from_db()
    assert a_held_comment.is_public is False


def test_actions_need_a_csrf_token(a_moderator, a_held_comment):
    client = Client(enforce_csrf_checks=True)
    log_in_with_two_factor(client, a_moderator)

    response = client.post(reverse("comment_moderation:approve", args=[a_held_comment.pk]))

    assert response.status_code == 403
    a_held_comment.refresh_from_db()
    assert a_held_comment.is_public is False


def test_action_on_unknown_comment_is_404(client, a_moderator):
    log_in_with_two_factor(client, a_moderator)

    assert client.post(reverse("comment_moderation:approve", args=[999999])).status_code == 404


def test_menu_item_shows_the_waiting_count_to_moderators_only(rf, a_moderator, an_editor, a_held_comment):
    item = CommentsMenuItem("Comments", QUEUE_URL, name="comments", icon_name="comment")
    request = rf.get("/admin/")

    request.user = a_moderator
    assert item.is_shown(request) is True
    assert item.render_component(request).label == "Comments (1)"

    request.user = an_editor
    assert item.is_shown(request) is False


def test_admin_menu_has_the_comments_item(client, a_moderator):
    log_in_with_two_factor(client, a_moderator)

    html = client.get("/admin/").content.decode()

    assert QUEUE_URL in html
