"""`make load` and `make drill`: readers and writing members under locust
against the production server, and the drill's faults in the middle.

    scripts/with-postgres.sh .venv/bin/python scripts/load.py [--drill] [--duration 60]

1. Migrates the throwaway PostgreSQL of with-postgres.sh, builds the demo
   site (seed_demo) and adds the load's own accounts: members with a verified
   address, each with a published question and comment (so what they write
   next is published at once and the redirect names it), and specialists
   with live, verified profiles; 200 published questions to answer.
2. Starts its own Redis (private socket), the task worker (manage.py
   run_tasks) and gunicorn (4 sync workers) on a free loopback port with
   config.settings.drill: production with the per-member limits raised and
   e-mail written to a folder.
3. Runs locust headless (scripts/locustfile.py) for --duration seconds: 50
   anonymous readers over every public page kind, 15 members asking,
   commenting and writing to specialists, 5 specialists answering. Prints
   requests/s, p50 and p99 by page kind; any error fails the run.

With --drill, in the middle of the load:
  a. PostgreSQL stopped for a few seconds and started: a member's form gets
     the 503 "Back in a moment" page with the typed text and no stack trace;
     the time until the site answers again once the database is back is
     measured (at most 5 s); afterwards every write the load users saw
     acknowledged is looked up in the database, each whole.
  b. Redis stopped for a few seconds and started: every public page kind is
     read throughout (all 200).
  c. The task worker killed (SIGKILL) while the queue holds tasks, frozen
     first the moment it runs a task or has committed e-mails not yet sent,
     and started again: once no task is due and no stored e-mail is left to
     send, every e-mail it sent is in the outbox exactly once, and matches a
     SentEmail row marked sent, its message cleared.
A summary gives pass/fail per phase; the exit status is non-zero on any
failure.
"""

import argparse
import contextlib
import csv
import email
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from glob import glob
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "load-drill-password"  # noqa: S105 - throwaway accounts in a throwaway database
PAGE_KINDS = ["home", "article index", "article", "Q&A list", "question", "directory", "specialist", "search"]
POLITE = "Back in a moment"
RECOVERY_LIMIT = 5.0
QUESTIONS_READ = 40


def out(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


# Processes ---------------------------------------------------------------------


class Redis:
    """Our own redis-server on a Unix socket, which the drill stops and starts."""

    def __init__(self, run_dir):
        self.binary = shutil.which("redis-server")
        if not self.binary:
            sys.exit("The load needs redis-server. Install it with: apt-get install -y redis-server (or make redis)")
        self.socket = Path(run_dir) / "redis.sock"
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}"

    def start(self):
        command = [self.binary, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
        for _ in range(100):
            if self.socket.exists():
                return
            time.sleep(0.1)
        sys.exit("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class Postgres:
    """The cluster of scripts/with-postgres.sh, stopped and started with the
    options it was started with (as tests/faults/test_database_down.py does)."""

    def __init__(self, database_url):
        host = unquote(urlsplit(database_url).netloc.split("@")[-1])
        self.data = Path(host) / "data"
        if not (self.data / "postmaster.opts").exists():
            sys.exit(f"The drill restarts the cluster of with-postgres.sh; none found at {self.data}")
        self.options = shlex.split((self.data / "postmaster.opts").read_text())[1:]
        self.pg_ctl = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]

    def _pg_ctl(self, *args):
        command = [self.pg_ctl, "-D", str(self.data), "-w", *args]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed command

    def stop(self):
        self._pg_ctl("-m", "fast", "stop")

    def start(self):
        self._pg_ctl("-l", str(self.data.parent / "server.log"), "-o", shlex.join(self.options), "start")


@contextlib.contextmanager
def background(command, *, env, log):
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def worker_command():
    return [str(BIN / "python"), "manage.py", "run_tasks", "--no-startup-delay", "--interval", "0.2", "-v", "0"]


def wait_for_health(base_url, process):
    for _ in range(600):
        if process.poll() is not None:
            sys.exit("gunicorn exited while starting; see its log")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{base_url}/health/", timeout=10):  # noqa: S310
            return
        time.sleep(0.2)
    sys.exit("gunicorn did not answer /health/")


def warm_up(base_url, plan, workers):
    """Every page the readers read, once, so the load starts from a filled page
    cache as a running site does (after a deployment the first readers fill it)."""
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/", "/articles/", "/questions/", "/specialists/", *plan["articles"], *plan["specialist_pages"]]
    paths += [question["url"] for question in plan["questions"]]
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(lambda path: http("GET", base_url + path, timeout=300)[0], paths))
    wrong = [path for path, status in zip(paths, statuses, strict=True) if status != 200]
    if wrong:
        sys.exit(f"Pages did not answer 200 before the load: {wrong}")
    out(f"page cache filled with {len(paths)} pages in {time.perf_counter() - started:.0f} s")


