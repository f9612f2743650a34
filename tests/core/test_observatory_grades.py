"""Every public and member page kind, graded by the Mozilla HTTP Observatory's
rules (tests/observatory.py) with the HTTPS settings production really has:
no test may take a point off any page.

Pages come from tests/member_content.py (the site members fill through their
forms: home, articles, an article, Q&A, a question, the directory, a landing
page, search, help now, log in, the account area, messages, a conversation,
consultations and the rest). Each member logs in through the real login form
over HTTPS, so the session cookie it sets is graded too."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests import member_content
from tests import observatory as obs
from tests.core.test_settings import production_env, read_settings

pytestmark = pytest.mark.django_db

HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]
FOREIGN_ORIGIN = "https://elsewhere.example"
# The page kinds issue 14 names; each must be among the graded ones.
REQUIRED_KINDS = {
    "anonymous: home",
    "anonymous: article index",
    "anonymous: article with comments",
    "anonymous: questions",
    "anonymous: question with answers",
    "anonymous: specialist directory",
    "anonymous: specialist landing page",
    "anonymous: search results",
    "anonymous: help now",
    "anonymous: log in",
    "asker: account",
    "asker: messages",
    "asker: conversation",
    "asker: my consultations",
    "specialist: consultation requests",
}


@pytest.fixture(scope="module")
def production_https():
    """The HTTPS settings of config.settings.production, read as a server reads them."""
    return read_settings("config.settings.production", HTTPS_SETTINGS, production_env())


@pytest.fixture
def content(home_page, article_index, specialist_index, django_capture_on_commit_callbacks):
    return member_content.build(
        home_page=home_page,
        article_index=article_index,
        specialist_index=specialist_index,
        capture_on_commit=django_capture_on_commit_callbacks,
    )


def set_cookies(response):
    return [obs.parse_set_cookie(morsel.OutputString()) for morsel in response.cookies.values()]


def logged_in_client(user):
    """A client logged in through the login form over HTTPS, and the cookies that set."""
    client = Client()
    if user is None:
        return client, []
    response = client.post("/accounts/login/", {"login": user.email, "password": "a-long-test-password"}, secure=True)
    cookies = set_cookies(response)
    if django_settings.SESSION_COOKIE_NAME not in client.cookies:
        client.force_login(user)  # an account the form does not let in yet (e-mail not verified)
    return client, cookies


def observe(client, path, login_cookies):
    response = client.get(path, secure=True)
    plain = client.get(path, secure=False)
    cors = client.get(path, secure=True, HTTP_ORIGIN=FOREIGN_ORIGIN)
    return obs.Page(
        url=f"https://testserver{path}",
        status=response.status_code,
        headers={name.lower(): value for name, value in response.headers.items()},
        body=response.content.decode(errors="replace"),
        cookies=login_cookies + set_cookies(response) + set_cookies(plain) + set_cookies(cors),
        http_status=plain.status_code,
        http_location=plain.headers.get("Location", ""),
        cors_headers={name.lower(): value for name, value in cors.headers.items()},
        foreign_origin=FOREIGN_ORIGIN,
    )


def grade_every_page(content):
    grades = {}
    for visitor, pages in content.pages.items():
        client, login_cookies = logged_in_client(content.users[visitor])
        if visitor == "asker":
            names = {cookie.name for cookie in login_cookies}
            assert django_settings.SESSION_COOKIE_NAME in names, "the login form should set the session cookie"
        for kind, path in pages.items():
            page = observe(client, path, login_cookies)
            assert page.status < 500, f"{visitor}: {kind} ({path}) answered {page.status}"
            grades[f"{visitor}: {kind}"] = (path, obs.grade(page))
    return grades


def test_every_page_kind_loses_no_observatory_point(settings, production_https, content):
    for name, value in production_https.items():
        setattr(settings, name, value)
    assert settings.SECURE_HSTS_SECONDS >= obs.SIX_MONTHS and settings.SESSION_COOKIE_SECURE

    grades = grade_every_page(content)

    assert set(grades) >= REQUIRED_KINDS, REQUIRED_KINDS - set(grades)
    penalties = {
        f"{kind} ({path})": [f"{r.result} {r.modifier}" for r in graded.penalties]
        for kind, (path, graded) in grades.items()
        if graded.penalties
    }
    assert penalties == {}
    assert {graded.grade for _, graded in grades.values()} == {"A+"}
    # 120 without cookies (CSP default-src 'none' +10, Referrer-Policy +5,
    # frame-ancestors +5), 125 where cookies are set (Secure, HttpOnly session, SameSite +5).
    assert min(graded.score for _, graded in grades.values()) >= 120

    # Anonymous readers' pages as the page cache gives them back.
    settings.PAGE_CACHE_ENABLED = True
    client = Client()
    cached = {}
    for kind, path in content.pages["anonymous"].items():
        client.get(path, secure=True)  # fills the cache
        graded = obs.grade(observe(client, path, []))
        cached[kind] = [r.result for r in graded.penalties]
    assert {kind: found for kind, found in cached.items() if found} == {}


# --- The grader itself: it must see what it grades ------------------------------------


def bare_page(**headers):
    return obs.Page(
        url="https://example.org/",
        status=200,
        headers={"content-type": "text/html; charset=utf-8", **headers},
        body="<!doctype html><title>t</title>",
    )


def results(page):
    return {result.test: (result.result, result.modifier) for result in obs.grade(page).results}


def test_a_page_without_protections_is_failed():
    graded = obs.grade(bare_page())

    assert (graded.score, graded.grade) == (30, "D")  # 100 - 25 - 5 - 20 - 20
    assert {r.result for r in graded.penalties} == {
        "csp-not-implemented",
        "x-content-type-options-not-implemented",
        "x-frame-options-not-implemented",
        "hsts-not-implemented",
    }


def test_unsafe_policies_cookies_scripts_and_cors_are_penalised():
    page = bare_page(
        **{
            "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'",
            "referrer-policy": "unsafe-url",
            "strict-transport-security": "max-age=3600",
            "x-frame-options": "ALLOWALL",
            "cross-origin-resource-policy": "everyone",
        }
    )
    page.body += '<script src="http://cdn.example/lib.js"></script>'
    page.cookies = [obs.parse_set_cookie("sessionid=x; Path=/"), obs.parse_set_cookie("csrftoken=y; Secure")]
    page.http_status = 200
    page.foreign_origin = FOREIGN_ORIGIN
    page.cors_headers = {"access-control-allow-origin": FOREIGN_ORIGIN, "access-control-allow-credentials": "true"}

    assert results(page) == {
        "csp": ("csp-implemented-with-unsafe-inline", -20),
        "cookies": ("cookies-session-without-httponly-flag", -30),
        "cors": ("cross-origin-resource-sharing-implemented-with-universal-access", -50),
        "redirection": ("redirection-missing", -20),
        "referrer-policy": ("referrer-policy-unsafe", -5),
        "hsts": ("hsts-implemented-max-age-less-than-six-months", -10),
        "sri": ("sri-not-implemented-and-external-scripts-not-loaded-securely", -50),
        "x-content-type-options": ("x-content-type-options-not-implemented", -5),
        "x-frame-options": ("x-frame-options-header-invalid", -20),
        "cross-origin-resource-policy": ("cross-origin-resource-policy-header-invalid", -5),
    }


def test_bonuses_count_only_from_ninety_up():
    strong = {
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
        "referrer-policy": "same-origin",
        "strict-transport-security": "max-age=31536000",
        "x-content-type-options": "nosniff",
    }
    assert obs.grade(bare_page(**strong)).score == 120  # +10 CSP, +5 referrer, +5 frame-ancestors
    weak = {**strong, "strict-transport-security": "max-age=60"}
    weak.pop("x-content-type-options")
    assert obs.grade(bare_page(**weak)).score == 85  # -15, so no bonus
