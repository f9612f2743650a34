"""Lighthouse (tools/lighthouse, `make lighthouse`) on Debian's Chromium, as a
phone (Lighthouse's default mobile emulation and simulated throttling), on
every public page kind: each of the four categories scores at least 95.

The pages come with their static files as production serves them (collected
under hashed names, compressed, cached for a year, by whitenoise), not as the
test server's finders do (uncompressed, not cached): Lighthouse's simulated
slow network weighs every byte of a render-blocking stylesheet."""

import hashlib
import itertools
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

from qa.factories import AnswerFactory, QuestionFactory

from .conftest import CHROMIUM_ARGS

# alone: its performance score is timed, so no other test worker may load the
# machine meanwhile (scripts/test.sh runs it after the parallel run).
pytestmark = [pytest.mark.e2e, pytest.mark.alone]

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LOWEST = 0.95
VERSION = "12.8.2"  # the Makefile's LIGHTHOUSE_VERSION
# Audits a page fails on purpose, left out of its category's score (and
# asserted to fail, so the exemption goes when the reason does). Search
# results say noindex: they are members' health words, and no page for
# search engines.
EXEMPT = {"search": {"is-crawlable"}}

PAGES = {
    "home": lambda content: "/",
    "article index": lambda content: "/articles/",
    "article": lambda content: content.article.url,
    "questions": lambda content: "/questions/",
    "question": lambda content: content.question.get_absolute_url(),
    "directory": lambda content: "/specialists/",
    "specialist": lambda content: content.author.url,
    "search": lambda content: "/search/?q=attachment",
    "help now": lambda content: "/help-now/",
}


def lighthouse_bin():
    """Where `make lighthouse` put it (the Makefile exports LIGHTHOUSE_BIN)."""
    if os.environ.get("LIGHTHOUSE_BIN"):
        return Path(os.environ["LIGHTHOUSE_BIN"])
    lock = hashlib.sha256((ROOT / "tools" / "lighthouse" / "package-lock.json").read_bytes()).hexdigest()[:12]
    folder = Path.home() / ".cache" / "steady-ground" / f"lighthouse-{VERSION}-{lock}"
    return folder / "node_modules" / ".bin" / "lighthouse"


@pytest.fixture(scope="session")
def lighthouse(chromium_path):
    path = lighthouse_bin()
    if not os.access(path, os.X_OK):
        pytest.fail(f"The Lighthouse test needs Lighthouse at {path}. Install it with: make lighthouse", pytrace=False)
    return path


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, django_db_setup):
    """In place of pytest-django's live server for this module: static files
    collected as `make serve` collects them and served by whitenoise in the
    site's own middleware, the test server's static handler left out."""
    static_root = tmp_path_factory.mktemp("lighthouse-static")
    production_static = override_settings(
        STATIC_ROOT=static_root,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    )
    with production_static:
        call_command("collectstatic", interactive=False, verbosity=0)
        server = LiveServer("localhost", start=False)
        server.thread.static_handler = lambda application: application
        server.start()
        try:
            yield server
        finally:
            server.stop()