def log_in_writers(base_url, plan, workers):
    """Each writing account logs in through the login form; locust's users
    start from these sessions (plan["cookies"])."""
    from concurrent.futures import ThreadPoolExecutor

    def log_in(email_address):
        _opener, _token, jar = logged_in_opener(base_url, email_address)
        return email_address, {cookie.name: cookie.value for cookie in jar}

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        plan["cookies"] = dict(pool.map(log_in, plan["members"] + plan["specialists"]))
    out(f"{len(plan['cookies'])} writing members logged in in {time.perf_counter() - started:.0f} s")


# Seeding -----------------------------------------------------------------------


def seed(*, members, specialists):
    """The load's accounts and content on top of the demo site; returns the plan
    the locust users read."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from django_comments_xtd.models import XtdComment

    from accounts.factories import UserFactory
    from accounts.models import User
    from articles.comments import comment_row_create
    from articles.models import ArticlePage
    from qa.factories import QuestionFactory
    from qa.models import Question, Status
    from specialists.factories import SpecialistPageFactory
    from specialists.models import SpecialistIndexPage, SpecialistPage

    password = make_password(PASSWORD)  # hashed once: every account shares it
    articles = list(ArticlePage.objects.live().order_by("pk"))
    member_emails = []
    for n in range(members):
        user = UserFactory(email=f"load-member{n}@example.com", display_name=f"Load member {n}")
        member_emails.append(user.email)
        QuestionFactory(
            author=user, title=f"How do I settle into a new routine? (load {n})", published_at=timezone.now()
        )
        comment_row_create(
            article=articles[n % len(articles)], user=user, text="Thank you.", parent=None, is_public=True
        )
    directory = SpecialistIndexPage.objects.get()
    specialist_emails = []
    for n in range(specialists):
        user = UserFactory(email=f"load-specialist{n}@example.com", display_name=f"Load specialist {n}")
        specialist_emails.append(user.email)
        SpecialistPageFactory(parent=directory, user=user, title=f"Load Specialist {n}", slug=f"load-specialist-{n}")
    User.objects.filter(email__startswith="load-").update(password=password)
    askers = list(User.objects.filter(email__startswith="load-member"))
    Question.objects.bulk_create(
        [
            Question(
                author=askers[n % len(askers)],
                title=f"What helps when worry keeps me awake? (question {n})",
                slug=f"what-helps-when-worry-keeps-me-awake-{n}",
                body="Most nights I lie awake going over the day, and mornings are hard.",
                status=Status.PUBLISHED,
                published_at=timezone.now(),
            )
            for n in range(200)
        ]
    )
    if XtdComment.objects.filter(user__email__startswith="load-member", is_public=True).count() != members:
        sys.exit("The load members' first comments were not published")
    questions = Question.objects.filter(status=Status.PUBLISHED).exclude(author__email__startswith="load-specialist")
    pages = SpecialistPage.objects.live().verified().exclude(user=None)
    return {
        "password": PASSWORD,
        "members": member_emails,
        "specialists": specialist_emails,
        "articles": [article.url for article in articles],
        # What readers read (the page cache is filled with these) and specialists answer.
        "questions": [{"id": q.pk, "url": q.get_absolute_url()} for q in questions.order_by("pk")[:QUESTIONS_READ]],
        "specialist_pages": [page.url for page in SpecialistPage.objects.live().order_by("pk")],
        "specialist_slugs": [page.slug for page in pages.order_by("pk")],
        "search_terms": ["sleep", "anxiety", "parenting", "grief", "worry"],
    }


# Locust ------------------------------------------------------------------------


def locust_command(*, base_url, duration, users, csv_prefix):
    return [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "scripts" / "locustfile.py"),
        "--headless",
        "--only-summary",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{duration}s",
        "--stop-timeout",
        "20",
        "--host",
        base_url,
        "--csv",
        csv_prefix,
        "--loglevel",
        "WARNING",
    ]


def read_stats(csv_prefix):
    with open(f"{csv_prefix}_stats.csv", newline="") as file:  # noqa: PTH123
        return {row["Name"]: row for row in csv.DictReader(file)}


def read_failures(csv_prefix):
    with open(f"{csv_prefix}_failures.csv", newline="") as file:  # noqa: PTH123
        return list(csv.DictReader(file))


def stats_table(stats, duration):
    lines = [
        "| page kind | requests | req/s | p50 ms | p99 ms | failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    order = PAGE_KINDS + sorted(name for name in stats if name not in PAGE_KINDS and name != "Aggregated")
    for name in [*order, "Aggregated"]:
        row = stats.get(name)
        if not row:
            continue
        count = int(row["Request Count"])
        label = "all requests" if name == "Aggregated" else name
        lines.append(
            f"| {label} | {count} | {count / duration:.1f} | {row['50%']} | {row['99%']} | {row['Failure Count']} |"
        )
    return "\n".join(lines)


# The drill's checks ---------------------------------------------------------------


class Phase:
    def __init__(self, name):
        self.name = name
        self.problems = []
        self.notes = []

    def fail(self, text):
        self.problems.append(text)
        out(f"  FAIL {self.name}: {text}")

    def note(self, text):
        self.notes.append(text)
        out(f"  {self.name}: {text}")

    @property
    def passed(self):
        return not self.problems


def http(method, url, *, data=None, headers=None, opener=None, timeout=120):
    """(status, headers, text) of one request; errors are answers too."""
    body = None
    if data is not None:
        body = "&".join(f"{k}={urllib.request.quote(str(v))}" for k, v in data.items()).encode()
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310 - loopback
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
    except OSError as error:  # refused, reset or timed out: no answer
        return 0, {}, str(error)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def logged_in_opener(base_url, email_address):
    """A cookie-keeping client logged in as `email_address` (the drill's probe)."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    status, _headers, page = http("GET", f"{base_url}/accounts/login/", opener=opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, _headers, _page = http(
        "POST",
        f"{base_url}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": email_address, "password": PASSWORD},
        headers={"Referer": f"{base_url}/accounts/login/", "Content-Type": "application/x-www-form-urlencoded"},
        opener=opener,
    )
    if status != 302:
        sys.exit(f"The drill's probe could not log in ({status})")
    return opener, token, jar


