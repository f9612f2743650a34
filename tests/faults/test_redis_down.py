"""Redis stopped under the site and started again (README "Redis going
away"): readers and logged-in members go on, the writes whose limits only
Redis counts are refused politely with what was typed kept and nothing
saved, the writes whose limits the database counts go on, and when Redis
is back everything works again without a restart.

Each test starts its own redis-server on a Unix socket in a fresh folder,
so it can run beside other workers: no shared service is stopped."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from accounts.factories import UserFactory
from config.settings.base import redis_caches
from core import shared_cache
from messaging.models import Conversation, Message
from qa.models import Question
from specialists.factories import SpecialistPageFactory
from tests.faults.redis_server import RedisServer

pytestmark = pytest.mark.django_db

REFUSED = "We cannot accept this right now"
PASSWORD = "a-long-test-password"  # accounts.factories.UserFactory's


@pytest.fixture
def redis_server(settings):
    """The site's cache is a real Redis of its own (the production settings'
    cache, config.settings.base.redis_caches), with the page cache on."""
    server = RedisServer()
    server.start()
    settings.CACHES = redis_caches(server.url)
    settings.PAGE_CACHE_ENABLED = True
    yield server
    server.close()


@pytest.fixture
def a_specialist(specialist_index):
    """A verified specialist's account, with a page members can write from."""
    user = UserFactory(email="specialist.redis@example.com", display_name="Dr Ada Moss")
    user.groups.add(Group.objects.get(name="Specialists"))
    SpecialistPageFactory(parent=specialist_index, title="Dr Ada Moss", slug="ada-moss", user=user)
    user.refresh_from_db()
    return user


def redis_back(server):
    server.start()
    time.sleep(shared_cache.RETRY_SECONDS)  # the site asks Redis again a second after it failed


def page_cache(response):
    return response.headers.get("X-Page-Cache")


