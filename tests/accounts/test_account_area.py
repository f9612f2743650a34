import pytest

from accounts.decorators import member_required

pytestmark = pytest.mark.django_db


def test_account_page_has_every_section(client, a_member):
    client.force_login(a_member)
    html = client.get("/accounts/").content.decode()
    for section in ('id="profile"', 'id="security"', 'id="sessions"', 'id="your-data"'):
        assert section in html
    for link in ("/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/data/download/"):
        assert link in html
    assert "/accounts/delete/" in html


def test_member_saves_display_name_and_preferences(client, a_member):
    client.force_login(a_member)
    response = client.post(
        "/accounts/profile/",
        {"display_name": "  New   Name ", "default_anonymous": "", "notify_answers": "on", "notify_messages": "on"},
    )
    assert response.status_code == 302
    a_member.refresh_from_db()
    assert a_member.display_name == "New Name"
    assert a_member.default_anonymous is False
    assert a_member.notify_answers and a_member.notify_messages
    assert not a_member.notify_comment_replies and not a_member.notify_consultations


def test_empty_display_name_gets_a_message_next_to_the_field_and_saves_nothing(client, a_member):
    client.force_login(a_member)
    response = client.post("/accounts/profile/", {"display_name": "   ", "notify_answers": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_display_name_error"' in html
    assert 'aria-invalid="true"' in html
    a_member.refresh_from_db()
    assert a_member.display_name == "Rowan"
    assert a_member.notify_answers is True


def test_too_long_display_name_is_refused(client, a_member):
    client.force_login(a_member)
    response = client.post("/accounts/profile/", {"display_name": "x" * 61})
    assert response.status_code == 400
    assert "at most 60 characters" in response.content.decode()


def test_account_page_sends_visitors_to_log_in(client):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/"


def test_profile_update_refuses_get(client, a_member):
    client.force_login(a_member)
    assert client.get("/accounts/profile/").status_code == 405


def test_member_action_shows_visitors_a_sentence_with_links_back(rf, home_page):
    from django.contrib.auth.models import AnonymousUser

    @member_required(action="ask a question")
    def ask(request):
        raise AssertionError("must not run for visitors")

    request = rf.get("/questions/ask/?topic=sleep")
    request.user = AnonymousUser()
    response = ask(request)
    html = response.content.decode()
    assert response.status_code == 403
    assert "You need to be logged in to ask a question." in html
    assert 'href="/accounts/login/?next=/questions/ask/%3Ftopic%3Dsleep"' in html
    assert 'href="/accounts/signup/?next=/questions/ask/%3Ftopic%3Dsleep"' in html


def test_login_ignores_a_next_that_leaves_the_site(client, a_member, home_page):
    response = client.post(
        "/accounts/login/?next=https://evil.example.net/",
        {"login": a_member.email, "password": "a-long-test-password", "next": "https://evil.example.net/"},
    )
    assert response.status_code == 302
    assert "evil.example.net" not in response["Location"]


def test_login_follows_a_next_on_the_site(client, a_member, home_page):
    response = client.post(
        "/accounts/login/", {"login": a_member.email, "password": "a-long-test-password", "next": "/articles/"}
    )
    assert response["Location"] == "/articles/"


@pytest.mark.parametrize(
    "path", ["/accounts/", "/accounts/data/", "/accounts/email/", "/accounts/2fa/", "/accounts/sessions/"]
)
def test_account_pages_are_never_stored(client, a_member, home_page, path):
    client.force_login(a_member)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_pages_for_a_logged_in_member_are_private_and_for_visitors_not(client, a_member, home_page):
    assert "private" not in client.get("/help-now/").get("Cache-Control", "")
    client.force_login(a_member)
    assert "private" in client.get("/help-now/")["Cache-Control"]