def test_the_server_sends_static_files_as_production_does(live_server, live_site):
    stylesheet = static("css/site.css")
    assert stylesheet != "/static/css/site.css"  # a hashed name
    response = requests.get(live_server.url + stylesheet, headers={"Accept-Encoding": "gzip"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


@pytest.fixture
def site(content, article_index, specialist_index):
    """The browser tests' small site, with an answered question and the
    descriptions for search engines editors write (seed_demo's pages have
    them too)."""
    descriptions = {
        content.home: "Articles, answers and specialists for your mental health.",
        article_index: "Articles by psychologists and counsellors, reviewed by their peers.",
        specialist_index: "Verified specialists, many offering a free first consultation.",
    }
    for page, description in descriptions.items():
        page.search_description = description
        page.save_revision().publish()
    question = QuestionFactory(title="How do I stop replaying arguments at night?")
    AnswerFactory(question=question)
    content.question = question
    return content


# Lighthouse's CPU slowdown calibration (docs/throttling.md, "CPU throttling",
# and its calculator): the host's benchmark index at which 2x, 3x and 4x
# slowdowns stand for the same mid-tier phone, linear in between.
CALIBRATION = ((150, 1.0), (800, 2.0), (1300, 3.0), (1533, 4.0))


def cpu_slowdown(benchmark_index):
    """The CPU slowdown that makes this host stand for Lighthouse's mobile
    device, at most its default 4x (a faster host keeps the default)."""
    if benchmark_index >= CALIBRATION[-1][0]:
        return CALIBRATION[-1][1]
    if benchmark_index <= CALIBRATION[0][0]:
        return CALIBRATION[0][1]
    for (low_index, low), (high_index, high) in itertools.pairwise(CALIBRATION):
        if benchmark_index <= high_index:
            return low + (high - low) * (benchmark_index - low_index) / (high_index - low_index)
    raise AssertionError(benchmark_index)  # pragma: no cover - the table covers every index


def test_cpu_slowdown_follows_lighthouses_calibration():
    assert cpu_slowdown(2500) == 4.0
    assert cpu_slowdown(1533) == 4.0
    assert cpu_slowdown(1300) == 3.0
    assert cpu_slowdown(1050) == 2.5
    assert cpu_slowdown(800) == 2.0
    assert cpu_slowdown(100) == 1.0


def run_lighthouse(lighthouse, chromium_path, url, cpu_slowdown=None):
    """Lighthouse's report on `url`. A run whose trace came out unusable
    (Lighthouse says: run again) is run again, twice at most. `cpu_slowdown`
    replaces the default 4x CPU slowdown of the simulated phone."""
    flags = " ".join(["--headless=new", *(f'"{arg}"' if " " in arg else arg for arg in CHROMIUM_ARGS)])
    for _attempt in range(3):
        with tempfile.TemporaryDirectory(prefix="steady-lighthouse-") as folder:
            report = Path(folder) / "report.json"
            result = subprocess.run(  # noqa: S603 - fixed arguments
                [
                    str(lighthouse),
                    url,
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--form-factor=mobile",
                    "--output=json",
                    f"--output-path={report}",
                    f"--chrome-flags={flags}",
                    "--quiet",
                    *([f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:.2f}"] if cpu_slowdown else []),
                ],
                env={**os.environ, "CHROME_PATH": chromium_path, "TMPDIR": folder},
                capture_output=True,
                text=True,
                timeout=180,
            )
            if result.returncode == 0:
                data = json.loads(report.read_text())
                if data.get("runtimeError") is None:
                    return data
                error = data["runtimeError"]
            else:
                error = result.stderr[-3000:]
        if "run Lighthouse again" not in str(error):
            break
    pytest.fail(f"Lighthouse failed on {url}:\n{error}")


def category_scores(data, exempt=()):
    """Each category's score, weighed as Lighthouse does, leaving out the
    audits in `exempt`; and the audits that did not pass."""
    found = {}
    for name in CATEGORIES:
        refs = [ref for ref in data["categories"][name]["auditRefs"] if ref["weight"] and ref["id"] not in exempt]
        weights = sum(ref["weight"] for ref in refs)
        found[name] = sum((data["audits"][ref["id"]]["score"] or 0) * ref["weight"] for ref in refs) / weights
    failing = sorted(
        audit["id"] for audit in data["audits"].values() if audit.get("score") is not None and audit["score"] < 0.9
    )
    return found, failing


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=pytest.mark.search_index) if name == "search" else name for name in PAGES]
)
def test_page_scores_at_least_95_in_every_lighthouse_category(lighthouse, chromium_path, live_server, site, name):
    url = live_server.url + PAGES[name](site)
    data = run_lighthouse(lighthouse, chromium_path, url)
    exempt = EXEMPT.get(name, ())
    for audit in exempt:  # still what it was meant to be
        assert data["audits"][audit]["score"] == 0, (url, audit, data["audits"][audit]["score"])
    found, failing = category_scores(data, exempt)
    runs = [found["performance"]]
    if found["performance"] < LOWEST:
        # Performance is timed, so it varies from run to run: the median of
        # five runs, as Lighthouse's guidance on variability advises. The four
        # more runs slow the CPU down by what Lighthouse's calibration says this
        # host needs to stand for its mid-tier phone (cpu_slowdown), never by
        # more than its default 4x: a busy or slow host (Lighthouse warns "slower
        # CPU than Lighthouse expects") would otherwise be timed as a slower phone.
        multiplier = cpu_slowdown(data["environment"]["benchmarkIndex"])
        for _ in range(4):
            again = run_lighthouse(lighthouse, chromium_path, url, cpu_slowdown=multiplier)
            runs.append(category_scores(again, exempt)[0]["performance"])
        found["performance"] = sorted(runs)[2]
        print(  # noqa: T201
            f"lighthouse {name}: performance runs {[round(run, 3) for run in runs]}, the last four at "
            f"{multiplier:.2f}x CPU slowdown (benchmark index {data['environment']['benchmarkIndex']:.0f})"
        )
    if not exempt and len(runs) == 1:
        # Our weighing is Lighthouse's own: its category scores come rounded
        # to two places, ours not (0.9549 is its 0.95 or 0.96), hence the
        # half-point allowance.
        assert found == {key: pytest.approx(data["categories"][key]["score"], abs=0.006) for key in CATEGORIES}
    print(f"lighthouse {name}: " + " ".join(f"{key}={round(value * 100)}" for key, value in found.items()))  # noqa: T201
    low = {key: round(value, 2) for key, value in found.items() if value < LOWEST}
    assert not low, f"{url} scores {low}; audits not passed: {failing}"
