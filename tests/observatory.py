"""The Mozilla HTTP Observatory's grading of one page, written from its published
scoring methodology (developer.mozilla.org/en-US/observatory/docs/tests_and_scoring
and mozilla/http-observatory's scoring.md): each test gives a named result and a
score modifier; the score starts at 100, penalties are taken off, bonuses are added
only when what is left is 90 or more, and the grade comes from the score.

`grade(page)` takes a `Page`: the HTTPS response's headers and body, every
Set-Cookie seen on the way, the answer to the same path over plain HTTP, and the
answer to a request sent with another site's Origin header."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
SIX_MONTHS = 15_768_000
PRIVATE_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url"}
REFERRER_POLICIES = PRIVATE_REFERRERS | UNSAFE_REFERRERS | {"no-referrer-when-downgrade"}
# Sources that let any site's script run, wherever a directive names them.
BROAD_SOURCES = {"*", "http:", "https:", "data:", "blob:", "filesystem:"}


@dataclass
class Cookie:
    name: str
    attributes: dict  # lower-cased attribute -> value ("" for flags)


@dataclass
class Page:
    url: str  # the https URL graded
    status: int
    headers: dict  # lower-cased name -> value
    body: str
    cookies: list = field(default_factory=list)  # every Cookie set on the way
    http_status: int = 0  # the same path over plain HTTP
    http_location: str = ""
    cors_headers: dict = field(default_factory=dict)  # the answer to another site's Origin
    foreign_origin: str = ""


@dataclass
class Result:
    test: str
    result: str
    modifier: int


def parse_set_cookie(value):
    name_value, *parts = value.split(";")
    attributes = {}
    for part in parts:
        key, _, attr = part.strip().partition("=")
        if key:
            attributes[key.lower()] = attr.strip()
    return Cookie(name=name_value.split("=", 1)[0].strip(), attributes=attributes)


def parse_csp(value):
    """{directive: [sources]}, or None when the header cannot be parsed (empty, or
    a directive given twice)."""
    policy = {}
    for part in value.split(";"):
        words = part.strip().split()
        if not words:
            continue
        name = words[0].lower()
        if name in policy or not re.fullmatch(r"[a-z-]+", name):
            return None
        policy[name] = [word.lower() for word in words[1:]]
    return policy or None


def check_csp(page):
    header = page.headers.get("content-security-policy")
    if header is None:
        return Result("csp", "csp-not-implemented", -25)
    policy = parse_csp(header)
    if policy is None:
        return Result("csp", "csp-header-invalid", -25)
    default = policy.get("default-src")

    def sources(name):
        return policy.get(name, default)

    script = sources("script-src")
    obj = sources("object-src")
    if script is None or obj is None:
        return Result("csp", "csp-implemented-with-unsafe-inline", -20)  # script or object-src unrestricted
    hashed = any(s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for s in script)
    if ("'unsafe-inline'" in script and not hashed) or BROAD_SOURCES & set(script) or BROAD_SOURCES & set(obj):
        return Result("csp", "csp-implemented-with-unsafe-inline", -20)
    https = page.url.startswith("https://")
    insecure = {name for name, values in policy.items() if any(v == "http:" or v.startswith("http://") for v in values)}
    if https and insecure - {"img-src", "media-src"}:
        return Result("csp", "csp-implemented-with-insecure-scheme", -20)
    if "'unsafe-eval'" in script:
        return Result("csp", "csp-implemented-with-unsafe-eval", -10)
    if https and insecure:
        return Result("csp", "csp-implemented-with-insecure-scheme-in-passive-content-only", -10)
    style = sources("style-src") or []
    if "'unsafe-inline'" in style or BROAD_SOURCES & set(style):
        return Result("csp", "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    if default == ["'none'"]:
        return Result("csp", "csp-implemented-with-no-unsafe-default-src-none", 10)
    return Result("csp", "csp-implemented-with-no-unsafe", 5)


def is_session_cookie(cookie):
    name = cookie.name.lower()
    return "session" in name or name[:4] == "sess" or "login" in name


def check_cookies(page):
    if not page.cookies:
        return Result("cookies", "cookies-not-found", 0)
    hsts = _hsts_max_age(page) is not None
    penalties = []
    for cookie in page.cookies:
        attrs, session = cookie.attributes, is_session_cookie(cookie)
        if session and "httponly" not in attrs:
            penalties.append(("cookies-session-without-httponly-flag", -30))
        if "secure" not in attrs:
            if session:
                penalties.append(
                    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                    if hsts
                    else ("cookies-session-without-secure-flag", -40)
                )
            else:
                penalties.append(
                    ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                    if hsts
                    else ("cookies-without-secure-flag", -20)
                )
        samesite = attrs.get("samesite")
        if samesite is not None and samesite.lower() not in {"strict", "lax"}:
            penalties.append(("cookies-samesite-flag-invalid", -20))
        if samesite is None and "csrf" in cookie.name.lower():
            penalties.append(("cookies-anticsrf-without-samesite-flag", -20))
    if penalties:
        # The worst one is the test's result.
        name, modifier = min(penalties, key=lambda item: item[1])
        return Result("cookies", name, modifier)
    if all("samesite" in cookie.attributes for cookie in page.cookies):
        return Result("cookies", "cookies-secure-with-httponly-sessions-and-samesite", 5)
    return Result("cookies", "cookies-secure-with-httponly-sessions", 0)


def check_cors(page):
    allowed = page.cors_headers.get("access-control-allow-origin")
    if allowed is None:
        return Result("cors", "cross-origin-resource-sharing-not-implemented", 0)
    credentials = page.cors_headers.get("access-control-allow-credentials", "").lower() == "true"
    if allowed == page.foreign_origin and credentials:
        return Result("cors", "cross-origin-resource-sharing-implemented-with-universal-access", -50)
    if allowed.strip() == "*":
        return Result("cors", "cross-origin-resource-sharing-implemented-with-public-access", 0)
    return Result("cors", "cross-origin-resource-sharing-implemented-with-restricted-access", 0)


def check_redirection(page):
    if not page.http_status:
        return Result("redirection", "redirection-not-needed-no-http", 0)
    if page.http_status not in {301, 302, 303, 307, 308}:
        return Result("redirection", "redirection-missing", -20)
    target = urlsplit(page.http_location)
    if target.scheme != "https":
        return Result("redirection", "redirection-not-to-https", -20)
    if target.hostname != urlsplit(page.url).hostname:
        return Result("redirection", "redirection-off-host-from-http", -5)
    return Result("redirection", "redirection-to-https", 0)


def check_referrer_policy(page):
    header = page.headers.get("referrer-policy")
    if header is None:
        return Result("referrer-policy", "referrer-policy-not-implemented", 0)
    # Browsers apply the last policy they know in a comma-separated list.
    known = [token.strip().lower() for token in header.split(",") if token.strip().lower() in REFERRER_POLICIES]
    if not known:
        return Result("referrer-policy", "referrer-policy-header-invalid", -5)
    if known[-1] in PRIVATE_REFERRERS:
        return Result("referrer-policy", "referrer-policy-private", 5)
    if known[-1] in UNSAFE_REFERRERS:
        return Result("referrer-policy", "referrer-policy-unsafe", -5)
    return Result("referrer-policy", "referrer-policy-no-referrer-when-downgrade", 0)


def _hsts_max_age(page):
    header = page.headers.get("strict-transport-security")
    if header is None:
        return None
    match = re.search(r"(?:^|;)\s*max-age\s*=\s*\"?(\d+)\"?\s*(?:;|$)", header, re.IGNORECASE)
    return int(match[1]) if match else -1


def check_hsts(page):
    if not page.url.startswith("https://"):
        return Result("hsts", "hsts-not-implemented-no-https", -20)
    max_age = _hsts_max_age(page)
    if max_age is None:
        return Result("hsts", "hsts-not-implemented", -20)
    if max_age < 0:
        return Result("hsts", "hsts-header-invalid", -20)
    if max_age < SIX_MONTHS:
        return Result("hsts", "hsts-implemented-max-age-less-than-six-months", -10)
    # hsts-preloaded (+5) needs the host in browsers' preload list: not graded here.
    return Result("hsts", "hsts-implemented-max-age-at-least-six-months", 0)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []  # (src, has integrity)

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attributes = dict(attrs)
            if attributes.get("src"):
                self.scripts.append((attributes["src"], bool(attributes.get("integrity"))))


def check_sri(page):
    if "html" not in page.headers.get("content-type", ""):
        return Result("sri", "sri-not-implemented-response-not-html", 0)
    parser = _Scripts()
    try:
        parser.feed(page.body)
        parser.close()
    except Exception:  # noqa: BLE001 - any parser failure is the test's finding
        return Result("sri", "html-not-parsable", -20)
    if not parser.scripts:
        return Result("sri", "sri-not-implemented-but-no-scripts-loaded", 0)
    host = urlsplit(page.url).hostname
    external = []
    for src, integrity in parser.scripts:
        target = urlsplit(src)
        if target.netloc and target.hostname != host:
            external.append((target.scheme == "https", integrity))
    if not external:
        if all(integrity for _, integrity in parser.scripts):
            return Result("sri", "sri-implemented-and-all-scripts-loaded-securely", 5)
        return Result("sri", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    secure = all(is_https for is_https, _ in external)
    with_integrity = all(integrity for _, integrity in external)
    if with_integrity:
        return (
            Result("sri", "sri-implemented-and-external-scripts-loaded-securely", 5)
            if secure
            else Result("sri", "sri-implemented-but-external-scripts-not-loaded-securely", -20)
        )
    if secure:
        return Result("sri", "sri-not-implemented-but-external-scripts-loaded-securely", -5)
    return Result("sri", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50)


def check_x_content_type_options(page):
    header = page.headers.get("x-content-type-options")
    if header is None:
        return Result("x-content-type-options", "x-content-type-options-not-implemented", -5)
    if header.strip().lower() != "nosniff":
        return Result("x-content-type-options", "x-content-type-options-header-invalid", -5)
    return Result("x-content-type-options", "x-content-type-options-nosniff", 0)


def check_x_frame_options(page):
    policy = parse_csp(page.headers.get("content-security-policy", "")) or {}
    ancestors = policy.get("frame-ancestors")
    if ancestors and not BROAD_SOURCES & set(ancestors):
        return Result("x-frame-options", "x-frame-options-implemented-via-csp", 5)
    header = page.headers.get("x-frame-options")
    if header is None:
        return Result("x-frame-options", "x-frame-options-not-implemented", -20)
    value = header.strip().lower()
    if value in {"deny", "sameorigin"}:
        return Result("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    if value.startswith("allow-from "):
        return Result("x-frame-options", "x-frame-options-allow-from-origin", 0)
    return Result("x-frame-options", "x-frame-options-header-invalid", -20)


def check_corp(page):
    header = page.headers.get("cross-origin-resource-policy")
    if header is None:
        return Result("cross-origin-resource-policy", "cross-origin-resource-policy-not-implemented", 0)
    value = header.strip().lower()
    if value not in {"same-origin", "same-site", "cross-origin"}:
        return Result("cross-origin-resource-policy", "cross-origin-resource-policy-header-invalid", -5)
    return Result("cross-origin-resource-policy", f"cross-origin-resource-policy-implemented-with-{value}", 0)


TESTS = [
    check_csp,
    check_cookies,
    check_cors,
    check_redirection,
    check_referrer_policy,
    check_hsts,
    check_sri,
    check_x_content_type_options,
    check_x_frame_options,
    check_corp,
]


@dataclass
class Grade:
    score: int
    grade: str
    results: list

    @property
    def penalties(self):
        return [result for result in self.results if result.modifier < 0]


def grade(page):
    results = [test(page) for test in TESTS]
    score = 100 + sum(result.modifier for result in results if result.modifier < 0)
    if score >= 90:
        score += sum(result.modifier for result in results if result.modifier > 0)
    score = max(score, 0)
    letter = next(letter for floor, letter in GRADES if score >= floor)
    return Grade(score=score, grade=letter, results=results)
