"""`make run`'s set-up, for real: the dev settings on an embedded SQLite
database, served by runserver (one thread per request), hit in parallel by a
logged-in member and by hostile search queries.

The rest of the suite runs on PostgreSQL; these faults (database is locked,
FTS5 syntax errors) only exist on SQLite, so this module builds its own SQLite
database once, in a temporary folder, and starts the server on a free port.

The database is `manage.py migrate` with the dev settings, as `make run` does.
scripts/test.sh runs that migrate while lint runs, into the file named by
STEADY_SQLITE_TEMPLATE; this module then starts from a copy of that file
instead of migrating again (and migrates itself when run without it)."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]

SETUP = """
from datetime import time, timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from accounts.factories import UserFactory
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from home.models import HomePage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from django.utils import timezone
from core.dates import machine_datetime
from specialists.models import Availability, AvailabilityWindow, ConsultationRequest, DateOff
from specialists.slots import Window, open_slots

home = HomePage.objects.get(depth=2)
articles = ArticleIndexPageFactory(parent=home, title="Articles", slug="articles")
directory = SpecialistIndexPageFactory(parent=home, title="Specialists", slug="specialists")
author = SpecialistPageFactory(parent=directory, title="Dr Quinn Ash")
for n in range(3):
    ArticlePageFactory(parent=articles, author=author, title=f"Sleeping better, part {n}")
# A specialist taking free consultations: the directory's card and the landing
# page work out a next open time from the availability, its dates off and held
# slots, read in one UNION of the three (SQLite has no arrays).
consulting = SpecialistPageFactory(
    parent=directory,
    title="Dr Rowan Vale",
    slug="rowan-vale",
    offers_free_consultation=True,
    user=UserFactory(email="sqlite.consultant@example.com"),
)
availability = Availability.objects.create(specialist=consulting)
for day in range(7):
    AvailabilityWindow.objects.create(availability=availability, weekday=day, start=time(9), end=time(17))


def slots(dates_off=(), taken=()):
    return open_slots(
        zone=availability.zone,
        windows=[Window(day, time(9), time(17)) for day in range(7)],
        dates_off=dates_off,
        notice=timedelta(hours=availability.notice_hours),
        horizon=timedelta(days=availability.horizon_days),
        now=timezone.now(),
        taken=taken,
    )


# The first open day is off, the first slot after it held: the next open time
# shown is the one after that.
day_off = slots()[0].astimezone(availability.zone).date()
DateOff.objects.create(availability=availability, date=day_off)
held = slots(dates_off={day_off})[0]
ConsultationRequest.objects.create(specialist=consulting, slot_start=held, requested_start=held, format="online")
with timezone.override(availability.zone):
    print(machine_datetime(slots(dates_off={day_off}, taken={held})[0]))
member = UserFactory(email="sqlite.member@example.com", display_name="Robin")
session = SessionStore()
session[SESSION_KEY] = str(member.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = member.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    template = os.environ.get("STEADY_SQLITE_TEMPLATE")
    if template and Path(template).is_file():
        # SQLite's backup API: a consistent copy whatever the journal mode.
        source, copy = sqlite3.connect(template), sqlite3.connect(folder / "db.sqlite3")
        source.backup(copy)
        source.close()
        copy.close()
    else:
        subprocess.run(  # noqa: S603 - fixed arguments
            [*manage, "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True, timeout=600
        )
    created = subprocess.run(  # noqa: S603 - fixed arguments
        [*manage, "shell", "-c", SETUP], env=env, cwd=ROOT, check=True, timeout=120, capture_output=True, text=True
    )
    next_open, session_key = created.stdout.strip().splitlines()[-2:]
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(base + "/robots.txt", timeout=2)
            break
        except requests.ConnectionError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"runserver did not start: {server.stderr.read()}")
            time.sleep(0.2)
    yield {"base": base, "session_key": session_key, "next_open": next_open}
    server.terminate()
    server.wait(timeout=20)


def _member(sqlite_server):
    http = requests.Session()
    http.cookies.set("sessionid", sqlite_server["session_key"], domain="127.0.0.1")
    return http


def test_a_members_parallel_requests_all_succeed(sqlite_server):
    """18 parallel reads by one logged-in member (pages, the stylesheet) and
    writes of their settings at the same time: none is refused."""
    base = sqlite_server["base"]
    http = _member(sqlite_server)
    account = http.get(base + "/accounts/", timeout=20)
    assert account.status_code == 200 and "Robin" in account.text
    csrf = http.cookies.get("csrftoken")
    paths = ["/", "/articles/", "/accounts/", "/specialists/", "/static/css/site.css", "/help-now/"] * 3

    def read(path):
        return path, http.get(base + path, timeout=30).status_code

    def write(n):
        response = http.post(
            base + "/accounts/profile/",
            data={"display_name": f"Robin {n}", "csrfmiddlewaretoken": csrf, "notify_answers": "on"},
            headers={"Referer": base + "/accounts/"},
            allow_redirects=False,
            timeout=30,
        )
        return f"POST {n}", response.status_code

    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(read, paths)) + list(pool.map(write, range(6)))
    failures = [(what, status) for what, status in results if status not in (200, 302)]
    assert failures == []


def test_the_directory_and_a_consulting_specialists_page_render_on_sqlite(sqlite_server):
    """The cards' and the landing page's next open consultation time are read
    with SQL SQLite understands (PostgreSQL-only expressions broke them once),
    and come out right: past a date off and a held slot."""
    base = sqlite_server["base"]
    shown = f'datetime="{sqlite_server["next_open"]}"'
    directory = requests.get(base + "/specialists/", timeout=30)
    assert directory.status_code == 200
    assert "Dr Rowan Vale" in directory.text
    assert 'class="card__next-slot"' in directory.text and shown in directory.text
    landing = requests.get(base + "/specialists/rowan-vale/", timeout=30)
    assert landing.status_code == 200
    assert "Dr Rowan Vale" in landing.text
    assert "Next open time for the free consultation" in landing.text and shown in landing.text


@pytest.mark.parametrize(
    "query",
    ['"', 'say "hello', "\x00", "a\x00b", "sleep*", "NEAR(a b)", "-sleep", "OR", "sleep AND", "^", "'; DROP x;--"],
)
def test_hostile_search_queries_give_results_or_the_empty_state(sqlite_server, query):
    response = requests.get(sqlite_server["base"] + "/search/", params={"q": query}, timeout=30)
    assert response.status_code == 200
    assert 'name="q"' in response.text


def test_search_still_finds_words_next_to_syntax(sqlite_server):
    response = requests.get(sqlite_server["base"] + "/search/", params={"q": '"sleeping'}, timeout=30)
    assert response.status_code == 200
    # Found, with the word highlighted in the title: the words, not the markup, are checked.
    assert "<mark>Sleeping</mark> better, part 0" in response.text
