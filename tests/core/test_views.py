"""Site-wide views: admin login door, crisis page, error pages, search."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory

from articles.factories import ArticlePageFactory
from core import views
from core.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_admin_login_goes_through_the_site_login_keeping_next(client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_anonymous_admin_visit_ends_at_the_site_login(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    assert "%2Fadmin%2F" in response.redirect_chain[-1][0]
    assert response.status_code == 200


def test_help_now_shows_crisis_resources_from_site_settings(client):
    site_settings = SiteSettings.load()
    site_settings.emergency_number = "999"
    site_settings.crisis_resources = [
        (
            "resource",
            {
                "name": "Samaritans",
                "phone": "116 123",
                "text_line": "",
                "url": "https://www.samaritans.org/",
                "hours": "24/7",
                "description": "Someone to talk to, day or night.",
            },
        )
    ]
    site_settings.save()

    response = client.get("/help-now/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "If you are in crisis, help is available now"
    assert soup.select_one(".emergency a")["href"] == "tel:999"
    assert "Emergency: call 999" in soup.select_one(".emergency").get_text()
    line = soup.select_one(".crisis-lines .crisis-line")
    assert line.select_one(".crisis-line__name").get_text() == "Samaritans"
    assert line.find("a", href="tel:116123") is not None
    assert "Someone to talk to, day or night." in line.get_text()


def test_help_now_works_before_any_settings_are_saved(client):
    response = client.get("/help-now/")

    assert response.status_code == 200
    assert 'href="tel:112"' in response.content.decode()


@pytest.fixture
def public_urls(home_page, article_index, an_article):
    return {"home": "/", "article index": article_index.url, "article": an_article.url, "help now": "/help-now/"}


@pytest.mark.parametrize("name", ["home", "article index", "article", "help now", "search", "not found"])
def test_every_page_links_to_help_now(client, public_urls, name):
    url = {**public_urls, "search": "/search/?q=steady", "not found": "/no-such-page/"}[name]

    response = client.get(url)

    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one("header a.help-now")
    assert link is not None, name
    assert link["href"] == "/help-now/"
    assert link.get_text(strip=True) == "Need help now?"


def test_unknown_page_uses_our_404_template(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert [t.name for t in response.templates][0] == "404.html"


def test_server_error_renders_our_500_page_without_the_database(django_assert_num_queries):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = views.server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert 'href="/help-now/"' in html


def test_search_finds_an_article_by_a_word_in_its_body(client, article_index, a_specialist_page):
    ArticlePageFactory(
        parent=article_index,
        title="Falling asleep",
        author=a_specialist_page,
        body=[("paragraph", "<p>The hypnagogic jerk is common and harmless.</p>")],
    )
    ArticlePageFactory(parent=article_index, title="Something else", author=a_specialist_page)

    response = client.get("/search/", {"q": "hypnagogic"})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text() for a in soup.select(".search-results a")] == ["Falling asleep"]


def test_search_does_not_find_drafts(client, article_index, a_specialist_page):
    ArticlePageFactory(
        parent=article_index,
        title="Unpublished",
        live=False,
        body=[("paragraph", "<p>The hypnagogic jerk is common.</p>")],
    )

    response = client.get("/search/", {"q": "hypnagogic"})

    assert response.status_code == 200
    assert "Unpublished" not in response.content.decode()
    assert "Nothing matched" in response.content.decode()


def test_empty_search_shows_the_form_only(client, home_page):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("form.search-form input[name=q]") is not None
    assert soup.select_one(".search-results") is None
    assert "Nothing matched" not in response.content.decode()


def test_very_long_search_is_cut_short_not_an_error(client, home_page):
    response = client.get("/search/", {"q": "calm " * 100})

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


HOSTILE_QUERIES = ["\x00", "calm\x00down", '"', 'say "hi', "sleep*", "NEAR(a b)", "\u202e\u200bsleep", "&<>'", "\x1b["]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_search_gives_results_or_the_empty_state(client, article_index, a_specialist_page, query):
    ArticlePageFactory(parent=article_index, title="Sleep and calm", author=a_specialist_page)

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_search_finds_words_around_punctuation_and_full_width_letters(client, article_index, a_specialist_page):
    ArticlePageFactory(parent=article_index, title="Falling asleep", author=a_specialist_page)

    for query in ['"asleep', "ａｓｌｅｅｐ", "asle\x00ep asleep*"]:
        response = client.get("/search/", {"q": query})
        titles = [a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(".search-hit__title a")]
        assert titles == ["Falling asleep"], query


def test_search_terms_keep_words_only():
    from core.text import search_terms

    assert search_terms('say "hello" (NEAR) *x* -y') == "say hello NEAR x y"
    assert search_terms("\x00\x01") == ""
    assert search_terms("ｃａｌｍ") == "calm"
    assert len(search_terms("word " * 100).split()) == 12


def _post_with_stale_token(referer, data):
    client = Client(enforce_csrf_checks=True)
    return client.post("/contact/", data, HTTP_REFERER=referer)


def test_csrf_failure_explains_and_gives_back_the_text(home_page):
    data = {"subject": "About my question", "message": "I wrote a long message here.", "password": "hunter2 secret"}
    response = _post_with_stale_token("http://testserver/contact/", data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send that again" in html
    assert "I wrote a long message here." in html
    assert "About my question" in html
    assert "hunter2" not in html
    assert 'href="/help-now/"' in html  # the site's own layout, crisis link and all


def test_csrf_failure_from_another_site_gives_back_nothing(home_page):
    response = _post_with_stale_token("https://evil.example/form", {"message": "Call this number now please"})
    assert response.status_code == 403
    assert "Call this number" not in response.content.decode()
    assert "Please send that again" in response.content.decode()
