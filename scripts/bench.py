"""`make bench`: every public page kind under the production server, cached
and uncached, next to a plain Django view returning "ok", in one run.

    scripts/with-postgres.sh .venv/bin/python scripts/bench.py [--duration 10] [--connections 16]
        [--pages article,home] [--uncached-only] [--rounds 3]

1. Migrates the throwaway PostgreSQL of with-postgres.sh, builds the demo
   site (seed_demo) and tops it up to 10,000 questions, 30,000 answers, 500
   articles and 1,000 specialists (bulk inserts, fixed random seed).
2. Counts the SQL queries of each page rendered uncached (in this process,
   page cache off, after one warm-up request).
3. Starts a Redis on a private socket and gunicorn (2 sync workers) with
   config.settings.bench (production plus the plain view at /_bench/ok/),
   once with the page cache on and once with it off, and runs wrk against
   the plain view and each page: requests/s, p50, p99, ratio to the plain
   view of the same server.

Prints a Markdown table (the README's) with the load average before and
after: the machine may be shared, so figures are only comparable within
one run. Needs Debian's wrk (`make wrk`) and redis-server (`make redis`).

To follow one page: `--pages` measures only those (labels as in the table,
comma-separated: "article", "Q&A list"...), `--uncached-only` skips the
page-cache-on server, and `--rounds N` measures the plain view and the
pages N times one after the other in the same server, printing each round's
ratios and, in the table, the median round of each (by ratio to the plain
view of its own round).
"""

import argparse
import logging
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAIN_PATH = "/_bench/ok/"
TARGETS = {"questions": 10_000, "answers": 30_000, "articles": 500, "specialists": 1_000}
ANSWERING_SPECIALISTS = 60


