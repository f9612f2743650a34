import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from accounts.factories import give_totp
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db


def test_django_admin_comment_list_shows_and_searches_without_email_or_ip(client, a_superuser, a_member, an_article):
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(an_article),
        object_pk=str(an_article.pk),
        site_id=1,
        user=a_member,
        user_name=a_member.display_name,
        user_email="should.never.show@example.com",
        ip_address="203.0.113.77",
        comment="Findable words.",
        is_public=True,
    )
    give_totp(a_superuser, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    log_in_with_two_factor(client, a_superuser)
    response = client.get("/django-admin/django_comments_xtd/xtdcomment/?q=Findable")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rowan" in html
    assert "should.never.show" not in html
    assert "203.0.113.77" not in html


@pytest.fixture
def a_comment(a_member, an_article):
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(an_article),
        object_pk=str(an_article.pk),
        site_id=1,
        user=a_member,
        user_name=a_member.display_name,
        comment="The words the member wrote.",
        is_public=True,
    )


@pytest.fixture
def moderator_in_django_admin(client, a_member):
    from django.contrib.auth.models import Group

    from accounts.factories import UserFactory

    moderator = UserFactory(email="moderator.djadmin@example.com", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    give_totp(moderator, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return log_in_with_two_factor(client, moderator)


def test_moderators_read_comments_in_the_django_admin_but_cannot_change_them(
    moderator_in_django_admin, a_comment, another_member
):
    client = moderator_in_django_admin
    url = f"/django-admin/django_comments_xtd/xtdcomment/{a_comment.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "The words the member wrote." in html
    assert 'name="comment"' not in html and 'name="user"' not in html
    response = client.post(
        url,
        {"comment": "Words put in their mouth.", "user": another_member.pk, "user_name": "x", "is_public": "on"},
    )
    assert response.status_code == 403
    a_comment.refresh_from_db()
    assert a_comment.comment == "The words the member wrote."
    assert a_comment.user_id != another_member.pk


def test_the_django_admin_offers_no_bulk_actions_or_deletion_of_comments(moderator_in_django_admin, a_comment):
    client = moderator_in_django_admin
    listing = client.get("/django-admin/django_comments_xtd/xtdcomment/").content.decode()
    assert 'name="action"' not in listing
    response = client.post(
        "/django-admin/django_comments_xtd/xtdcomment/",
        {"action": "remove_comments", "_selected_action": [a_comment.pk]},
    )
    assert XtdComment.objects.get(pk=a_comment.pk).is_public
    assert response.status_code in (200, 302, 403)
    assert client.post(f"/django-admin/django_comments_xtd/xtdcomment/{a_comment.pk}/delete/").status_code == 403
    assert XtdComment.objects.filter(pk=a_comment.pk, is_removed=False).exists()
