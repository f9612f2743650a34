"""A real Varnish (Debian's) in front of the live test server, with the VCL
of the repository (config/varnish.vcl) and Wagtail's frontend cache
invalidation pointed at it: readers' pages are kept, logged-in members go
past it, and publishing purges the page and its listings."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests
from django.test import Client

from articles.factories import ArticlePageFactory
from core import page_cache

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(live_server):
    """varnishd on a free loopback port in front of the live server; its address."""
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if os.access("/usr/sbin/varnishd", os.X_OK) else None)
    if varnishd is None:
        pytest.fail("This test needs Debian's Varnish. Install it with: make varnish", pytrace=False)
    backend_port = live_server.url.rsplit(":", 1)[1]
    # Varnish's own users (it drops root) read the VCL and its work folder.
    folder = Path(tempfile.mkdtemp(prefix="steady-varnish-"))
    folder.chmod(0o755)
    vcl = folder / "default.vcl"
    vcl.write_text(
        (ROOT / "config" / "varnish.vcl").read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    )
    vcl.chmod(0o644)
    port = free_port()
    log = folder / "varnishd.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [varnishd, "-F", "-f", str(vcl), "-a", f"127.0.0.1:{port}", "-n", str(folder / "work"), "-s", "malloc,32m"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"varnishd exited with {process.returncode}:\n{log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"varnishd did not listen within 60 s:\n{log.read_text()}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def behind_varnish(varnish, live_site, settings):
    """The site's address is Varnish's (as a public site's is its proxy's),
    the page cache is on and purges go to Varnish."""
    base, port = varnish
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": base}
    }
    live_site.hostname = "127.0.0.1"
    live_site.port = port
    live_site.save()
    return base


def fetch(base, path, **kwargs):
    response = requests.get(base + path, timeout=30, **kwargs)
    assert response.status_code == 200, (path, response.status_code)
    return response


def test_publishing_purges_the_page_and_its_listings_from_varnish(behind_varnish, an_article, article_index, a_topic):
    base = behind_varnish
    paths = [an_article.url, article_index.url, f"{article_index.url}?topic={a_topic.slug}", "/"]
    for path in paths:
        assert fetch(base, path).headers["X-Cache"] == "MISS", path
        second = fetch(base, path)
        assert second.headers["X-Cache"] == "HIT", path
        assert an_article.title in second.text, path

    an_article.title = "Attachment, told again after a review"
    an_article.save_revision().publish()

    for path in paths:
        fresh = fetch(base, path)
        assert fresh.headers["X-Cache"] == "MISS", path
        assert "Attachment, told again after a review" in fresh.text, path
        assert fetch(base, path).headers["X-Cache"] == "HIT", path


def test_a_new_article_reaches_the_kept_index(behind_varnish, an_article, article_index):
    base = behind_varnish
    fetch(base, article_index.url)
    assert fetch(base, article_index.url).headers["X-Cache"] == "HIT"
    draft = ArticlePageFactory(parent=article_index, author=an_article.author, title="Sleep, news, and you", live=False)
    draft.save_revision().publish()
    assert "Sleep, news, and you" in fetch(base, article_index.url).text


def test_a_new_slug_purges_the_old_addresses_from_varnish(behind_varnish, an_article, article_index):
    base = behind_varnish
    old_paths = [article_index.url, an_article.url]
    for path in old_paths:
        fetch(base, path)
        assert fetch(base, path).headers["X-Cache"] == "HIT", path

    article_index.slug = "reading"
    article_index.save_revision().publish()

    for path in old_paths:  # Wagtail's redirect now, not the kept page
        response = requests.get(base + path, timeout=30, allow_redirects=False)
        assert response.status_code == 301, (path, response.status_code)
        assert response.headers["Location"].endswith(path.replace("/articles/", "/reading/", 1)), response.headers
    assert fetch(base, "/reading/" + an_article.slug + "/").headers["X-Cache"] == "MISS"


def test_members_go_past_varnish_and_their_pages_are_never_kept(behind_varnish, an_article, a_member):
    base = behind_varnish
    client = Client()
    client.force_login(a_member)
    member = {"sessionid": client.cookies["sessionid"].value}
    for _ in range(2):
        response = fetch(base, an_article.url, cookies=member)
        assert response.headers["X-Cache"] == "MISS"
        assert "private" in response.headers["Cache-Control"]
        assert a_member.display_name in response.text
    reader = fetch(base, an_article.url)
    assert a_member.display_name not in reader.text
    assert reader.headers.get(page_cache.HEADER) == "miss"


def test_pages_with_cookies_or_not_marked_are_not_kept(behind_varnish):
    base = behind_varnish
    for _ in range(2):
        login = fetch(base, "/accounts/login/")
        assert login.headers["X-Cache"] == "MISS"
