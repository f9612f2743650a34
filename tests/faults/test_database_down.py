"""PostgreSQL stopped under the site and started again: a polite 503 that
gives back the member's text while it is down, and the site answering again
within seconds of it coming back (CONN_HEALTH_CHECKS, core.views)."""

import shlex
import subprocess
import time
from contextlib import contextmanager
from glob import glob
from pathlib import Path

import pytest
from django.db import connection

from qa.models import Question

# It stops the cluster every test database lives in: never beside another
# worker (scripts/test.sh runs it on its own after the parallel run).
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.stops_database]


def _pg_ctl(data, *args):
    pg_ctl = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]
    command = ["runuser", "-u", "postgres", "--", pg_ctl, "-D", str(data), "-w", *args]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed command


@contextmanager
def database_stopped():
    """Stop the test cluster (scripts/with-postgres.sh's) and start it again,
    with the same options, when the block ends."""
    data = Path(connection.settings_dict["HOST"]) / "data"
    options = shlex.split((data / "postmaster.opts").read_text())[1:]  # less the binary
    connection.close()
    _pg_ctl(data, "-m", "fast", "stop")
    try:
        yield
    finally:
        _pg_ctl(data, "-l", str(data.parent / "server.log"), "-o", shlex.join(options), "start")


def test_database_restart_gives_a_polite_page_keeps_the_text_and_recovers(client, a_member, home_page):
    client.force_login(a_member)
    client.raise_request_exception = False  # answer as the server does (handler500), not re-raise
    words = "I have not slept properly <b>since</b> the move and I feel on edge all day."
    with database_stopped():
        response = client.post(
            "/questions/ask/",
            {"title": "Sleep after moving house", "body": words},
            HTTP_REFERER="http://testserver/questions/ask/",
        )
        read = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Back in a moment" in page and "Traceback" not in page and "OperationalError" not in page
    assert "I have not slept properly &lt;b&gt;since&lt;/b&gt; the move" in page  # kept, escaped
    assert read.status_code == 503

    came_back = time.monotonic()
    while client.get("/").status_code != 200:
        assert time.monotonic() - came_back < 5, "the site did not recover within 5 s of the database"
        time.sleep(0.1)
    assert not Question.objects.filter(body=words).exists()  # nothing half-written