def drill_database(phase, postgres, base_url, probe, *, down_seconds):
    opener, _token, jar = probe
    status, _h, page = http("GET", f"{base_url}/questions/ask/?step=form", opener=opener)
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    typed = f"Since the move I wake at four and cannot settle again, drill {secrets.token_hex(4)}"
    postgres.stop()
    stopped = time.monotonic()
    phase.note("PostgreSQL stopped")
    status, headers, page = http(
        "POST",
        f"{base_url}/questions/ask/",
        data={"csrfmiddlewaretoken": token, "title": "Waking early after moving house", "body": typed},
        headers={"Referer": f"{base_url}/questions/ask/", "Content-Type": "application/x-www-form-urlencoded"},
        opener=opener,
    )
    if status != 503 or POLITE not in page:
        phase.fail(f"a member's question while the database was down answered {status}, not the 503 page")
    if headers.get("Retry-After") != "5":
        phase.fail(f"the 503 page had Retry-After {headers.get('Retry-After')!r}")
    if "Traceback" in page or "OperationalError" in page:
        phase.fail("the 503 page showed a stack trace or an exception's name")
    if typed not in page:
        phase.fail("the 503 page did not give back the typed text")
    status, _h, page = http("GET", f"{base_url}/search/?q=drill", opener=opener)
    if status != 503 or POLITE not in page:
        phase.fail(f"a page needing the database answered {status} while it was down")
    time.sleep(max(0.0, down_seconds - (time.monotonic() - stopped)))
    postgres.start()
    back = time.monotonic()
    while True:
        status, _h, _page = http("GET", f"{base_url}/questions/ask/?step=form", opener=opener, timeout=30)
        if status == 200:
            break
        if time.monotonic() - back > 30:
            break
        time.sleep(0.05)
    recovered = time.monotonic() - back
    phase.note(f"down {back - stopped:.1f} s; a member's page answered 200 {recovered:.2f} s after it was back")
    if recovered > RECOVERY_LIMIT:
        phase.fail(f"the site took {recovered:.1f} s to recover (limit {RECOVERY_LIMIT:.0f} s)")
    return recovered


