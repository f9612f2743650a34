"""The page cache for anonymous readers (core.page_cache): which pages are
kept, for whom never, how keys are made, and what throws kept pages away."""

import pytest
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template import engines
from django.test import Client, RequestFactory

from core import page_cache
from core.factories import TopicFactory
from qa.factories import AnswerFactory, QuestionFactory
from qa.models import QuestionIndexPage

pytestmark = pytest.mark.django_db

HIT, MISS = "hit", "miss"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def site(home_page, an_article, a_specialist_page, specialist_index, article_index):
    """One page of each kind a reader may be given from the cache."""
    question = QuestionFactory(title="How do I sleep before exams?")
    AnswerFactory(question=question, body="A wind-down hour without screens helps many people.")
    return {
        "home": "/",
        "article index": article_index.url,
        "article": an_article.url,
        "questions": QuestionIndexPage.objects.get().url,
        "question": question.get_absolute_url(),
        "directory": specialist_index.url,
        "specialist": a_specialist_page.url,
    }


def state(response):
    return response.get(page_cache.HEADER)


KINDS = ["home", "article index", "article", "questions", "question", "directory", "specialist"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_public_page_kind_is_kept_and_answered_without_a_query(kind, site, django_assert_num_queries):
    first = Client().get(site[kind])
    assert first.status_code == 200 and state(first) == MISS
    with django_assert_num_queries(0):
        second = Client().get(site[kind])
    assert state(second) == HIT
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_head_request_is_answered_from_the_kept_page_without_a_body(site):
    Client().get(site["article"])
    response = Client().head(site["article"])
    assert state(response) == HIT and response.content == b""


def test_shared_caches_may_keep_pages_browsers_ask_again_and_slot_pages_briefly(site, settings):
    for kind in KINDS:
        control = Client().get(site[kind])["Cache-Control"]
        brief = kind in {"directory", "specialist"}  # they show the next open consultation time
        seconds = settings.PAGE_CACHE_SLOT_SECONDS if brief else settings.PAGE_CACHE_SECONDS
        assert "max-age=0" in control and f"s-maxage={seconds}" in control, (kind, control)


def test_filtered_and_paginated_listings_are_kept_apart(site, article_index, an_article):
    TopicFactory(name="Anxiety", slug="anxiety")
    url = site["article index"]
    everything = Client().get(url)
    filtered = Client().get(url, {"topic": "anxiety"})
    assert state(filtered) == MISS and an_article.title not in filtered.content.decode()
    assert an_article.title in everything.content.decode()
    assert state(Client().get(url, {"topic": "anxiety"})) == HIT
    assert state(Client().get(url)) == HIT
    # ?page=1 is the first page: the same copy
    assert Client().get(url, {"page": "1"}).content == everything.content


def test_junk_parameters_get_the_plain_copy_and_are_never_kept(site):
    url = site["article"]
    junk = Client().get(url, {"utm_source": "mail", "x": "<b>"})
    assert state(junk) is None, "nothing was kept for this page yet, and junk keeps nothing"
    assert state(Client().get(url)) == MISS
    again = Client().get(url, {"utm_source": "other", "fbclid": "123"})
    assert state(again) == HIT
    assert b"utm_source" not in again.content and b"fbclid" not in again.content


def test_a_value_that_is_not_slug_like_is_never_kept(site):
    url = site["questions"]
    assert state(Client().get(url, {"topic": "a b"})) is None
    assert state(Client().get(url, {"topic": "a b"})) is None


def test_logged_in_members_are_never_given_or_leave_a_kept_copy(site, a_member):
    Client().get(site["question"])  # a reader's copy is kept
    member = Client()
    member.force_login(a_member)
    for kind in KINDS:
        response = member.get(site[kind])
        assert state(response) is None, kind
        assert "private" in response["Cache-Control"], kind
        assert a_member.display_name in response.content.decode(), kind
    reader = Client().get(site["question"])
    assert state(reader) == HIT and a_member.display_name not in reader.content.decode()
    for kind in KINDS:
        assert a_member.display_name not in Client().get(site[kind]).content.decode()


def test_a_session_cookie_alone_bypasses_the_cache(site):
    Client().get(site["home"])
    visitor = Client()
    visitor.cookies["sessionid"] = "whatever"
    assert state(visitor.get(site["home"])) is None


def test_posts_are_never_answered_from_the_cache(site):
    Client().get(site["question"])
    assert state(Client().post(site["question"], {})) is None


def test_messages_shown_after_logging_out_never_enter_a_kept_copy(site, a_member):
    member = Client()
    member.force_login(a_member)
    member.get("/accounts/logout/")
    home = member.post("/accounts/logout/", follow=True)
    assert "You are logged out" in home.content.decode()
    assert state(home) is None
    reader = Client().get(site["home"])
    assert state(reader) == MISS and "logged out" not in reader.content.decode()


def _through_middleware(view, request):
    """`view` behind sessions, CSRF, messages and the page cache, as in MIDDLEWARE."""
    inner = MessageMiddleware(CsrfViewMiddleware(view))
    return page_cache.PageCacheMiddleware(SessionMiddleware(inner))(request)


def test_a_page_that_shows_a_message_is_not_kept(home_page):
    def view(request):
        page_cache.cache_for_readers(request)
        messages.info(request, "Thank you")
        html = engines["django"].from_string("{% for m in messages %}{{ m }}{% endfor %}")
        return HttpResponse(html.render({"messages": messages.get_messages(request)}, request))

    response = _through_middleware(view, RequestFactory().get("/"))
    assert b"Thank you" in response.content
    assert state(response) is None
    assert state(_through_middleware(view, RequestFactory().get("/"))) is None


def test_a_page_with_a_csrf_token_is_not_kept(home_page):
    """A POST form shown to visitors carries their own token: such a page is
    rendered for each of them (none of the kept page kinds has one today)."""

    def view(request):
        page_cache.cache_for_readers(request)
        html = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
        return HttpResponse(html.render({}, request))

    first = _through_middleware(view, RequestFactory().get("/"))
    assert b"csrfmiddlewaretoken" in first.content and state(first) is None
    assert state(_through_middleware(view, RequestFactory().get("/"))) is None


def test_kept_pages_for_visitors_hold_no_csrf_token(site):
    for kind in KINDS:
        assert b"csrfmiddlewaretoken" not in Client().get(site[kind]).content, kind


def test_pages_that_did_not_opt_in_are_not_kept(home_page):
    Client().get("/accounts/login/")
    assert state(Client().get("/accounts/login/")) is None
    Client().get("/search/", {"q": "sleep"})
    assert state(Client().get("/search/", {"q": "sleep"})) is None
