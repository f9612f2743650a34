"""One migrated PostgreSQL database per test run, copied for each pytest worker.

Running every migration from scratch costs tens of seconds of CPU, and each
pytest-xdist worker used to do it for its own database. Instead the first to
need it migrates one template database, and every worker's test database is
`CREATE DATABASE test_steady_gw0 TEMPLATE <template>`, a file copy of well
under a second. pytest-django then keeps that database (keepdb): Django's
`migrate` finds nothing to apply and the serialized copy for serialized
rollback is taken from it as before.

The template is named after a hash of our migration files, the lock file
(the packages' migrations), the settings and this module, so a changed
migration gives a new template, never a stale one; older templates of the same test database are
dropped. Builds are serialised by a PostgreSQL advisory lock, so workers, and
`scripts/test.sh` building it in the background while lint runs, never race.

    python -m tests.pg_template     (builds the template for DATABASE_URL if missing)
"""

import contextlib
import hashlib
import os
import subprocess  # noqa: S404 - runs our own interpreter on this module
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
LOCK_KEY = 726_465_001  # any constant: the advisory lock of the template build


def fingerprint():
    """A hash of what the migrated database depends on: our migrations, the
    locked versions of the packages (theirs), the settings and this module."""
    digest = hashlib.sha256()
    paths = [Path(__file__), ROOT / "requirements.lock", *sorted(ROOT.glob("config/settings/*.py"))]
    for path in [*paths, *sorted(ROOT.glob("*/migrations/*.py"))]:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def test_database_name(settings_dict):
    return settings_dict["TEST"].get("NAME") or "test_" + settings_dict["NAME"]


def template_name(settings_dict):
    base = settings_dict["TEST"].get("NAME") or "test_" + settings_dict["NAME"]
    # pytest-xdist suffixes (_gw0, _gw1...) name the copies, not the template.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and base.endswith("_" + worker):
        base = base[: -len(worker) - 1]
    return f"{base[:40]}_template_{fingerprint()}"


def _connect(settings_dict):
    import psycopg2

    connection = psycopg2.connect(
        dbname="postgres",
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
    )
    connection.autocommit = True
    return connection


def _exists(cursor, name):
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def _url(settings_dict, name):
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD")
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host = quote(settings_dict.get("HOST") or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}@{host}{port}/{name}"


def ensure_template(settings_dict):
    """The template's name, after building it if no finished one exists."""
    import psycopg2

    name = template_name(settings_dict)
    connection = _connect(settings_dict)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
            if not _exists(cursor, name):
                building = name + "_building"
                cursor.execute(f'DROP DATABASE IF EXISTS "{building}"')
                cursor.execute(f'CREATE DATABASE "{building}"')
                # A fresh interpreter migrates it, with the test settings, as
                # Django's test runner would (migrate --run-syncdb).
                env = {**os.environ, "DATABASE_URL": _url(settings_dict, building)}
                env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
                env.pop("PYTEST_XDIST_WORKER", None)
                subprocess.run(  # noqa: S603 - our interpreter, this module
                    [sys.executable, "-m", "tests.pg_template", "--migrate"], cwd=ROOT, env=env, check=True
                )
                cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
                prefix = name.rsplit("_", 1)[0] + "_"
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                    [prefix.replace("_", r"\_") + "%", name],
                )
                for (old,) in cursor.fetchall():
                    with contextlib.suppress(psycopg2.Error):  # in use by another run: it goes next time
                        cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
    finally:
        connection.close()
    return name


def clone_test_database(settings_dict, *, keep_existing=False):
    """Create this process's test database as a copy of the template. With
    keep_existing (pytest --reuse-db), an existing test database is kept."""
    target = test_database_name(settings_dict)
    if keep_existing:
        connection = _connect(settings_dict)
        try:
            with connection.cursor() as cursor:
                if _exists(cursor, target):
                    return
        finally:
            connection.close()
    template = ensure_template(settings_dict)
    connection = _connect(settings_dict)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
            cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')
    finally:
        connection.close()


def restore_test_database(settings_dict):
    """Put this process's test database, already set up (settings_dict["NAME"]
    is its name), back to the migrated template: drop it and copy the
    template again, a file copy of well under a second where emptying every
    table and reloading the migrated rows costs seconds. Every connection to
    it is closed first; the caller's reconnects on its next query."""
    from django.db import connections

    target = settings_dict["NAME"]
    template = ensure_template({**settings_dict, "TEST": {**settings_dict["TEST"], "NAME": target}})
    connections.close_all()
    connection = _connect(settings_dict)
    try:
        with connection.cursor() as cursor:
            # FORCE: a live-server thread's connection left open goes too.
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')
    finally:
        connection.close()


def _migrate():
    import django
    from django.core.management import call_command
    from django.db import connections
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    connections.close_all()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    if sys.argv[1:] == ["--migrate"]:
        _migrate()
    else:
        import django
        from django.conf import settings

        django.setup()
        sys.stdout.write(ensure_template(settings.DATABASES["default"]) + "\n")
