"""The plain "ok" view of `make bench` is routed by the bench settings only:
production's URLconf never answers it."""

import pytest
from django.test import override_settings

from tests.core.test_settings import production_env, read_settings

pytestmark = pytest.mark.django_db


def test_production_urlconf_does_not_answer_the_plain_view(client):
    response = client.get("/_bench/ok/")

    assert response.status_code == 404


@override_settings(ROOT_URLCONF="config.bench_urls")
def test_bench_urlconf_answers_ok_through_the_middleware(client):
    response = client.get("/_bench/ok/")

    assert response.status_code == 200
    assert response.content == b"ok"
    # The site's middleware ran: it sets the security headers on every response.
    assert "Content-Security-Policy" in response.headers


def test_only_the_bench_settings_route_to_the_bench_urlconf():
    env = production_env()

    production = read_settings("config.settings.production", ["ROOT_URLCONF"], env)
    bench = read_settings("config.settings.bench", ["ROOT_URLCONF"], env)

    assert production["ROOT_URLCONF"] == "config.urls"
    assert bench["ROOT_URLCONF"] == "config.bench_urls"
