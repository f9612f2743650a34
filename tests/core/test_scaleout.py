"""`make scaleout`'s script, run as make test runs everything: two app
servers (production settings under gunicorn), one Redis, moto's S3 server and
Varnish in front, on a copy of the migrated test template in this run's
PostgreSQL. Its five checks (balancing, a shared session, a shared rate
limit, media from the bucket, a purge on publish) must all pass."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest

from tests import pg_template

ROOT = Path(__file__).resolve().parents[2]
CHECKS = [
    "Varnish balances A and B",
    "a login made through A works on B",
    "failed logins on A and B count against one limit",
    "a photo uploaded through A is served on B from the bucket",
    "publishing through A purges Varnish and both servers' cache",
]


def require(tool, install):
    places = [shutil.which(tool), f"/usr/sbin/{tool}", str(Path(sys.executable).parent / tool)]
    if not any(place and os.access(place, os.X_OK) for place in places):
        pytest.fail(f"The scale-out test needs {tool}. Install it with: {install}", pytrace=False)


@pytest.fixture
def migrated_database():
    """A database of its own in the test cluster, copied from the migrated
    template (migrating afresh would cost minutes); dropped afterwards."""
    settings_dict = dj_database_url.parse(os.environ["DATABASE_URL"])
    settings_dict.setdefault("TEST", {})
    template = pg_template.ensure_template(settings_dict)
    name = f"scaleout_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    connection = pg_template._connect(settings_dict)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        yield pg_template._url(settings_dict, name)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()


def test_two_app_servers_share_sessions_limits_media_and_purges(migrated_database):
    require("varnishd", "make varnish")
    require("redis-server", "make redis")
    require("moto_server", "make install")
    env = {**os.environ, "DATABASE_URL": migrated_database}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # the script sets the production settings itself

    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "scripts/scaleout.py", "--migrated"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output, _ = process.communicate(timeout=900)
    except subprocess.TimeoutExpired:
        process.terminate()  # the script stops every part it started on SIGTERM
        output, _ = process.communicate(timeout=120)
        pytest.fail(f"scripts/scaleout.py took over 900 s:\n{output}")

    assert process.returncode == 0, output
    for check in CHECKS:
        assert f"PASS {check}:" in output, output
    assert "FAIL" not in output, output
    assert "5 passed, 0 failed" in output, output
