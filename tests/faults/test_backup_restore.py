"""The backup and restore drill: scripts/backup.sh (make backup) of the test
database and media, scripts/restore.sh (make restore) into a database and a
media folder made for it, and the same content read back from there."""

import hashlib
import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.db import connection
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail_factories import ImageFactory

from qa.factories import QuestionFactory
from qa.models import Question

# The page tree of the migrations is needed: restored before each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
RESTORED = "steady_restore_drill"


def _url(database):
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + database


def _run(script, *args, **environment):
    return subprocess.run(  # noqa: S603 - our own scripts
        [str(ROOT / "scripts" / script), *args],
        env=dict(os.environ, **environment),
        capture_output=True,
        text=True,
        check=False,
    )


def _files(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


CONTENT = {
    "pages": "SELECT title, url_path, live FROM wagtailcore_page ORDER BY path",
    "questions": "SELECT id, title, body, status, anonymous FROM qa_question ORDER BY id",
    "users": "SELECT id, email, password FROM accounts_user ORDER BY id",
    "images": "SELECT title, file FROM wagtailimages_image ORDER BY id",
}


def _content(cursor):
    found = {}
    for name, query in CONTENT.items():
        cursor.execute(query)
        found[name] = cursor.fetchall()
    return found


@pytest.fixture
def restored_database():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {RESTORED}")
        cursor.execute(f"CREATE DATABASE {RESTORED}")
    yield RESTORED
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {RESTORED} WITH (FORCE)")


def test_restore_into_a_fresh_database_finds_the_same_content(
    an_article, a_member, settings, tmp_path, restored_database
):
    QuestionFactory(author=a_member, title="Sleep after a loss", anonymous=True)
    ImageFactory(title="Calm lake", file__width=40, file__height=30)
    media = Path(settings.MEDIA_ROOT)
    assert Question.objects.count() == 1 and Image.objects.count() == 1 and Page.objects.count() > 3
    with connection.cursor() as cursor:
        before = _content(cursor)
    files_before = _files(media)
    assert any(name.startswith("original_images/") for name in files_before)

    backup = tmp_path / "backup"
    source = _url(connection.settings_dict["NAME"])
    made = _run("backup.sh", str(backup), DATABASE_URL=source, DJANGO_MEDIA_ROOT=str(media))
    assert made.returncode == 0, made.stderr
    assert (backup / "db.dump").stat().st_size > 0

    restored_media = tmp_path / "restored-media"
    done = _run("restore.sh", str(backup), DATABASE_URL=_url(restored_database), DJANGO_MEDIA_ROOT=str(restored_media))
    assert done.returncode == 0, done.stderr

    restored = psycopg2.connect(**{**connection.get_connection_params(), "dbname": restored_database})
    try:
        with restored.cursor() as cursor:
            after = _content(cursor)
    finally:
        restored.close()
    assert after == before
    assert _files(restored_media) == files_before


def test_restore_refuses_a_database_that_has_tables(tmp_path, an_article):
    backup = tmp_path / "backup"
    database_url = _url(connection.settings_dict["NAME"])
    made = _run("backup.sh", str(backup), DATABASE_URL=database_url, DJANGO_MEDIA_ROOT=str(tmp_path / "m"))
    assert made.returncode == 0, made.stderr

    refused = _run("restore.sh", str(backup), DATABASE_URL=database_url, DJANGO_MEDIA_ROOT=str(tmp_path / "new"))

    assert refused.returncode == 1
    assert "already has" in refused.stderr and "fresh one" in refused.stderr
    assert Page.objects.filter(pk=an_article.pk).exists()
