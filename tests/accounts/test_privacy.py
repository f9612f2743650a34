import hashlib
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import connection
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from accounts.member_data import MemberData, registered, user_related_fields
from accounts.models import Consent
from accounts.services import consent_record, user_data_export, user_delete

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def comment_on(article, user, text, parent=None, ip="203.0.113.9"):
    from django.contrib.contenttypes.models import ContentType

    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(article),
        object_pk=str(article.pk),
        site_id=1,
        user=user,
        user_name=user.display_name,
        comment=text,
        ip_address=ip,
        parent_id=parent.pk if parent else 0,
        is_public=True,
    )
    comment.save()
    return comment


@pytest.fixture
def a_traceable_member(db):
    """A member whose name and address are unique tokens we can search for."""
    user = UserFactory(email="zqxtoken.member@example.com", display_name="Zqxdisplaytoken")
    consent_record(user=user)
    return user


def test_export_covers_every_model_with_a_foreign_key_to_the_user(client, a_traceable_member):
    client.force_login(a_traceable_member)
    response = client.get("/accounts/data/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    expected = {
        f"{model._meta.label_lower}.{field.name}"
        for model, field in user_related_fields()
        if model is not get_user_model()
    }
    assert expected <= set(data["records"])
    # The obvious ones are there, so the introspection really ran.
    assert {"accounts.consent.user", "account.emailaddress.user", "django_comments.comment.user"} <= expected


def test_export_contains_profile_consents_and_comments(a_traceable_member, an_article):
    comment_on(an_article, a_traceable_member, "My own words about sleep.")
    data = user_data_export(user=a_traceable_member)
    assert data["profile"]["email"] == "zqxtoken.member@example.com"
    assert "password" not in data["profile"]
    assert data["records"]["accounts.consent.user"][0]["policy_version"]
    comments = data["records"]["django_comments.comment.user"]
    assert [c["comment"] for c in comments] == ["My own words about sleep."]


def test_export_is_only_for_the_member_themselves(client, a_traceable_member, another_member):
    client.force_login(another_member)
    data = json.loads(client.get("/accounts/data/download/").content)
    assert data["profile"]["email"] == another_member.email
    assert "zqxtoken" not in json.dumps(data)