def drill_redis(phase, redis, base_url, plan, *, down_seconds):
    paths = [
        "/",
        "/articles/",
        plan["articles"][0],
        "/questions/",
        plan["questions"][0]["url"],
        "/specialists/",
        plan["specialist_pages"][0],
        "/search/?q=sleep",
    ]
    from concurrent.futures import ThreadPoolExecutor

    def read_while_down(path):
        """(reads, failed statuses) of `path`, read again and again until Redis has
        been down for `down_seconds`, at least once."""
        reads, failed = 0, []
        while True:
            status, _h, _page = http("GET", f"{base_url}{path}")
            reads += 1
            if status != 200:
                failed.append(status)
            if time.monotonic() - stopped >= down_seconds:
                return reads, failed

    redis.stop()
    stopped = time.monotonic()
    phase.note("Redis stopped")
    # Each page kind in a thread of its own: under the load a page rendered without
    # the page cache takes seconds, and one after the other they kept Redis down for 46 s.
    with ThreadPoolExecutor(len(paths)) as pool:
        results = dict(zip(paths, pool.map(read_while_down, paths), strict=True))
    redis.start()
    down = time.monotonic() - stopped
    reads = sum(count for count, _failed in results.values())
    failures = sum(len(failed) for _count, failed in results.values())
    for path, (_count, failed) in results.items():
        if failed:
            phase.fail(f"{path} answered {', '.join(map(str, sorted(set(failed))))} while Redis was down")
    phase.note(
        f"{reads} anonymous page reads ({min(count for count, _f in results.values())} or more of each of"
        f" {len(paths)} kinds) in {down:.1f} s without Redis, {failures} failed"
    )


def drill_worker(phase, worker, start_worker):
    """Freeze the worker (SIGSTOP) the moment it holds a running task or has
    committed e-mails it has not sent yet, then SIGKILL it; start another."""
    from django.db import connections
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from core.models import SentEmail

    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    unsent = SentEmail.objects.filter(sent_at=None).exclude(message=None)
    deadline = time.monotonic() + 20
    held = False
    while time.monotonic() < deadline:
        if running.exists() or unsent.exists():
            worker.send_signal(signal.SIGSTOP)  # frozen where it is, holding its task or its e-mails
            held = running.exists() or unsent.exists()
            if held:
                break
            worker.send_signal(signal.SIGCONT)
        time.sleep(0.005)
    holding = [f"{running.count()} running tasks", f"{unsent.count()} committed e-mails not yet sent"]
    waiting = DBTaskResult.objects.ready().count()
    worker.kill()
    worker.wait()
    phase.note(
        f"worker killed (SIGKILL) {'holding ' + ' and '.join(holding) if held else 'between tasks'}, {waiting} queued"
    )
    connections.close_all()
    time.sleep(2)
    return start_worker()


