"""`make scaleout`: two app servers sharing one state, proven on this machine.

Run inside scripts/with-postgres.sh (DATABASE_URL: a throwaway cluster):

    scripts/with-postgres.sh .venv/bin/python scripts/scaleout.py

It starts, all on loopback and in one temporary folder:

- one Redis (a Unix socket), the cache of both servers;
- moto's server as the S3 emulator, with a bucket for the media;
- the PostgreSQL of DATABASE_URL migrated, with an article, the directory and
  three accounts made by the project's factories (images go to the bucket);
- app servers A and B: gunicorn with config.settings.production (plain HTTP on
  loopback, DJANGO_TRUSTED_PROXY_COUNT=1), the same secret key, on two ports;
- one task worker (manage.py run_tasks): renditions and purges;
- Varnish in front with config/varnish.vcl, balancing A and B round-robin.

Then it checks, printing PASS or FAIL for each: Varnish sends requests to
both; a login made through A works on B (and back); failed logins split
between A and B lock the account at the shared limit; a photo uploaded
through A is in the bucket and served, on B's page, from the emulator;
publishing a page through A's admin purges it from Varnish and from the
page cache both servers share. Exits 1 when a check fails or a part does
not start; every process it started is stopped and the folder removed.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BUCKET = "steady-scaleout-media"
PASSWORD = "a-long-test-password"  # noqa: S105 - accounts.factories.UserFactory's, throwaway database
MEMBER = ("member@example.com", PASSWORD)
SPECIALIST = ("specialist@example.com", PASSWORD)
ADMIN = ("admin@example.com", PASSWORD)
# The admin's TOTP secret for this run's throwaway database (staff need a second factor).
ADMIN_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"  # noqa: S105 - throwaway database
NEW_TITLE = "Attachment wounds, published again through server A"
START_SECONDS = 90
STOPPING_SIGNALS = {signal.SIGTERM, signal.SIGINT}


class Failed(Exception):
    """A part did not start, or a check found something wrong."""


def expect(condition, message):
    if not condition:
        raise Failed(message)


def say(text):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def current_totp_code(secret, *, periods_ahead=0):
    """The code an authenticator app shows now for `secret` (RFC 6238: 30 s, 6 digits)."""
    counter = int(time.time()) // 30 + periods_ahead
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**6:06d}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_tool(name, install):
    for candidate in (str(BIN / name), shutil.which(name), f"/usr/sbin/{name}"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise Failed(f"{name} is missing. Install it with: {install}")


class Stack:
    """The processes of this run, each in its own session so stopping one
    stops what it started; stopped in reverse order."""

    def __init__(self, folder):
        self.folder = folder
        self.processes = []

    def start(self, name, args, env, cwd=ROOT):
        log = (self.folder / f"{name}.log").open("w")
        # No signal between starting a process and recording it (stop() would
        # miss it); the process itself starts with signals unblocked.
        signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING_SIGNALS)
        try:
            process = subprocess.Popen(  # noqa: S603 - our own tools, fixed arguments
                args,
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING_SIGNALS),
            )
            self.processes.append((name, process))
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING_SIGNALS)
        return process

    def log(self, name):
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def check_running(self):
        for name, process in self.processes:
            if process.poll() is not None:
                raise Failed(f"{name} exited with {process.returncode}:\n{self.log(name)}")

    def stop(self):
        for _name, process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _name, process in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def wait_for(what, probe, stack, seconds=START_SECONDS):
    deadline = time.monotonic() + seconds
    while True:
        stack.check_running()
        try:
            if probe():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise Failed(f"{what} did not come up within {seconds} s")
        time.sleep(0.2)


def listening(port):
    socket.create_connection(("127.0.0.1", port), timeout=1).close()
    return True


def manage(env, *args, timeout=600):
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise Failed(f"manage.py {' '.join(args[:1])} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    say(f"  manage.py {args[0]}: {time.monotonic() - started:.1f} s")
    return result.stdout


# The run's content, built with the project's factories as the tests build
# theirs: a home page, an article by a specialist, the directory with its
# moderation workflow; a member, a specialist's account (to lock out) and a
# superuser with a second factor; the Wagtail site at Varnish's address
# (purges name pages by it); and an editor's draft of the article with a new
# title, for A's admin to publish.
SETUP = """
import json
from accounts.factories import UserFactory, give_totp
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import TopicFactory
from home.models import HomePage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from specialists.models import Approach, Language
from specialists.services import directory_moderation_setup
from wagtail.models import Site