def test_anonymous_visitor_is_sent_to_login_for_export(client):
    response = client.get("/accounts/data/download/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_delete_needs_the_current_password(client, a_traceable_member):
    client.force_login(a_traceable_member)
    response = client.post("/accounts/delete/", {"password": "wrong-password", "confirm": "on"})
    assert response.status_code == 400
    assert "That is not your current password." in response.content.decode()
    assert get_user_model().objects.filter(pk=a_traceable_member.pk).exists()


def test_delete_needs_the_confirmation_box(client, a_traceable_member):
    client.force_login(a_traceable_member)
    response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 400
    assert "Please tick this box to confirm." in response.content.decode()
    assert get_user_model().objects.filter(pk=a_traceable_member.pk).exists()


def test_deleted_member_cannot_log_in(client, a_traceable_member):
    client.force_login(a_traceable_member)
    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    login = client.post("/accounts/login/", {"login": "zqxtoken.member@example.com", "password": PASSWORD})
    assert login.status_code == 200
    assert "_auth_user_id" not in client.session


def test_comment_others_replied_to_stays_as_deleted_member(a_traceable_member, another_member, an_article):
    kept = comment_on(an_article, a_traceable_member, "A first thought.")
    reply = comment_on(an_article, another_member, "Thank you for this.", parent=kept)
    lonely = comment_on(an_article, a_traceable_member, "Nobody answered this one.")
    user_delete(user=a_traceable_member)
    kept.refresh_from_db()
    assert kept.user_id is None
    assert kept.user_name == "Deleted member"
    assert kept.ip_address is None
    assert XtdComment.objects.filter(pk=reply.pk).exists()
    assert not XtdComment.objects.filter(pk=lonely.pk).exists()


def _all_table_text():
    """Every row of every table, as text."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names come from introspection
            for row in cursor.fetchall():
                chunks.append(f"{table}: {row!r}")
    return "\n".join(chunks)


def test_nothing_identifying_remains_in_any_table_after_deletion(
    client, a_traceable_member, another_member, an_article, a_specialist_page
):
    from wagtail.models import PageLogEntry

    # Leave traces everywhere a member can: comments (one replied to),
    # sessions, an extra address, revisions and log entries, a page they own.
    kept = comment_on(an_article, a_traceable_member, "A first thought.")
    comment_on(an_article, another_member, "A reply.", parent=kept, ip="198.51.100.7")
    comment_on(an_article, a_traceable_member, "Alone.")
    EmailAddress.objects.create(user=a_traceable_member, email="zqxtoken.second@example.com", verified=False)
    an_article.save_revision(user=a_traceable_member, log_action=True)
    PageLogEntry.objects.log_action(an_article, "wagtail.edit", user=a_traceable_member)
    a_specialist_page.owner = a_traceable_member
    a_specialist_page.save()
    client.post("/accounts/login/", {"login": "zqxtoken.member@example.com", "password": "wrong"})
    client.force_login(a_traceable_member)
    client.get("/accounts/")
    domain = Site.objects.get_current().domain
    email_hash = hashlib.sha256(f"{domain}:zqxtoken.member@example.com".encode()).hexdigest()
    assert [key for key in cache._cache if email_hash in key], "the failed login was counted"
    assert "zqxtoken" in _all_table_text()  # the search below can find it

    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302

    # Login-attempt records: the per-address counter of the failed login is gone.
    assert not [key for key in cache._cache if email_hash in key]

    text = _all_table_text().lower()
    for token in ("zqxtoken", "zqxdisplaytoken", "203.0.113.9"):
        assert token not in text, f"{token} still stored"
    assert not Consent.objects.filter(user_id=a_traceable_member.pk).exists()


def test_every_user_foreign_key_is_declared_by_one_app():
    """A new model pointing at the user must be declared by the app that owns
    it (the "register_member_data" hook, accounts.member_data), once; one that
    neither cascades nor drops the link (DO_NOTHING, or rows that keep a copy
    of the name, address or IP) needs the app's erase function too."""
    from django.db import models

    declared = {}
    for data in registered():
        assert isinstance(data, MemberData)
        for name in data.fields:
            assert name not in declared, f"{name} is declared twice"
            declared[name] = data
    found = {f"{model._meta.label_lower}.{field.name}": field for model, field in user_related_fields()}
    found = {name: field for name, field in found.items() if not name.startswith("accounts.user.")}
    assert sorted(set(found) - set(declared)) == [], "foreign keys to the user that no app declares"
    assert sorted(set(declared) - set(found)) == [], "declared fields that are not foreign keys to the user"
    for name, field in found.items():
        on_delete = field.remote_field.on_delete
        assert on_delete in (models.CASCADE, models.SET_NULL) or declared[name].erase is not None, (
            f"{name} ({on_delete.__name__}) is not erased by the app that declares it"
        )


def test_deleting_an_account_drops_its_e_mails_still_waiting_in_the_outbox(db, mailoutbox):
    """In the task worker an e-mail waits, stored, until its task commits and
    the worker sends it (core.mail): one to a member who erases their account
    meanwhile is dropped with it, and nobody else's is."""
    from core.mail import deliver, send_stored, task_outbox
    from core.models import SentEmail

    leaving = UserFactory(email="Leaving@Example.com")
    staying = UserFactory(email="staying@example.com")
    with task_outbox("task-1") as outbox:
        deliver(kind="moderation", user=leaving, subject="Your question", text="A moderator decided.")
        deliver(kind="moderation", user=staying, subject="Your question", text="A moderator decided.")
    assert len(outbox.stored) == 2
    assert mailoutbox == []

    user_delete(user=leaving)

    leaving_row, staying_row = SentEmail.objects.order_by("key")
    assert leaving_row.message is None
    assert staying_row.message is not None
    assert [send_stored(pk) for pk in outbox.stored] == [False, True]
    assert [message.to for message in mailoutbox] == [["staying@example.com"]]
