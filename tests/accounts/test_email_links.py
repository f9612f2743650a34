"""Account e-mails link to the configured Wagtail site, as every absolute link
does, whatever Host header the request that asked for them carried."""

import re

import pytest
from django.core import mail
from wagtail.models import Site

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_a_real_host(home_page):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = "steady.example", 443, "Steady Ground"
    site.save()
    return "https://steady.example"


def links(message):
    return re.findall(r"https?://[^\s\"'<>]+", message.body)


def test_the_verification_link_is_on_the_configured_site(client, on_a_real_host):
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Quiet Heron",
            "email": "heron@example.com",
            "password1": "a-long-signup-password",
            "password2": "a-long-signup-password",
            "health_data_consent": "on",
        },
        HTTP_HOST="evil.example",
    )

    [message] = mail.outbox
    assert [link for link in links(message) if "/accounts/confirm-email/" in link]
    assert all(link.startswith(on_a_real_host + "/") for link in links(message)), links(message)
    assert "evil.example" not in message.body and "testserver" not in message.body
    assert "steady.example" in message.body  # the site named in the text is the same one


def test_the_password_reset_link_is_on_the_configured_site(client, on_a_real_host):
    UserFactory(email="heron@example.com")

    client.post("/accounts/password/reset/", {"email": "heron@example.com"}, HTTP_HOST="evil.example")

    [message] = mail.outbox
    reset = [link for link in links(message) if "/accounts/password/reset/key/" in link]
    assert reset and reset[0].startswith(on_a_real_host + "/accounts/password/reset/key/")
    assert "evil.example" not in message.body and "testserver" not in message.body
    # The link works on the site it names.
    response = client.get(reset[0].removeprefix(on_a_real_host), follow=True)
    assert response.status_code == 200
    assert "password1" in response.content.decode()
