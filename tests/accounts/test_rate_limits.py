import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from accounts.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
LOCKED = "Too many failed login attempts"


@pytest.fixture
def redis_url():
    """A private redis-server on a Unix socket, stopped after the test. The
    socket sits in a fresh folder named after the pytest-xdist worker, so
    workers running this at the same time never share a server."""
    server = shutil.which("redis-server")
    assert server, "redis-server is missing. Install it with: apt-get install -y redis-server"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    folder = tempfile.mkdtemp(prefix=f"steady-redis-{worker}-")
    socket = os.path.join(folder, "redis.sock")
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [server, "--port", "0", "--unixsocket", socket, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if os.path.exists(socket):
            break
        time.sleep(0.05)
    assert os.path.exists(socket), "redis-server did not start"
    yield f"unix://{socket}"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


FAILED_LOGINS = """
import django, sys
django.setup()
from django.test import Client
client = Client()
outcome = []
for _ in range(int(sys.argv[1])):
    response = client.post("/accounts/login/", {"login": sys.argv[2], "password": "not-the-password"})
    outcome.append("locked" if "Too many failed login attempts" in response.content.decode() else "refused")
print(",".join(outcome))
"""


def failed_logins_in_another_process(count, email, redis_url):
    """Run `count` failed logins in a separate Python process sharing Redis."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "REDIS_URL": redis_url,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'].replace('/', '%2F')}/{db['NAME']}",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", FAILED_LOGINS, str(count), email],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().split(",")


@pytest.mark.django_db(transaction=True)
def test_login_lock_holds_across_two_processes_sharing_redis(redis_url, home_page):
    UserFactory(email="target@example.com")
    first = failed_logins_in_another_process(3, "target@example.com", redis_url)
    second = failed_logins_in_another_process(3, "target@example.com", redis_url)
    assert first == ["refused"] * 3
    # The limit is 5 per account per 15 minutes, counted across both processes.
    assert second == ["refused", "refused", "locked"]


@pytest.mark.django_db
def test_locked_out_member_sees_a_clear_message_and_the_lock_expires(client, home_page, a_member):
    from django.core.cache import cache

    for _ in range(5):
        client.post("/accounts/login/", {"login": a_member.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"login": a_member.email, "password": "a-long-test-password"})
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Every counter carries an expiry: nothing locks anyone out for good.
    keys = [key for key in cache._cache if "login_failed" in key]
    assert keys and all(cache._expire_info[key] is not None for key in keys)
    cache.clear()  # what the 15 minutes do
    response = client.post("/accounts/login/", {"login": a_member.email, "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(a_member.pk)


@pytest.mark.django_db
def test_login_failure_answers_the_same_for_known_and_unknown_addresses(client, home_page, a_member):
    def page(email):
        html = client.post("/accounts/login/", {"login": email, "password": "wrong"}).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html).replace(email, "X")

    assert "The email address and/or password you specified are not correct." in page(a_member.email)
    assert page(a_member.email) == page("nobody@example.com")


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, home_page, a_member):
    from django.core import mail

    known = client.post("/accounts/password/reset/", {"email": a_member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox if "nobody" not in message.to[0]] == [[a_member.email]]


@pytest.mark.django_db
def test_password_reset_requests_are_rate_limited(client, home_page, a_member):
    statuses = [client.post("/accounts/password/reset/", {"email": a_member.email}).status_code for _ in range(4)]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3] in (200, 429)


@pytest.mark.django_db
def test_signups_from_one_address_are_rate_limited(client, home_page):
    statuses = []
    for number in range(6):
        client.logout()
        response = client.post(
            "/accounts/signup/",
            {
                "display_name": f"Person {number}",
                "email": f"person{number}@example.com",
                "password1": "a-long-signup-password",
                "password2": "a-long-signup-password",
                "health_data_consent": "on",
            },
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429


def _signup(client, number, **headers):
    client.logout()
    return client.post(
        "/accounts/signup/",
        {
            "display_name": f"Person {number}",
            "email": f"proxied{number}@example.com",
            "password1": "a-long-signup-password",
            "password2": "a-long-signup-password",
            "health_data_consent": "on",
        },
        REMOTE_ADDR="10.0.0.2",  # every request arrives from our proxy
        **headers,
    ).status_code


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_has_their_own_limit(client, home_page, settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = [_signup(client, n, HTTP_X_FORWARDED_FOR="203.0.113.5") for n in range(6)]
    assert first == [302] * 5 + [429]
    # Another visitor behind the same proxy is not locked out by the first.
    assert _signup(client, 10, HTTP_X_FORWARDED_FOR="198.51.100.7") == 302
    # What a client writes into the header itself is not believed: the proxy
    # appends the address it saw, and that one counts.
    assert _signup(client, 11, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5") == 429


@pytest.mark.django_db
def test_without_trusted_proxies_the_header_is_ignored(client, home_page, settings):
    assert settings.TRUSTED_PROXY_COUNT == 0
    statuses = [_signup(client, n, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}") for n in range(6)]
    assert statuses == [302] * 5 + [429]


@pytest.mark.django_db
def test_our_own_limits_count_the_same_address_as_allauths(rf, settings):
    from core.http import client_ip

    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5")
    assert client_ip(request) == "203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