def drain_queue(phase, seconds):
    """Wait until no task is due (none ready to run now, a reminder scheduled
    for later is not due, and none running) and no e-mail a task stored is
    left to send (the worker sends them after each task's commit, its sweep
    those a killed worker left)."""
    from django_tasks_db.models import DBTaskResult

    from core.models import SentEmail

    deadline = time.monotonic() + seconds

    def due():
        return DBTaskResult.objects.ready() | DBTaskResult.objects.running()

    def unsent():
        return SentEmail.objects.filter(sent_at=None).exclude(message=None)

    while due().exists() or unsent().exists():
        if time.monotonic() > deadline:
            phase.fail(
                f"{due().count()} due tasks still queued or running and {unsent().count()} stored e-mails"
                f" not sent {seconds} s after the load"
            )
            return
        time.sleep(0.5)


def check_emails(phase, outbox):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from core.models import SentEmail

    message_ids = []
    for path in sorted(Path(outbox).glob("*")):
        # The file backend writes a connection's messages one after another, each ended by a line of dashes.
        for part in path.read_text().split("\n" + "-" * 79 + "\n"):
            if part.strip():
                message_ids.append(email.message_from_string(part.strip())["Message-ID"])
    keys = set(SentEmail.objects.exclude(sent_at=None).values_list("key", flat=True))
    unsent = SentEmail.objects.filter(sent_at=None).count()
    kept = SentEmail.objects.exclude(sent_at=None).exclude(message=None).count()
    from_keys = {re.sub(r"^<(.*)@[^@]*>$", r"\1", message_id or "") for message_id in message_ids}
    duplicates = len(message_ids) - len(set(message_ids))
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
    tasks = DBTaskResult.objects.count()
    phase.note(
        f"{tasks} tasks queued, {len(message_ids)} e-mails in the outbox, {len(keys)} SentEmail rows marked sent"
    )
    if duplicates:
        phase.fail(f"{duplicates} e-mails were sent twice")
    if unsent:
        phase.fail(f"{unsent} e-mails were stored and never sent")
    if kept:
        phase.fail(f"{kept} sent e-mails still have their message stored")
    if from_keys != keys:
        phase.fail(
            f"{len(keys - from_keys)} recorded e-mails are not in the outbox, {len(from_keys - keys)} unrecorded"
        )
    if failed:
        phase.fail(f"{failed} tasks failed")
    if not message_ids:
        phase.fail("no e-mail was sent: the phase proves nothing")