def out(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


# Made-up text from a small vocabulary: realistic lengths, no real people.
WORDS = [
    "sleep",
    "worry",
    "partner",
    "panic",
    "work",
    "grief",
    "mother",
    "father",
    "child",
    "teenager",
    "trust",
    "tired",
    "stress",
    "lonely",
    "therapy",
    "night",
    "morning",
    "feel",
    "often",
    "week",
    "help",
    "hard",
    "better",
    "again",
    "start",
    "keep",
    "stop",
    "try",
    "find",
    "talk",
    "family",
    "friends",
    "the",
    "a",
    "and",
    "of",
    "to",
    "in",
    "it",
    "is",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "at",
    "by",
    "this",
    "have",
    "from",
    "or",
    "be",
    "are",
    "but",
    "not",
    "when",
    "there",
]


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


@contextmanager
def redis_server(run_dir):
    redis = shutil.which("redis-server")
    if not redis:
        sys.exit("make bench needs redis-server. Install it with: apt-get install -y redis-server (or make redis)")
    socket = Path(run_dir) / "redis.sock"
    process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, private socket
        [
            redis,
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--unixsocketperm",
            "700",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.1)
        else:
            sys.exit("redis-server did not start")
        yield f"unix://{socket}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def add_pages(parent, pages):
    """Live children of `parent`, tree paths numbered after its existing
    children, saved without treebeard's per-page queries (minutes, not
    hours, for 1,500 pages)."""
    import django.utils.timezone
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not pages:
        return []
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    parent.refresh_from_db()
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    step = int(last[-Page.steplen :], 36) if last else 0
    now = django.utils.timezone.now()
    for n, page in enumerate(pages, start=step + 1):
        page.path = Page._get_path(parent.path, parent.depth + 1, n)
        page.depth = parent.depth + 1
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = True
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.first_published_at = page.last_published_at = now
        page.save_base()
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def link_many(field, rows):
    """Bulk rows of a ParentalManyToManyField's through table: (page, target)."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create([through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in rows])


def seed_volume(rng):
    """Top the demo site up to TARGETS."""
    import django.utils.timezone
    from django.utils.text import slugify
    from wagtail.images import get_image_model

    from accounts.models import User
    from articles.models import ArticleIndexPage, ArticlePage
    from core.models import Topic
    from qa.models import Answer, Question, Status
    from specialists.models import Language, SpecialistIndexPage, SpecialistPage

    now = django.utils.timezone.now()
    topics = list(Topic.objects.values_list("pk", flat=True))
    languages = list(Language.objects.values_list("pk", flat=True))
    images = list(get_image_model().objects.all())
    directory = SpecialistIndexPage.objects.get()
    article_index = ArticleIndexPage.objects.get()

    missing = TARGETS["specialists"] - SpecialistPage.objects.count()
    specialists = add_pages(
        directory,
        [
            SpecialistPage(
                title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {n}",
                slug=f"bench-specialist-{n}",
                professional_title=rng.choice(["Family psychologist", "Counsellor", "Clinical psychologist"]),
                short_bio=paragraph(rng, 2)[:400],
                long_bio=f"<p>{paragraph(rng, 5)}</p>",
                photo=rng.choice(images) if images else None,
                location=rng.choice(["Leeds", "Porto", "Bristol", ""]),
                offers_online=True,
                offers_in_person=rng.random() < 0.5,
                offers_free_consultation=rng.random() < 0.3,
                verified_at=now,
            )
            for n in range(max(0, missing))
        ],
    )
    link_many(SpecialistPage.topics.field, [(s.pk, t) for s in specialists for t in rng.sample(topics, 2)])
    link_many(SpecialistPage.languages.field, [(s.pk, rng.choice(languages)) for s in specialists])

    authors = list(SpecialistPage.objects.live().exclude(photo=None)[:100])
    missing = TARGETS["articles"] - ArticlePage.objects.count()
    articles = add_pages(
        article_index,
        [
            ArticlePage(
                title=sentence(rng, 7)[:-1][:120],
                slug=f"bench-article-{n}",
                summary=sentence(rng, 24)[:400],
                body=[("paragraph", f"<p>{paragraph(rng, 6)}</p>") for _ in range(6)],
                hero_image=rng.choice(images) if images else None,
                author=rng.choice(authors),
                reviewer=rng.choice(authors),
                reviewed_on=now.date(),
            )
            for n in range(max(0, missing))
        ],
    )
    link_many(ArticlePage.topics.field, [(a.pk, t) for a in articles for t in rng.sample(topics, 2)])

    # Specialists with accounts answer; members with accounts ask.
    answerers = User.objects.bulk_create(
        [
            User(email=f"bench-answerer{n}@example.com", display_name=f"Answerer {n}")
            for n in range(ANSWERING_SPECIALISTS)
        ]
    )
    for page, user in zip(specialists, answerers, strict=False):
        page.user = user
    SpecialistPage.objects.bulk_update(specialists[:ANSWERING_SPECIALISTS], ["user"])
    askers = User.objects.bulk_create(
        [User(email=f"bench-asker{n}@example.com", display_name=f"Asker {n}") for n in range(500)]
    )
    missing = max(0, TARGETS["questions"] - Question.objects.count())
    # The answers still missing, spread over the new questions (3 each, a few 4).
    answers_missing = max(0, TARGETS["answers"] - Answer.objects.count())
    each, extra = divmod(answers_missing, missing) if missing else (0, 0)
    questions = []
    for n in range(missing):
        title = sentence(rng, rng.randint(6, 12))[:150]
        questions.append(
            Question(
                author=rng.choice(askers),
                title=title,
                slug=slugify(title)[:80] or f"question-{n}",
                body=paragraph(rng, 3),
                topic_id=rng.choice(topics),
                anonymous=rng.random() < 0.5,
                status=Status.PUBLISHED,
                published_at=now,
                answer_count=each + (n < extra),
            )
        )
    questions = Question.objects.bulk_create(questions, batch_size=2000)
    answers = [
        Answer(question=question, author=author, body=paragraph(rng, 2), helpful_count=rng.randint(0, 9))
        for question in questions
        for author in rng.sample(answerers, question.answer_count)
    ]
    Answer.objects.bulk_create(answers, batch_size=5000)


def counts_now():
    from articles.models import ArticlePage
    from qa.models import Answer, Question
    from specialists.models import SpecialistPage

    return (
        f"{Question.objects.count():,} questions, {Answer.objects.count():,} answers, "
        f"{ArticlePage.objects.count():,} articles, {SpecialistPage.objects.count():,} specialists"
    )


def page_urls():
    """One address of each public page kind: the demo's own article, question
    and specialist (images, answers with photos) among the bulk ones."""
    from articles.models import ArticlePage
    from qa.models import Question, Status
    from specialists.models import SpecialistPage

    article = ArticlePage.objects.live().exclude(slug__startswith="bench-").order_by("pk").first()
    question = Question.objects.filter(status=Status.PUBLISHED).order_by("-answer_count", "pk").first()
    specialist = SpecialistPage.objects.live().exclude(slug__startswith="bench-").order_by("pk").first()
    return [
        ("home", "/"),
        ("article index", "/articles/"),
        ("article", article.url),
        ("Q&A list", "/questions/"),
        ("question", question.get_absolute_url()),
        ("directory", "/specialists/"),
        ("specialist", specialist.url),
    ]


def count_queries(urls):
    """Queries of each page rendered without the page cache, after a warm-up."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    counts = {}
    logging.disable(logging.INFO)  # the request log of these warm-up requests
    with override_settings(PAGE_CACHE_ENABLED=False):
        client = Client(HTTP_HOST="127.0.0.1")
        for label, url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
            counts[label] = len(queries)
    logging.disable(logging.NOTSET)
    return counts


@contextmanager
def gunicorn(env, port, log):
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn from the venv
        [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=10):  # noqa: S310 - loopback
                    break
            except OSError:  # refused, reset or timed out while the workers start
                time.sleep(0.2)
        else:
            sys.exit("gunicorn did not answer /health/")
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.headers.get("X-Page-Cache", "")


WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(wrk, url, duration, connections):
    result = subprocess.run(  # noqa: S603 - Debian's wrk
        [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    text = result.stdout
    latency = {p: float(v) * UNIT_MS[u] for p, v, u in WRK_LATENCY.findall(text)}
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if errors:
        sys.exit(f"{url}: {errors.group(1)} responses were errors:\n{text}")
    # Requests past the timeout are left out of wrk's latencies: fail, not flatter.
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", text)
    if timeouts and int(timeouts.group(1)):
        sys.exit(f"{url}: {timeouts.group(1)} requests timed out (10 s):\n{text}")
    return {"rps": rate, "p50": latency["50"], "p99": latency["99"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8765")))
    parser.add_argument("--pages", default="", help="only these pages, comma-separated labels (default: all)")
    parser.add_argument("--uncached-only", action="store_true", help="measure only with the page cache off")
    parser.add_argument("--rounds", type=int, default=1, help="measure each page this many times (default 1)")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("make bench measures PostgreSQL: run it under scripts/with-postgres.sh.")
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("make bench needs wrk. Install it with: apt-get install -y wrk (or make wrk)")

    # Removed on the way out, also when a page fails (Redis stops first).
    with tempfile.TemporaryDirectory(prefix="steady-bench.") as run_dir, redis_server(run_dir) as redis_url:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_LOOPBACK_HTTP": "true",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "REDIS_URL": redis_url,
            "DJANGO_STATIC_ROOT": str(Path(run_dir) / "static"),
        }
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections, transaction

        out(f"load average at the start: {load_average()}")
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", force=True, verbosity=0)
        with transaction.atomic():
            seed_volume(random.Random(20261202))  # noqa: S311 - made-up text, not secrets
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        out(f"seeded {counts_now()} in {time.perf_counter() - started:.0f} s")
        call_command("collectstatic", verbosity=0, interactive=False)
        urls = page_urls()
        if args.pages:
            wanted = [label.strip() for label in args.pages.split(",") if label.strip()]
            unknown = set(wanted) - {label for label, _ in urls}
            if unknown:
                known = ", ".join(label for label, _ in urls)
                sys.exit(f"unknown page labels: {', '.join(sorted(unknown))} (known: {known})")
            urls = [(label, path) for label, path in urls if label in wanted]
        queries = count_queries(urls)
        connections.close_all()

        results = {}
        phases = (("uncached", "false"),) if args.uncached_only else (("cached", "true"), ("uncached", "false"))
        log_path = Path(run_dir) / "gunicorn.log"
        for phase, enabled in phases:
            with log_path.open("a") as log, gunicorn({**env, "PAGE_CACHE_ENABLED": enabled}, args.port, log):
                for label, path in [("plain view", PLAIN_PATH), *urls]:
                    url = f"http://127.0.0.1:{args.port}{path}"
                    fetch(url)
                    status, cache_header = fetch(url)
                    if status != 200:
                        sys.exit(f"{path} answered {status}")
                    if phase == "cached" and label != "plain view" and cache_header != "hit":
                        sys.exit(f"{path} was not answered from the page cache (X-Page-Cache: {cache_header!r})")
                rounds = []
                for number in range(1, args.rounds + 1):
                    measured = {}
                    for label, path in [("plain view", PLAIN_PATH), *urls]:
                        url = f"http://127.0.0.1:{args.port}{path}"
                        measured[label] = run_wrk(wrk, url, args.duration, args.connections)
                        rps, p50, p99 = (measured[label][key] for key in ("rps", "p50", "p99"))
                        ratio = rps / measured["plain view"]["rps"]
                        out(
                            f"  {phase:8} round {number} {label:14} {rps:8.0f} req/s  {ratio:6.3f}x"
                            f"  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  (load {load_average()})"
                        )
                    rounds.append(measured)
                for label, _ in [("plain view", PLAIN_PATH), *urls]:
                    # The round whose ratio is the median (the plain view: its median rate).
                    ranked = sorted(rounds, key=lambda r, label=label: r[label]["rps"] / r["plain view"]["rps"])
                    if label == "plain view":
                        ranked = sorted(rounds, key=lambda r: r["plain view"]["rps"])
                    median = ranked[(len(ranked) - 1) // 2]
                    results[phase, label] = {**median[label], "plain": median["plain view"]["rps"]}

    out(f"\nload average at the end: {load_average()}")
    out(f"gunicorn, 2 sync workers; wrk -t2 -c{args.connections} -d{args.duration}s; {counts_now()}\n")
    measured_phases = [phase for phase in ("cached", "uncached") if (phase, "plain view") in results]
    header = ["page"]
    for phase in measured_phases:
        header += [f"{phase} req/s", "ratio", "p50 ms", "p99 ms"]
    out("| " + " | ".join([*header, "queries"]) + " |")
    out("| --- |" + " ---: |" * (len(header) - 1 + 1))
    for label, _ in [("plain view", PLAIN_PATH), *urls]:
        cells = [label]
        for phase in measured_phases:
            figures = results[phase, label]
            cells += [
                f"{figures['rps']:.0f}",
                f"{figures['rps'] / figures['plain']:.3f}x",
                f"{figures['p50']:.1f}",
                f"{figures['p99']:.1f}",
            ]
        cells.append(str(queries.get(label, 0)))
        out("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
