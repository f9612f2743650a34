import re

import pytest
from django.core import mail

from accounts.models import Consent, User

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "display_name": "Quiet Heron",
        "email": "heron@example.com",
        "password1": "a-long-signup-password",
        "password2": "a-long-signup-password",
        "health_data_consent": "on",
    }
    data.update(overrides)
    return data


def test_signup_records_consent_with_policy_version(client, settings, home_page):
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="heron@example.com")
    assert user.display_name == "Quiet Heron"
    consent = Consent.objects.get(user=user)
    assert consent.kind == Consent.HEALTH_DATA
    assert consent.policy_version == settings.PRIVACY_POLICY_VERSION
    assert list(user.groups.values_list("name", flat=True)) == ["Members"]


def test_signup_without_consent_is_refused_next_to_the_field(client, home_page):
    response = client.post(SIGNUP, signup_data(health_data_consent=""))
    assert response.status_code == 200
    assert not User.objects.filter(email="heron@example.com").exists()
    assert "We can only create an account if you agree to this." in response.content.decode()


def test_signup_sends_verification_and_verifying_logs_in(client, home_page):
    client.post(SIGNUP, signup_data())
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    response = client.post(path)
    assert response.status_code == 302
    user = User.objects.get(email="heron@example.com")
    assert user.emailaddress_set.get().verified


def test_unverified_member_cannot_log_in_before_verifying(client, home_page):
    client.post(SIGNUP, signup_data())
    client.logout()
    response = client.post("/accounts/login/", {"login": "heron@example.com", "password": "a-long-signup-password"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session


def test_signup_with_a_known_address_answers_like_a_new_one(client, a_member, home_page):
    known = client.post(SIGNUP, signup_data(email=a_member.email))
    client.logout()
    new = client.post(SIGNUP, signup_data(email="someone.new@example.com"))
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    # The owner of the known address is told by e-mail instead.
    assert any(a_member.email in message.to for message in mail.outbox)
    assert User.objects.filter(email=a_member.email).count() == 1


def test_display_name_cannot_be_an_email_address(client, home_page):
    response = client.post(SIGNUP, signup_data(display_name="me@example.com"))
    assert response.status_code == 200
    assert not User.objects.filter(email="heron@example.com").exists()
    assert "e-mail address as your display name" in response.content.decode()


def test_confirmation_email_quotes_nothing_the_signer_typed(client, home_page):
    client.post(SIGNUP, signup_data(display_name="Visit evil example dot com now"))
    (message,) = mail.outbox
    assert "evil" not in message.body and "evil" not in message.subject
    assert "/accounts/confirm-email/" in message.body


def test_consent_links_to_the_privacy_page_wherever_editors_put_it(client, home_page):
    from bs4 import BeautifulSoup

    from home.models import StandardPage

    def privacy_links():
        html = BeautifulSoup(client.get(SIGNUP).content, "html.parser")
        return [a["href"] for a in html.find_all("a") if a.get_text() == "How we handle your data"]

    assert privacy_links() == []  # no page yet: no link to nowhere
    about = home_page.add_child(instance=StandardPage(title="About", slug="about"))
    about.add_child(instance=StandardPage(title="Privacy", slug="privacy"))
    assert privacy_links() == ["/about/privacy/"]
