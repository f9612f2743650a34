import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from accounts.factories import give_totp

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
    client.force_login(a_superuser)
    response = client.get("/django-admin/django_comments_xtd/xtdcomment/?q=Findable")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rowan" in html
    assert "should.never.show" not in html
    assert "203.0.113.77" not in html