def test_readers_and_members_go_on_reading_and_redis_comes_back_without_a_restart(
    client, redis_server, an_article, a_member
):
    assert client.get("/").status_code == 200
    assert page_cache(client.get("/")) == "hit"
    member = Client()
    member.force_login(a_member)  # a session in the database, as every member's is

    redis_server.stop()
    for path in ("/", "/articles/", an_article.url, "/questions/", "/specialists/", "/search/?q=sleep"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert page_cache(response) is None, path  # rendered, nothing kept
    for path in ("/", "/accounts/", "/messages/", "/questions/"):
        assert member.get(path).status_code == 200, path
    # The live look-ups only read published titles: answered, uncounted.
    assert client.get("/questions/similar/", {"q": "sleep at night"}).status_code == 200
    assert client.get("/search/suggest/", {"q": "sleep at night"}).status_code == 200

    redis_back(redis_server)
    assert page_cache(client.get("/")) == "miss"
    assert page_cache(client.get("/")) == "hit"
    assert member.get("/accounts/").status_code == 200


def test_logging_in_is_refused_on_the_form_while_redis_is_down_and_works_after(client, redis_server, a_member):
    redis_server.stop()
    response = client.post("/accounts/login/", {"login": a_member.email, "password": PASSWORD})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert REFUSED in page and "Traceback" not in page
    assert f'value="{a_member.email}"' in page  # what was typed, on the form again
    assert PASSWORD not in page
    assert "_auth_user_id" not in client.session

    redis_back(redis_server)
    response = client.post("/accounts/login/", {"login": a_member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(a_member.pk)


def test_signing_up_is_refused_on_the_form_while_redis_is_down_and_works_after(client, redis_server, home_page):
    form = {
        "display_name": "Robin at night",
        "email": "robin.signup@example.com",
        "password1": "a-long-new-password-9",
        "password2": "a-long-new-password-9",
        "health_data_consent": "on",
    }
    redis_server.stop()
    response = client.post("/accounts/signup/", form)
    assert response.status_code == 503
    page = response.content.decode()
    assert REFUSED in page
    assert 'value="Robin at night"' in page and 'value="robin.signup@example.com"' in page
    assert "a-long-new-password-9" not in page
    assert not get_user_model().objects.filter(email="robin.signup@example.com").exists()

    redis_back(redis_server)
    assert client.post("/accounts/signup/", form).status_code == 302
    assert get_user_model().objects.filter(email="robin.signup@example.com").exists()


def test_a_password_reset_is_refused_while_redis_is_down_and_no_mail_goes(client, redis_server, a_member, mailoutbox):
    redis_server.stop()
    response = client.post("/accounts/password/reset/", {"email": a_member.email})
    assert response.status_code == 503
    assert REFUSED in response.content.decode() and f'value="{a_member.email}"' in response.content.decode()
    assert mailoutbox == []

    redis_back(redis_server)
    assert client.post("/accounts/password/reset/", {"email": a_member.email}).status_code == 302
    assert len(mailoutbox) == 1


def test_a_message_is_refused_with_its_text_kept_while_redis_is_down(client, redis_server, a_member, a_specialist):
    client.force_login(a_member)
    url = f"/messages/new/{a_specialist.specialist_page.slug}/"
    token = str(client.get(url).context["form"].initial["token"])
    words = "Hello, could we talk about my <b>son's</b> sleep? He wakes at three every night."

    redis_server.stop()
    response = client.post(url, {"body": words, "token": token})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert REFUSED in page
    assert "could we talk about my &lt;b&gt;son&#x27;s&lt;/b&gt; sleep?" in page  # on the form, escaped
    assert not Conversation.objects.exists() and not Message.objects.exists()

    redis_back(redis_server)
    response = client.post(url, {"body": words, "token": token})
    assert response.status_code == 302
    assert Message.objects.get().body == words


def test_questions_go_on_while_redis_is_down_their_daily_limit_counted_in_the_database(
    client, redis_server, a_member, home_page, a_topic, settings
):
    client.force_login(a_member)
    redis_server.stop()
    for number in range(settings.QA_QUESTIONS_PER_DAY):
        body = f"Question {number}: every evening I go over tiny things I said and it keeps me awake."
        form = {"title": f"How do I stop worrying, part {number}?", "body": body, "topic": a_topic.pk}
        response = client.post("/questions/ask/", form)
        assert response.status_code == 302, response.context and response.context["form"].errors
    one_more = {"title": "One more worry for today?", "body": "And another thing keeps me awake.", "topic": a_topic.pk}
    response = client.post("/questions/ask/", one_more)
    assert response.status_code == 400
    assert "which is the daily limit" in response.content.decode()
    assert Question.objects.filter(author=a_member).count() == settings.QA_QUESTIONS_PER_DAY


def test_a_change_made_while_redis_was_down_is_not_hidden_by_its_old_pages(
    client, redis_server, an_article, django_capture_on_commit_callbacks
):
    assert client.get(an_article.url).status_code == 200
    assert page_cache(client.get(an_article.url)) == "hit"

    redis_server.stop(keep=True)  # it comes back with the kept pages
    an_article.title = "A title changed while Redis was away"
    with django_capture_on_commit_callbacks(execute=True):
        an_article.save_revision().publish()

    redis_back(redis_server)
    response = client.get(an_article.url)
    assert page_cache(response) == "miss"  # this process moved the generation on once Redis answered
    assert "A title changed while Redis was away" in response.content.decode()


def test_any_other_counted_write_gets_the_polite_page_while_redis_is_down(client, redis_server, a_member):
    client.force_login(a_member)
    redis_server.stop()
    words = "I would like my new address to be this one, it is the one I read every day."
    response = client.post(
        "/accounts/email/",
        {"action_add": "", "email": "new.address@example.com", "note": words},
        HTTP_REFERER="http://testserver/accounts/email/",
    )
    assert response.status_code == 503
    page = response.content.decode()
    assert "Please try again in a minute" in page and "Traceback" not in page
    assert words in page  # kept (the 503 page gives back text a person wrote)
    assert not a_member.emailaddress_set.filter(email="new.address@example.com").exists()