home = HomePage.objects.get(depth=2)
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()
topics = [TopicFactory(name="Relationships", slug="relationships"), TopicFactory(name="Anxiety", slug="anxiety")]
directory = SpecialistIndexPageFactory(parent=home)
directory_moderation_setup(index=directory)
author = SpecialistPageFactory(
    parent=directory, title="Dr Ada Moss", professional_title="Family psychologist", topics=topics[:1]
)
article = ArticlePageFactory(
    parent=ArticleIndexPageFactory(parent=home), author=author, topics=topics[:1], title="Attachment in adult life"
)
UserFactory(email={member!r}, display_name="Rowan")
UserFactory(email={specialist!r}, display_name="Ada")
admin = UserFactory(email={admin!r}, display_name="Admin", is_staff=True, is_superuser=True)
give_totp(admin, {secret!r})
draft = article.get_latest_revision_as_object()
draft.title = {title!r}
draft.save_revision(user=admin)
print(json.dumps({{
    "article_id": article.pk,
    "article_path": article.get_url(),
    "old_title": article.title,
    "topics": [str(topic.pk) for topic in topics],
    "approaches": [str(Approach.objects.order_by("pk").values_list("pk", flat=True).first())],
    "languages": [str(Language.objects.get(code="en").pk)],
}}))
"""


def varnish_vcl(port_a, port_b):
    """config/varnish.vcl with its one backend replaced by A and B behind a
    round-robin director; each response names the server that made it."""
    vcl = (ROOT / "config" / "varnish.vcl").read_text()
    backends = f"""import directors;

backend app_a {{
    .host = "127.0.0.1";
    .port = "{port_a}";
}}

backend app_b {{
    .host = "127.0.0.1";
    .port = "{port_b}";
}}

sub vcl_init {{
    new app = directors.round_robin();
    app.add_backend(app_a);
    app.add_backend(app_b);
}}

sub vcl_recv {{
    set req.backend_hint = app.backend();
}}

