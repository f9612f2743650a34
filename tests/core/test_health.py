"""/health/ (database and cache reachable) and the production request log
(one JSON line per request, nothing personal in it)."""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import path

from accounts.factories import UserFactory
from config import urls as site_urls
from config.settings.base import redis_caches
from core.request_log import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]
HEALTH = "/health/"


def closed_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_health_is_ok_when_database_and_cache_answer(client):
    response = client.get(HEALTH)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_health_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{closed_port()}/0")  # the production cache

    response = client.get(HEALTH)

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    assert "no-store" in response["Cache-Control"]


HEALTH_WITHOUT_DATABASE = """
import django
django.setup()
from django.test import Client
response = Client().get("/health/")
print(response.status_code, response.content.decode(), response["Cache-Control"], sep="\\n")
"""


def test_health_is_503_when_the_database_is_unreachable():
    """A real server process whose PostgreSQL refuses connections."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://steady@127.0.0.1:{closed_port()}/steady",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", HEALTH_WITHOUT_DATABASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    status, body, cache_control = result.stdout.strip().splitlines()[-3:]
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-store" in cache_control


@pytest.mark.django_db
def test_health_is_kept_out_of_robots_and_the_sitemap(client, home_page):
    assert "Disallow: /health/" in client.get("/robots.txt").content.decode().splitlines()
    assert HEALTH not in client.get("/sitemap.xml").content.decode()


# --- The request log -----------------------------------------------------------

REQUEST_FIELDS = {"time", "level", "logger", "event", "method", "route", "status", "duration_ms"}


@pytest.fixture
def request_log(settings, caplog):
    """The production middleware in front of the test settings' chain; gives
    the lines written so far, formatted as production formats them."""
    settings.MIDDLEWARE = ["core.request_log.RequestLogMiddleware", *settings.MIDDLEWARE]
    caplog.set_level(logging.INFO, logger="steady.requests")
    formatter = JsonFormatter()

    def lines():
        return [formatter.format(record) for record in caplog.records if record.name == "steady.requests"]

    return lines


@pytest.mark.django_db
def test_a_request_line_names_the_route_and_never_the_query_or_the_member(client, request_log):
    member = UserFactory(email="robin.private@example.com", display_name="Robin")
    client.force_login(member)

    response = client.get("/search/", {"q": "panic attacks at night", "from": "robin.private@example.com"})

    assert response.status_code == 200
    [line] = request_log()
    entry = json.loads(line)
    assert set(entry) == REQUEST_FIELDS  # no user, address, path or query field
    assert entry["event"] == "request"
    assert entry["method"] == "GET"
    assert entry["route"] == "search"
    assert entry["status"] == 200
    assert entry["level"] == "info"
    assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] >= 0
    for private in ("panic", "robin", "Robin", "?", "q="):
        assert private not in line


@pytest.mark.django_db
def test_a_page_is_logged_by_its_kind_and_a_missing_one_by_its_route(client, an_article, request_log):
    client.get("/")
    client.get(an_article.url)
    client.get("/someone@example.com/")

    home, article, missing = (json.loads(line) for line in request_log())
    assert (home["route"], home["status"]) == ("page:home.HomePage", 200)
    assert (article["route"], article["status"]) == ("page:articles.ArticlePage", 200)
    assert (missing["route"], missing["status"]) == ("wagtail_serve", 404)
    assert "error" not in missing
    assert an_article.slug not in json.dumps([home, article, missing])


def failing_view(request):
    raise ValueError("typed by a member: robin.private@example.com")


# The site's own routes (the error page links to them) behind one that fails.
urlpatterns = [path("fails/", failing_view, name="fails"), *site_urls.urlpatterns]


@pytest.mark.django_db
def test_a_server_error_is_one_line_with_the_error_class_and_not_its_message(settings, request_log):
    settings.ROOT_URLCONF = __name__

    response = Client(raise_request_exception=False).get("/fails/", {"q": "secret term"})

    assert response.status_code == 500
    [line] = request_log()
    entry = json.loads(line)
    assert entry["level"] == "error"
    assert (entry["route"], entry["status"], entry["error"]) == ("fails", 500, "ValueError")
    assert any("tests/core/test_health.py" in frame and "failing_view" in frame for frame in entry["where"])
    assert "robin" not in line
    assert "secret" not in line