def check_writes(phase, acks_path):
    """Every acknowledged write, found whole."""
    from django.db.models import Count, F, Q
    from django_comments_xtd.models import XtdComment
    from wagtail.models import ModelLogEntry

    from messaging.models import Message
    from qa.models import Answer, Question, Status

    acks = [json.loads(line) for line in Path(acks_path).read_text().splitlines() if line.strip()]
    kinds = {}
    for ack in acks:
        kinds[ack["kind"]] = kinds.get(ack["kind"], 0) + 1
        problem = None
        if ack["kind"] == "question":
            question = Question.objects.filter(pk=ack["id"]).first()
            if question is None or ack["marker"] not in question.body:
                problem = "missing"
            elif not ModelLogEntry.objects.filter(action="qa.ask", object_id=str(question.pk)).exists():
                problem = "without its history entry"
        elif ack["kind"] == "answer":
            answer = Answer.objects.filter(pk=ack["id"]).first()
            if answer is None or ack["marker"] not in answer.body:
                problem = "missing"
            elif not ModelLogEntry.objects.filter(action="qa.answer", object_id=str(answer.pk)).exists():
                problem = "without its history entry"
        elif ack["kind"] == "comment":
            comment = XtdComment.objects.filter(pk=ack["id"]).first()
            if comment is None or ack["marker"] not in comment.comment:
                problem = "missing"
            elif comment.thread_id != comment.pk or comment.user.email != ack["author"]:
                problem = "without its thread or author"
        elif ack["kind"] == "message":
            message = Message.objects.filter(token=ack["token"]).select_related("conversation").first()
            if message is None or ack["marker"] not in message.body:
                problem = "missing"
            elif str(message.conversation_id) != ack["id"] or message.conversation.last_message_at is None:
                problem = "not in its conversation"
            elif message.conversation.last_message_at < message.created_at:
                problem = "later than its conversation's last message"
        if problem:
            phase.fail(f"acknowledged {ack['kind']} {ack.get('id')} ({ack['marker']}) is {problem}")
    published = Count("answers", filter=Q(answers__status=Status.PUBLISHED))
    wrong_counts = (
        Question.objects.annotate(made=published).exclude(answer_count=F("made")).values_list("pk", flat=True)
    )
    if wrong_counts:
        phase.fail(f"{len(wrong_counts)} questions' answer counts do not match their answers")
    phase.note(
        f"{len(acks)} acknowledged writes found whole ("
        + ", ".join(f"{count} {kind}s" for kind, count in sorted(kinds.items()))
        + "); every question's answer count matches"
    )
    missing = {"question", "answer", "comment", "message"} - set(kinds)
    if missing:
        phase.fail(f"no acknowledged {', '.join(sorted(missing))}: the load did not write every kind")


# Main --------------------------------------------------------------------------


