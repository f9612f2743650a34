"""The users of `make load` and `make drill` (scripts/load.py starts locust
with this file; it is not meant to be run by hand).

- Reader: an anonymous visitor going through every public page kind.
- Member: logs in, asks questions, comments on articles, writes to specialists.
- Specialist: logs in, answers published questions.

scripts/load.py writes the plan (accounts, addresses, the shared password)
to $LOAD_PLAN. Every write the site acknowledges (a redirect to what was
made) is appended to $LOAD_ACKS as one JSON line, for the drill to find in
the database afterwards. Each write carries a marker of its own in its text.

With $LOAD_DRILL=1 two 503s are polite refusals, each counted under a name
of its own and not as an error: "Back in a moment" (the database away) and
"try again in a minute" (Redis away: core.views.shared_cache_unavailable's
page, or a counted form such as log in shown again with
core.shared_cache.REFUSAL). A form's polite 503 must give back the marker that
was typed, and no polite page shows a traceback; any other error is one.
Anonymous reading never needs Redis: a reader's 503 for Redis is an error.
"""

import itertools
import json
import os
import random
import re
import uuid
from html.parser import HTMLParser
from urllib.parse import urlsplit

from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: PTH123, SIM115 - read once at import
ACKS = open(os.environ["LOAD_ACKS"], "a", buffering=1)  # noqa: PTH123, SIM115 - one line per write, flushed
DRILL = os.environ.get("LOAD_DRILL") == "1"
TIMEOUT = 120  # the machine may be shared: slow is measured, not an error
# Each polite 503's name (what it is counted under) and the words only it
# renders (templates/503.html, and core.shared_cache.REFUSAL on a form).
DATABASE_AWAY = "back in a moment"
POLITE = {
    DATABASE_AWAY: "Back in a moment",
    "try again in a minute": "keeps count of attempts is not answering",
}

_members = itertools.count()
_specialists = itertools.count()


class Forms(HTMLParser):
    """Every <form> of a page: its action and the values it would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "fields": {}, "options": {}}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self._form["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self._form["fields"][self._textarea] = ""
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
            self._form["options"][self._select] = []
        elif tag == "option" and self._select and attrs.get("value"):
            self._form["options"][self._select].append(attrs["value"])

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


def form_with(html, field):
    return next((form for form in forms_of(html) if field in form["fields"]), None)


def marker():
    return f"ref {uuid.uuid4().hex[:12]}"


def polite(response, *, reading=False):
    """The name of the polite refusal `response` is, or None. `reading`: an
    anonymous GET, which only the database's going away may refuse."""
    if response.status_code != 503 or "Traceback" in response.text:
        return None
    allowed = [DATABASE_AWAY] if reading else POLITE
    return next((name for name in allowed if POLITE[name] in response.text), None)


def acknowledge(**record):
    ACKS.write(json.dumps(record) + "\n")


class Visitor(HttpUser):
    abstract = True

    def page(self, path, name):
        """GET a page: 200 is right; in the drill a polite 503 is counted apart.
        Returns the page's text, or None."""
        with self.client.get(path, name=name, catch_response=True, timeout=TIMEOUT) as response:
            if response.status_code == 200:
                response.success()
                return response.text
            refusal = DRILL and polite(response, reading=not getattr(self, "logged_in", False))
            if refusal:
                response.request_meta["name"] = f"{name} (503 {refusal})"
                response.success()
                return None
            response.failure(f"{path} answered {response.status_code}")
            return None


class Reader(Visitor):
    fixed_count = int(os.environ.get("LOAD_READERS", "50"))
    wait_time = between(0.5, 2)

    @task(3)
    def home(self):
        self.page("/", "home")

    @task(2)
    def article_index(self):
        self.page("/articles/", "article index")

    @task(4)
    def article(self):
        self.page(random.choice(PLAN["articles"]), "article")  # noqa: S311 - load pattern, not secrets

    @task(2)
    def question_list(self):
        self.page("/questions/", "Q&A list")

    @task(4)
    def question(self):
        self.page(random.choice(PLAN["questions"])["url"], "question")  # noqa: S311

    @task(2)
    def directory(self):
        self.page("/specialists/", "directory")

    @task(3)
    def specialist(self):
        self.page(random.choice(PLAN["specialist_pages"]), "specialist")  # noqa: S311

    @task(1)
    def search(self):
        self.page(f"/search/?q={random.choice(PLAN['search_terms'])}", "search")  # noqa: S311


