"""Comments go through the crisis detector: a matching comment is held as
urgent whoever wrote it, its writer (and only they) sees the crisis panel,
and on-call moderators are e-mailed without a word of the comment."""

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from articles import services
from articles.models import CommentSafety
from core.models import SiteSettings

from .test_comments import POST_URL, form_data, make_comment

pytestmark = pytest.mark.django_db

CRY = "I want to end my life. I cannot go on like this."


@pytest.fixture
def on_call(home_page):
    row = SiteSettings.load()
    row.oncall_email = "oncall@example.com"
    row.emergency_number = "999"
    row.crisis_resources = [("resource", {"name": "Samaritans", "phone": "116 123"})]
    row.save()
    return row


@pytest.fixture
def trusted_member(a_member, an_article):
    # One published comment already: the member's next comments publish at once.
    make_comment(an_article, a_member, "An earlier comment, published.")
    return a_member


def test_matching_comment_is_held_as_urgent_even_from_a_trusted_member(an_article, trusted_member, on_call):
    comment = services.comment_post(article=an_article, user=trusted_member, text=CRY)
    comment.refresh_from_db()
    assert comment.is_public is False and comment.comment == CRY  # kept, never lost
    safety = CommentSafety.objects.get(comment=comment)
    assert safety.urgent and "end my life" in safety.crisis_match
    assert services.comment_is_urgent(comment=comment)


def test_ordinary_comment_has_no_safety_row(an_article, trusted_member, on_call):
    comment = services.comment_post(article=an_article, user=trusted_member, text="This traffic is killing me.")
    assert comment.is_public is True
    assert not CommentSafety.objects.exists()


def test_writer_sees_the_panel_and_nobody_else_does(client, an_article, trusted_member, another_member, on_call):
    client.force_login(trusted_member)
    response = client.post(POST_URL, form_data(an_article, CRY), follow=True)
    html = response.content.decode()
    assert "data-crisis-panel" in html and "tel:999" in html and "Samaritans" in html
    assert "Your comment is kept" in html
    assert XtdComment.objects.get(comment=CRY).is_public is False

    client.force_login(another_member)
    assert "data-crisis-panel" not in client.get(an_article.url).content.decode()
    client.logout()
    html = client.get(an_article.url).content.decode()
    assert "data-crisis-panel" not in html and CRY not in html


def test_on_call_moderators_are_emailed_without_the_comment(
    an_article, trusted_member, on_call, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_post(article=an_article, user=trusted_member, text=CRY)
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert alert.to == ["oncall@example.com"]
    assert f"#moderate-c{comment.pk}" in alert.body and "/admin/comments/" in alert.body
    text = (alert.subject + alert.body).lower()
    for word in ("end my life", "go on like this", trusted_member.display_name.lower(), trusted_member.email):
        assert word not in text


def test_approving_the_comment_handles_it(an_article, trusted_member, on_call, a_superuser):
    comment = services.comment_post(article=an_article, user=trusted_member, text=CRY)
    assert CommentSafety.objects.unhandled().count() == 1
    services.comment_approve(comment=comment, by=a_superuser)
    assert CommentSafety.objects.unhandled().count() == 0


def test_an_edited_comment_is_checked_again(an_article, trusted_member, on_call, django_capture_on_commit_callbacks):
    comment = services.comment_post(article=an_article, user=trusted_member, text="Thank you for this article.")
    assert comment.is_public
    XtdComment.objects.filter(pk=comment.pk).update(comment="Thank you. I am going to kill myself tonight.")
    comment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.comment_crisis_hold(comment=comment) is not None
    comment.refresh_from_db()
    assert comment.is_public is False
    assert CommentSafety.objects.unhandled().filter(comment=comment).exists()
    assert len(mail.outbox) == 1


def test_moderators_see_what_matched_in_the_queue(client, an_article, trusted_member, on_call):
    from django.contrib.auth.models import Group

    from accounts.factories import UserFactory, give_totp
    from tests.two_factor import log_in_with_two_factor

    services.comment_post(article=an_article, user=trusted_member, text=CRY)
    moderator = UserFactory(email="desk.moderator@example.com", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    give_totp(moderator, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    log_in_with_two_factor(client, moderator)
    html = client.get("/admin/comments/").content.decode()
    assert "Urgent" in html and "what matched:" in html and "end my life" in html
