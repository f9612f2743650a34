import pytest
from django.core import mail

from accounts.factories import UserFactory
from home.models import ContactMessage, ContactPage
from home.services import CONTACT_MESSAGES_PER_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page):
    page = ContactPage(title="Contact us", slug="contact")
    home_page.add_child(instance=page)
    return page


def valid(**overrides):
    return {"subject": "A question about the site", "message": "How do I change my display name?", **overrides}


def test_visitor_sees_a_sentence_with_login_links_back_to_the_form(client, contact_page):
    response = client.get("/contact/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "You need to be logged in to send us a message." in html
    assert 'href="/accounts/login/?next=/contact/"' in html
    assert "<textarea" not in html


def test_visitor_post_is_refused_and_saves_nothing(client, contact_page):
    response = client.post("/contact/", valid())
    assert response.status_code == 403
    assert not ContactMessage.objects.exists()


def test_unverified_member_is_asked_to_confirm_the_address_first(client, contact_page):
    client.force_login(UserFactory(verified=False))
    response = client.post("/contact/", valid())
    assert response.status_code == 403
    assert "Please confirm your e-mail address" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_member_message_is_stored_and_emailed_to_the_team(
    client, contact_page, a_member, django_capture_on_commit_callbacks
):
    client.force_login(a_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", valid())
    assert response.status_code == 302
    contact = ContactMessage.objects.get()
    assert contact.user == a_member
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["hello@example.com"]
    assert sent.reply_to == [a_member.email]
    assert "How do I change my display name?" in sent.body
    assert "change my display name" not in sent.subject
    # What the member typed as the subject is in the body, not the e-mail's subject.
    assert sent.subject == f"Contact form #{contact.pk}"
    assert "Subject: A question about the site" in sent.body


def test_double_submit_stores_one_message(client, contact_page, a_member):
    client.force_login(a_member)
    client.post("/contact/", valid())
    client.post("/contact/", valid())
    assert ContactMessage.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("subject", "", "This field is required."),
        ("subject", "ok", "at least 3 characters"),
        ("subject", "x" * 121, "at most 120 characters"),
        ("message", "", "This field is required."),
        ("message", "short", "at least 10 characters"),
        ("message", "x" * 4001, "at most 4000 characters"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_saves_nothing(
    client, contact_page, a_member, field, value, message
):
    client.force_login(a_member)
    response = client.post("/contact/", valid(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_daily_limit_gives_a_clear_message(client, contact_page, a_member):
    client.force_login(a_member)
    for number in range(CONTACT_MESSAGES_PER_DAY):
        assert client.post("/contact/", valid(subject=f"Question {number}")).status_code == 302
    response = client.post("/contact/", valid(subject="One more"))
    assert response.status_code == 400
    assert "You have sent several messages today." in response.content.decode()
    assert ContactMessage.objects.count() == CONTACT_MESSAGES_PER_DAY