class Writer(Visitor):
    abstract = True
    wait_time = between(1, 3)
    accounts = ()
    counter = None

    def on_start(self):
        """Take the next account. scripts/load.py logged each in through the
        login form before the timed run (a login is a password hash: seconds on
        a busy machine); its cookies are this user's, and a user without them
        logs in here."""
        self.email = self.accounts[next(self.counter) % len(self.accounts)]
        cookies = PLAN.get("cookies", {}).get(self.email)
        for name, value in (cookies or {}).items():
            self.client.cookies.set(name, value)
        self.logged_in = bool(cookies)
        if not self.logged_in:
            self.log_in()

    def log_in(self):
        html = self.page("/accounts/login/", "login form")
        form = html and form_with(html, "password")
        if not form:
            return
        data = {**form["fields"], "login": self.email, "password": PLAN["password"]}
        with self.client.post(
            "/accounts/login/",
            data=data,
            headers={"Referer": self.client.base_url + "/accounts/login/"},
            name="log in",
            allow_redirects=False,
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            if response.status_code == 302:
                self.logged_in = True
                response.success()
            elif DRILL and (refusal := polite(response)):
                response.request_meta["name"] = f"log in (503 {refusal})"
                response.success()
            else:
                response.failure(f"login of {self.email} answered {response.status_code}")

    def send(self, form_page, form, data, *, name, kind, words, pattern=None, extra=None):
        """POST `form` (found on `form_page`) with `data`; a redirect is the
        site's acknowledgement, recorded with the id its address names."""
        action = form["action"] or urlsplit(form_page).path
        with self.client.post(
            action,
            data={**form["fields"], **data},
            headers={"Referer": self.client.base_url + form_page},
            name=name,
            allow_redirects=False,
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            if response.status_code in (302, 303):
                location = response.headers.get("Location", "")
                found = re.search(pattern, location) if pattern else None
                if pattern and not found:
                    response.failure(f"{name}: redirected to {location!r}, not to what was made")
                    return
                acknowledge(
                    kind=kind,
                    id=found.group(1) if found else None,
                    marker=words,
                    author=self.email,
                    location=location,
                    **(extra or {}),
                )
                response.success()
            elif DRILL and (refusal := polite(response)):
                response.request_meta["name"] = f"{name} (503 {refusal})"
                if words in response.text:
                    response.success()
                else:
                    response.failure(f"{name}: the 503 page did not give back the typed text")
            else:
                response.failure(f"{name} answered {response.status_code}")

    def ensure_logged_in(self):
        if not self.logged_in:
            self.log_in()
        return self.logged_in


class Member(Writer):
    fixed_count = int(os.environ.get("LOAD_MEMBERS", "15"))
    accounts = PLAN["members"]
    counter = _members

    @task(2)
    def ask(self):
        if not self.ensure_logged_in():
            return
        words = marker()
        path = "/questions/ask/?step=form"
        html = self.page(path, "ask form")
        form = html and form_with(html, "body")
        if not form:
            return
        title = f"How can I keep a steady routine after a move ({words})?"
        body = f"Since we moved I sleep late and skip meals, and my week falls apart. {words}"
        topic = random.choice(form["options"].get("topic") or [""])  # noqa: S311
        data = {"title": title, "body": body, "topic": topic}
        self.send(path, form, data, name="ask a question", kind="question", words=words, pattern=r"/questions/(\d+)/")

    @task(2)
    def comment(self):
        if not self.ensure_logged_in():
            return
        words = marker()
        path = random.choice(PLAN["articles"])  # noqa: S311
        html = self.page(path, "article (member)")
        form = html and form_with(html, "comment")
        if not form:
            return
        text = f"Thank you, the part about small daily steps helped me this week. {words}"
        self.send(path, form, {"comment": text}, name="comment", kind="comment", words=words, pattern=r"#c(\d+)$")

    @task(2)
    def message(self):
        if not self.ensure_logged_in():
            return
        words = marker()
        path = f"/messages/new/{random.choice(PLAN['specialist_slugs'])}/"  # noqa: S311
        with self.client.get(path, name="message form", catch_response=True, timeout=TIMEOUT) as response:
            if response.status_code != 200:
                if DRILL and (refusal := polite(response)):
                    response.request_meta["name"] = f"message form (503 {refusal})"
                    response.success()
                else:
                    response.failure(f"{path} answered {response.status_code}")
                return
            response.success()
            page_path, html = urlsplit(response.url).path, response.text
        form = form_with(html, "token")
        if not form:
            return
        text = f"Hello, could we talk about how I handle evenings alone? {words}"
        self.send(
            page_path,
            form,
            {"body": text},
            name="message",
            kind="message",
            words=words,
            pattern=r"/messages/([0-9a-f-]{36})/",
            extra={"token": form["fields"]["token"]},
        )


class Specialist(Writer):
    fixed_count = int(os.environ.get("LOAD_SPECIALISTS", "5"))
    accounts = PLAN["specialists"]
    counter = _specialists

    def on_start(self):
        super().on_start()
        self.to_answer = [question["url"] for question in PLAN["questions"]]
        random.shuffle(self.to_answer)

    @task
    def answer(self):
        if not self.ensure_logged_in() or not self.to_answer:
            return
        words = marker()
        path = self.to_answer.pop()
        html = self.page(path, "question (specialist)")
        form = html and form_with(html, "body")
        if not form:
            return  # answered already (a page read during the drill, a retry)
        text = f"Many people find a fixed time to get up, whatever the night was, steadies the rest. {words}"
        self.send(path, form, {"body": text}, name="answer", kind="answer", words=words, pattern=r"#answer-(\d+)$")