def main():  # noqa: C901, PLR0912, PLR0915 - one run, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drill", action="store_true", help="PostgreSQL, Redis and the worker fail mid-load")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--specialists", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    # 1: gunicorn's sync workers, as make serve and make bench. With 4 threads (gthread) a few
    # requests a minute met a kept-alive connection the server had just closed (no answer).
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (default 1: sync)")
    parser.add_argument("--down", type=float, default=4.0, help="seconds each service is down in the drill")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("The load runs on PostgreSQL: run it under scripts/with-postgres.sh (make load / make drill).")
    if not (BIN / "locust").exists():
        sys.exit("locust is missing from the virtualenv. Install the pinned tools with: make install")
    postgres = Postgres(database_url) if args.drill else None
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    phases = []

    with tempfile.TemporaryDirectory(prefix="steady-load.") as run_dir:
        run = Path(run_dir)
        outbox = run / "outbox"
        outbox.mkdir()
        redis = Redis(run)
        redis.start()
        try:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings.drill",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "DJANGO_LOOPBACK_HTTP": "true",
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "WAGTAILADMIN_BASE_URL": base_url,
                "REDIS_URL": redis.url,
                "DJANGO_STATIC_ROOT": str(run / "static"),
                "DJANGO_MEDIA_ROOT": str(run / "media"),
                "DRILL_OUTBOX": str(outbox),
                # A task left claimed by the killed worker goes back to the queue in seconds, not a minute.
                "TASK_WORKER_HEARTBEAT_SECONDS": "1",
                "TASK_WORKER_STALE_SECONDS": "5",
                "TASK_WORKER_RETRY_SECONDS": "0.5",
                # An e-mail the killed worker committed and had not sent goes from the next one's sweep.
                "TASK_WORKER_OUTBOX_SECONDS": "2",
            }
            os.environ.update(env)
            sys.path.insert(0, str(ROOT))
            import django

            django.setup()
            from django.core.management import call_command
            from django.db import connections

            out(f"load average at the start: {load_average()}")
            started = time.perf_counter()
            call_command("migrate", verbosity=0, interactive=False)
            out(f"migrated in {time.perf_counter() - started:.0f} s")
            call_command("seed_demo", force=True, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: PTH123, SIM115
            plan = seed(members=args.members, specialists=args.specialists)
            call_command("collectstatic", verbosity=0, interactive=False)
            connections.close_all()
            out(f"seeded in {time.perf_counter() - started:.0f} s in all")
            (run / "plan.json").write_text(json.dumps(plan))
            acks = run / "acks.jsonl"
            acks.touch()
            locust_env = {
                **env,
                "LOAD_PLAN": str(run / "plan.json"),
                "LOAD_ACKS": str(acks),
                "LOAD_DRILL": "1" if args.drill else "0",
                "LOAD_READERS": str(args.readers),
                "LOAD_MEMBERS": str(args.members),
                "LOAD_SPECIALISTS": str(args.specialists),
            }
            users = args.readers + args.members + args.specialists
            csv_prefix = str(run / "locust")
            gunicorn = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
            gunicorn += ["--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "120"]
            with (
                (run / "server.log").open("a") as log,
                background(gunicorn, env=env, log=log) as server,
            ):
                workers = []

                def start_worker():
                    process = subprocess.Popen(worker_command(), cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
                    workers.append(process)
                    return process

                worker = start_worker()
                try:
                    wait_for_health(base_url, server)
                    warm_up(base_url, plan, args.workers)
                    log_in_writers(base_url, plan, args.workers)
                    (run / "plan.json").write_text(json.dumps(plan))
                    probe = logged_in_opener(base_url, plan["members"][0]) if args.drill else None
                    out(
                        f"locust: {args.readers} readers, {args.members} members, {args.specialists} specialists"
                        f" for {args.duration} s against {base_url}"
                        f" (gunicorn: {args.workers} workers x {args.threads} threads)"
                    )
                    load_started = time.monotonic()
                    with (run / "locust.log").open("w") as locust_log:
                        locust = subprocess.Popen(  # noqa: S603 - our pinned locust
                            locust_command(
                                base_url=base_url, duration=args.duration, users=users, csv_prefix=csv_prefix
                            ),
                            cwd=ROOT,
                            env=locust_env,
                            stdout=locust_log,
                            stderr=subprocess.STDOUT,
                        )

                        def at(fraction):
                            time.sleep(max(0.0, load_started + args.duration * fraction - time.monotonic()))

                        if args.drill:
                            database, cache, tasks = (
                                Phase("a. PostgreSQL restart"),
                                Phase("b. Redis stop"),
                                Phase("c. worker SIGKILL"),
                            )
                            phases += [database, cache, tasks]
                            at(0.2)
                            drill_database(database, postgres, base_url, probe, down_seconds=args.down)
                            at(0.45)
                            drill_redis(cache, redis, base_url, plan, down_seconds=args.down)
                            at(0.7)
                            worker = drill_worker(tasks, worker, start_worker)
                        locust.wait(timeout=args.duration + 120)
                    load_seconds = time.monotonic() - load_started
                    out(f"load finished after {load_seconds:.0f} s")
                    if args.drill:
                        connections.close_all()
                        drain_queue(tasks, 300)
                        check_emails(tasks, outbox)
                        check_writes(database, acks)
                finally:
                    for process in workers:
                        if process.poll() is None:
                            process.terminate()
                            process.wait(timeout=30)
            stats = read_stats(csv_prefix)
            failures = read_failures(csv_prefix)
        finally:
            redis.stop()
            if os.environ.get("LOAD_KEEP_LOGS"):
                shutil.copytree(run, os.environ["LOAD_KEEP_LOGS"], dirs_exist_ok=True)

    load = Phase("load")
    phases.insert(0, load)
    out(f"\nload average at the end: {load_average()}")
    out(stats_table(stats, args.duration))
    for failure in failures:
        load.fail(f"{failure['Occurrences']} x {failure['Method']} {failure['Name']}: {failure['Error']}")
    if not stats.get("Aggregated") or int(stats["Aggregated"]["Request Count"]) == 0:
        load.fail("no request was made")
    if locust.returncode not in (0, 1):
        load.fail(f"locust exited with {locust.returncode}")
    out("\nsummary")
    for phase in phases:
        out(f"  {'PASS' if phase.passed else 'FAIL'}  {phase.name}")
    sys.exit(0 if all(phase.passed for phase in phases) else 1)


if __name__ == "__main__":
    main()
