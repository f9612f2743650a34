"""The header's account menu: the member's name opens the account area; the
menu leads to their questions, their comments and the account. Works
without JavaScript (a disclosure)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def header(html):
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def test_logged_in_header_has_the_name_linking_to_the_account_and_the_menu(client, a_member, home_page):
    client.force_login(a_member)
    html = header(client.get("/").content.decode())
    assert f'<a class="site-account__name" href="{reverse("account_home")}">{a_member.display_name}</a>' in html
    menu = html[html.index('<details class="account-menu">') :]
    assert "<summary" in menu
    for url, label in (
        ("/questions/mine/", "My questions"),
        ("/comments/mine/", "My comments"),
        (reverse("account_home"), "Account"),
    ):
        assert f'<a href="{url}">{label}</a>' in menu
    assert f'action="{reverse("account_logout")}"' in menu and 'name="csrfmiddlewaretoken"' in menu


def test_the_current_page_is_marked_in_the_menu(client, a_member, home_page):
    client.force_login(a_member)
    html = header(client.get("/questions/mine/").content.decode())
    assert '<a href="/questions/mine/" aria-current="page">My questions</a>' in html


def test_visitors_see_log_in_and_sign_up_not_the_menu(client, home_page):
    html = header(client.get("/").content.decode())
    assert "account-menu" not in html
    assert reverse("account_login") in html and reverse("account_signup") in html


def test_display_name_is_escaped_in_the_header(client, home_page):
    from accounts.factories import UserFactory

    member = UserFactory(email="odd@example.com", display_name="<b>Odd</b>")
    client.force_login(member)
    html = header(client.get("/").content.decode())
    assert "<b>Odd</b>" not in html and "&lt;b&gt;Odd&lt;/b&gt;" in html