sub vcl_backend_response {{
    set beresp.http.X-Backend = beresp.backend.name;
}}
"""
    replaced, count = re.subn(r"backend default \{.*?\n\}\n", backends, vcl, count=1, flags=re.S)
    if count != 1:
        raise Failed("config/varnish.vcl has no 'backend default { ... }' block to replace")
    return replaced


class Run:
    def __init__(self, folder, stack, args):
        self.folder, self.stack, self.args = folder, stack, args
        self.port_a, self.port_b, self.port_varnish, self.port_s3 = (free_port() for _ in range(4))
        self.a = f"http://127.0.0.1:{self.port_a}"
        self.b = f"http://127.0.0.1:{self.port_b}"
        self.varnish = f"http://127.0.0.1:{self.port_varnish}"
        self.s3_url = f"http://127.0.0.1:{self.port_s3}"
        self.results = []

    # Set-up -------------------------------------------------------------------

    def environment(self):
        env = {
            key: value
            for key, value in os.environ.items()
            if key in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "DATABASE_URL"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            DJANGO_LOOPBACK_HTTP="true",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_TRUSTED_PROXY_COUNT="1",
            DJANGO_STATIC_ROOT=str(self.folder / "static"),
            DJANGO_MEDIA_ROOT=str(self.folder / "unused-media"),
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            REDIS_URL=f"unix://{self.folder}/redis.sock",
            WAGTAILADMIN_BASE_URL=self.varnish,
            FRONTEND_CACHE_PURGE_URL=self.varnish,
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=self.s3_url,
            AWS_S3_REGION_NAME="us-east-1",
            AWS_DEFAULT_ACL="public-read",
            AWS_ACCESS_KEY_ID="scaleout-emulator",
            AWS_SECRET_ACCESS_KEY="scaleout-emulator",  # noqa: S106 - the emulator takes any
            AWS_EC2_METADATA_DISABLED="true",
            AWS_CONFIG_FILE=os.devnull,
            AWS_SHARED_CREDENTIALS_FILE=os.devnull,
            PYTHONUNBUFFERED="1",
        )
        return env

    def s3(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id="scaleout-emulator",
            aws_secret_access_key="scaleout-emulator",  # noqa: S106
        )

    def start(self):
        if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            raise Failed("Run it as make scaleout (scripts/with-postgres.sh gives it a PostgreSQL).")
        redis_server = find_tool("redis-server", "make redis (apt-get install -y redis-server)")
        varnishd = find_tool("varnishd", "make varnish (apt-get install -y varnish)")
        moto_server = find_tool("moto_server", "make install (moto is in requirements-dev.lock)")
        gunicorn = find_tool("gunicorn", "make install")
        env = self.environment()
        self.env = env
        started = time.monotonic()

        self.stack.start(
            "redis",
            [
                redis_server,
                "--port",
                "0",
                "--unixsocket",
                f"{self.folder}/redis.sock",
                "--unixsocketperm",
                "700",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            env,
        )
        self.stack.start("s3", [moto_server, "-H", "127.0.0.1", "-p", str(self.port_s3)], env, cwd=self.folder)
        wait_for("Redis", lambda: (self.folder / "redis.sock").exists(), self.stack)
        wait_for("moto's S3 server", lambda: listening(self.port_s3), self.stack)
        self.s3().create_bucket(Bucket=BUCKET)

        if not self.args.migrated:
            manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        setup = SETUP.format(
            port=self.port_varnish,
            member=MEMBER[0],
            specialist=SPECIALIST[0],
            admin=ADMIN[0],
            secret=ADMIN_TOTP_SECRET,
            title=NEW_TITLE,
        )
        self.content = json.loads(manage(env, "shell", "-c", setup).strip().splitlines()[-1])
        say(f"Set up the database, the bucket and static files in {time.monotonic() - started:.0f} s")

        workers = str(self.args.workers)
        for name, port in (("app_a", self.port_a), ("app_b", self.port_b)):
            self.stack.start(
                name,
                [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", workers, "--timeout", "60"],
                env,
            )
        self.stack.start("worker", [str(BIN / "python"), "manage.py", "run_tasks"], env)
        vcl = self.folder / "varnish.vcl"
        vcl.write_text(varnish_vcl(self.port_a, self.port_b))
        vcl.chmod(0o644)
        self.stack.start(
            "varnish",
            [
                varnishd,
                "-F",
                "-f",
                str(vcl),
                "-a",
                f"127.0.0.1:{self.port_varnish}",
                "-n",
                str(self.folder / "varnish-work"),
                "-s",
                "malloc,32m",
            ],
            env,
        )
        import requests

        for name, base in (("app server A", self.a), ("app server B", self.b)):
            wait_for(name, lambda base=base: requests.get(base + "/health/", timeout=5).status_code == 200, self.stack)
        wait_for("Varnish", lambda: requests.get(self.varnish + "/health/", timeout=5).status_code == 200, self.stack)
        elapsed = time.monotonic() - started
        say(f"A {self.a}, B {self.b}, Varnish {self.varnish}, S3 {self.s3_url}: up in {elapsed:.0f} s")

    # Checks -------------------------------------------------------------------

    def check(self, name, function):
        try:
            detail = function()
        except Exception as error:  # noqa: BLE001 - any error is this check's failure
            self.results.append((name, False))
            say(f"FAIL {name}: {type(error).__name__}: {error}")
            return
        self.results.append((name, True))
        say(f"PASS {name}: {detail}")

    def check_all(self):
        self.check("Varnish balances A and B", self.balanced)
        self.check("a login made through A works on B", self.shared_session)
        self.check("failed logins on A and B count against one limit", self.shared_rate_limit)
        self.check("a photo uploaded through A is served on B from the bucket", self.shared_media)
        self.check("publishing through A purges Varnish and both servers' cache", self.purged_on_publish)
        return all(ok for _name, ok in self.results)

    def balanced(self):
        import requests

        seen = [requests.get(self.varnish + "/health/", timeout=10).headers.get("X-Backend") for _ in range(4)]
        expect(set(seen) == {"app_a", "app_b"}, f"backends seen: {seen}")
        return " ".join(seen)

    def log_in(self, session, *, form_on, post_to, credentials):
        """allauth's login form fetched from one server and sent to the other."""
        session.get(form_on + "/accounts/login/", timeout=30).raise_for_status()
        token = session.cookies["csrftoken"]
        return session.post(
            post_to + "/accounts/login/",
            data={"login": credentials[0], "password": credentials[1], "csrfmiddlewaretoken": token},
            allow_redirects=False,
            timeout=30,
        )

    def shared_session(self):
        import requests

        anonymous = requests.get(self.b + "/accounts/", allow_redirects=False, timeout=30)
        expect(anonymous.status_code == 302, f"anonymous /accounts/ on B answered {anonymous.status_code}")
        self.member = requests.Session()
        response = self.log_in(self.member, form_on=self.b, post_to=self.a, credentials=MEMBER)
        expect(response.status_code == 302, f"login through A answered {response.status_code}")
        for base in (self.b, self.a):
            page = self.member.get(base + "/accounts/", allow_redirects=False, timeout=30)
            expect(page.status_code == 200 and MEMBER[0] in page.text, f"{base}/accounts/ answered {page.status_code}")
        return "form from B, login on A (CSRF token and session both carried), /accounts/ answered 200 on B and A"

    def shared_rate_limit(self):
        import requests

        wrong = (SPECIALIST[0], "not-the-password")
        limit = 5  # ACCOUNT_RATE_LIMITS["login_failed"]: 5 per account per 15 minutes
        for attempt in range(limit):
            server = (self.a, self.b)[attempt % 2]
            response = self.log_in(requests.Session(), form_on=server, post_to=server, credentials=wrong)
            expect(response.status_code == 200, f"failed login {attempt + 1} answered {response.status_code}")
            expect("Too many failed login attempts" not in response.text, f"locked after {attempt} failures")
        # B has seen two failures, A three: only a shared count reaches five.
        session = requests.Session()
        response = self.log_in(session, form_on=self.b, post_to=self.b, credentials=SPECIALIST)
        expect(response.status_code != 302, "the right password on B logged in after 5 failures")
        expect("Too many failed login attempts" in response.text, "no rate-limit message")
        expect("sessionid" not in session.cookies, "the refused login still set a session")
        return "3 failures on A + 2 on B, then the right password on B is refused: too many failed attempts"

    def shared_media(self):
        from bs4 import BeautifulSoup
        from PIL import Image

        s3 = self.s3()

        def keys(prefix):
            listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
            return {item["Key"] for item in listing.get("Contents", [])}

        before = keys("original_images/")
        picture = BytesIO()
        Image.new("RGB", (300, 300), (70, 130, 110)).save(picture, "JPEG")
        join = self.a + "/specialists/join/"
        self.member.get(join, timeout=30).raise_for_status()
        data = {
            "csrfmiddlewaretoken": self.member.cookies["csrftoken"],
            "display_name": "Dr Robin Scale",
            "professional_title": "Counselling psychologist",
            "short_bio": "I help adults through anxiety and change.",
            "long_bio": "Ten years of practice.\n\nSessions online.",
            "topics": self.content["topics"],
            "approaches": self.content["approaches"],
            "languages": self.content["languages"],
            "offers_online": "on",
            "location": "Leeds",
            "fees": "£60 for 50 minutes",
            "accepting_new_clients": "on",
            "licence_number": "PYL-54321",
            "licence_issuing_body": "Health and Care Professions Council",
            "licence_country": "United Kingdom",
            "declaration": "on",
        }
        files = {"photo": ("me.jpg", picture.getvalue(), "image/jpeg")}
        response = self.member.post(join, data=data, files=files, allow_redirects=False, timeout=60)
        expect(response.status_code == 302, f"the join form on A answered {response.status_code}")
        new = keys("original_images/") - before
        expect(len(new) == 1, f"new originals in the bucket: {sorted(new)}")
        original = s3.get_object(Bucket=BUCKET, Key=new.pop())["Body"].read()
        expect(Image.open(BytesIO(original)).size == (300, 300), "the original in the bucket is not the 300x300 photo")

        page = self.member.get(self.b + "/specialists/me/edit/", timeout=30)
        expect(page.status_code == 200, f"the edit page on B answered {page.status_code}")
        image = BeautifulSoup(page.text, "html.parser").select_one(".profile-form__current-photo img")
        expect(image is not None, "no current photo on B's edit page")
        src = image["src"]
        expect(src.startswith(f"{self.s3_url}/{BUCKET}/images/"), f"photo URL on B: {src}")
        policy = page.headers.get("Content-Security-Policy", "")
        expect(re.search(r"img-src [^;]*" + re.escape(self.s3_url), policy), "the CSP does not allow the bucket")
        import requests

        served = requests.get(src, timeout=30)  # anonymous, as a browser fetches an <img>
        expect(served.status_code == 200, f"the emulator answered {served.status_code} for {src}")
        rendition = Image.open(BytesIO(served.content))
        expect(
            (rendition.format, rendition.size) == ("WEBP", (120, 120)), f"served {rendition.format} {rendition.size}"
        )
        key = src.split(f"/{BUCKET}/", 1)[1]
        expect(
            s3.head_object(Bucket=BUCKET, Key=key)["ContentLength"] == len(served.content),
            "the bytes served are not the rendition object in the bucket",
        )
        return f"original in the bucket, B's page shows {src.rsplit('/', 1)[1]} (WebP 120x120) from the emulator"

    def purged_on_publish(self):
        import requests
        from bs4 import BeautifulSoup

        path, old_title = self.content["article_path"], self.content["old_title"]

        def through_varnish():
            response = requests.get(self.varnish + path, timeout=30)
            expect(response.status_code == 200, f"{path} through Varnish answered {response.status_code}")
            return response

        through_varnish()
        kept = through_varnish()
        expect(kept.headers.get("X-Cache") == "HIT" and old_title in kept.text, "Varnish did not keep the article")
        for base in (self.b, self.b):
            direct = requests.get(base + path, timeout=30)
        expect(direct.headers.get("X-Page-Cache") == "hit", "B did not answer from the shared page cache")

        admin = requests.Session()
        response = self.log_in(admin, form_on=self.a, post_to=self.a, credentials=ADMIN)
        expect(
            "/2fa/authenticate/" in response.headers.get("Location", ""),
            "the admin's password did not lead to the code",
        )
        for periods_ahead in (0, 1):  # the 30-second period may end in between
            code = current_totp_code(ADMIN_TOTP_SECRET, periods_ahead=periods_ahead)
            response = admin.post(
                self.a + "/accounts/2fa/authenticate/",
                data={"code": code, "csrfmiddlewaretoken": admin.cookies["csrftoken"]},
                allow_redirects=False,
                timeout=30,
            )
            if response.status_code == 302:
                break
        expect(response.status_code == 302, f"the admin's code was refused ({response.status_code})")

        publish = f"{self.a}/admin/bulk/wagtailcore/page/publish/?id={self.content['article_id']}"
        form = BeautifulSoup(admin.get(publish, timeout=30).text, "html.parser").select_one("form[method=post]")
        expect(form is not None, "no publish confirmation form in A's admin")
        fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        response = admin.post(publish, data=fields, allow_redirects=False, timeout=60)
        expect(response.status_code == 302, f"publishing through A's admin answered {response.status_code}")

        deadline = time.monotonic() + 30  # the purge is a task: the worker sends it
        while True:
            fresh = through_varnish()
            if NEW_TITLE in fresh.text:
                break
            expect(time.monotonic() < deadline, "Varnish still gives the old title 30 s after publishing")
            time.sleep(0.5)
        expect(fresh.headers.get("X-Cache") == "MISS", "the new title came from a kept copy")
        again = through_varnish()
        expect(
            again.headers.get("X-Cache") == "HIT" and NEW_TITLE in again.text,
            "Varnish did not keep the new page",
        )
        for base in (self.a, self.b):
            expect(NEW_TITLE in requests.get(base + path, timeout=30).text, f"{base} still shows the old title")
        return f"after the publish on A, Varnish fetched {path} afresh from {fresh.headers.get('X-Backend')}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers per app server (default 1)")
    parser.add_argument(
        "--migrated", action="store_true", help="DATABASE_URL names a migrated, empty database (the test's copy)"
    )
    parser.add_argument("--keep", action="store_true", help="leave the folder of logs in place")
    args = parser.parse_args()

    # SIGTERM (make interrupted, a test's timeout) stops the parts too: they
    # run in sessions of their own, which no signal to this one reaches.
    def stopped(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stopped)
    folder = Path(tempfile.mkdtemp(prefix="steady-scaleout-"))
    folder.chmod(0o755)  # Varnish's own users read the VCL and its work folder
    stack = Stack(folder)
    run = Run(folder, stack, args)
    ok = False
    try:
        run.start()
        ok = run.check_all()
        stack.check_running()
    except Failed as error:
        say(f"FAIL set-up: {error}")
        ok = False
    except Exception as error:  # noqa: BLE001 - a part that broke: report it, then stop everything
        say(f"FAIL set-up: {type(error).__name__}: {error}")
        ok = False
    except (KeyboardInterrupt, SystemExit):
        say("FAIL interrupted: stopping every part")
        ok = False
        raise
    finally:
        stack.stop()
        if not ok:
            for name in ("app_a", "app_b", "worker", "varnish", "s3"):
                log = stack.log(name)
                if log.strip():
                    say(f"--- last lines of {name}.log\n{log[-1500:]}")
        if args.keep:
            say(f"Logs kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    passed = sum(ok for _name, ok in run.results)
    say(f"{passed} passed, {len(run.results) - passed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
