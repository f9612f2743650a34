"""`make serve` for real: scripts/serve.sh (the production settings, gunicorn,
collected static files, a Redis of its own) against the test PostgreSQL on
a free loopback port. One test, since booting it costs several seconds."""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
ONE_YEAR = 60 * 60 * 24 * 365
# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(base, server, output, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"scripts/serve.sh exited with {server.returncode}:\n{output.read_text()}")
        try:
            return requests.get(base + "/health/", timeout=30)
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.5)
    pytest.fail(f"scripts/serve.sh did not answer within {seconds} s:\n{output.read_text()}")


# live_site: the subprocess reads the committed rows of the migrated database
# (home page, site), restored by serialized rollback like the browser tests'
# even after another transactional test in this worker flushed them.
def test_make_serve_serves_pages_static_files_and_health_then_stops_with_its_redis(live_site, home_page, tmp_path):
    db = connection.settings_dict
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_SECRET_KEY"}
    }
    env.update(
        PORT=str(port),
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'].replace('/', '%2F')}/{db['NAME']}",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),  # the repository's key file is left alone
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        WEB_CONCURRENCY="1",
    )
    # Uploaded images (a rendition and an original) are served from the local
    # media folder; a file beside them in documents/ is not (Wagtail's own view
    # checks a document's privacy).
    for folder in ("images", "original_images", "documents"):
        (tmp_path / "media" / folder).mkdir(parents=True)
        (tmp_path / "media" / folder / "calm.png").write_bytes(PNG)
    output = tmp_path / "serve.log"
    with output.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 - our own script
            [str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        health = wait_for_health(base, server, output)
        assert health.status_code == 200
        assert health.json() == {"status": "ok", "database": "ok", "cache": "ok"}

        home = requests.get(base + "/", timeout=30, allow_redirects=False)
        assert home.status_code == 200, home.text[:500]
        assert "<html" in home.text
        # Production settings on loopback: no HTTPS redirect, no HSTS, DEBUG off.
        assert "Strict-Transport-Security" not in home.headers
        missing = requests.get(base + "/no-such-page/", timeout=30)
        assert missing.status_code == 404
        assert "DEBUG = True" not in missing.text

        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.text)
        assert stylesheet, "the stylesheet is not linked by its hashed name"
        css = requests.get(base + stylesheet.group(1), timeout=30, headers={"Accept-Encoding": "gzip"})
        assert css.status_code == 200
        assert css.headers["Content-Type"].startswith("text/css")
        assert css.headers["Content-Encoding"] == "gzip"
        cache_control = css.headers["Cache-Control"]
        assert "immutable" in cache_control and "public" in cache_control
        assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= ONE_YEAR

        for folder in ("images", "original_images"):
            image = requests.get(f"{base}/media/{folder}/calm.png", timeout=30)
            assert image.status_code == 200, folder
            assert image.content == PNG
            assert image.headers["Content-Type"] == "image/png"
        assert requests.get(base + "/media/documents/calm.png", timeout=30).status_code == 404
        assert requests.get(base + "/media/images/../documents/calm.png", timeout=30).status_code == 404

        requests.get(base + "/search/", params={"q": "insomnia-secret-term"}, timeout=30)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=90)
        except subprocess.TimeoutExpired:
            server.kill()
            raise

    text = output.read_text()
    assert server.returncode == 143, text
    redis_url = re.search(r"Redis for this server: unix://(\S+)", text)
    assert redis_url, text
    assert not Path(redis_url.group(1)).exists(), "the Redis started by serve.sh outlived it"
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "gunicorn still listens"

    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    requests_logged = [line for line in lines if line.get("event") == "request"]
    assert {"route": "search", "status": 200} in [
        {"route": line["route"], "status": line["status"]} for line in requests_logged
    ]
    assert "insomnia-secret-term" not in text
