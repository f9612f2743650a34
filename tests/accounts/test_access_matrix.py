"""Who can reach what: one row per URL pattern the project routes, Django's
and the routes pages serve themselves (RoutablePageMixin, keyed
"app.PageModel: pattern").

A new URL without a row fails `test_every_routed_url_has_a_row`. Each row
says, for each kind of visitor, the status a GET gets (and where a redirect
goes). Library URL groups (the Wagtail and Django admin) are covered by
prefix rows: the whole admin is for staff with two-factor done in this
session only; their login-ish views are rows of their own (all go to allauth).
Staff log in as they must (password, then TOTP code); a staff session that
skipped the code is a role of its own ("moderator_password_only")."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver
from django_comments_xtd.models import XtdComment
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from accounts.factories import UserFactory, give_totp
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "other_member", "specialist", "moderator", "editor", "moderator_password_only")
LOGIN = "login"  # 302 to /accounts/login/
ADMIN_LOGIN = "admin-login"  # 302 to the admin login, which is ours
AWAY = "away"  # 302 somewhere else (allauth sends logged-in people home)
CODE = "code"  # 302 to allauth's two-factor step for this session
NO_ADMIN = 403  # the plain "no access" page for people without admin rights

PUBLIC = dict.fromkeys(ROLES, 200)
MEMBERS_ONLY = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)}
ENTRANCE = {"anonymous": 200, **dict.fromkeys(ROLES[1:], AWAY)}
POST_ONLY_MEMBERS = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 405)}
STAFF_ONLY = {
    "anonymous": ADMIN_LOGIN,
    "member": NO_ADMIN,
    "other_member": NO_ADMIN,
    "specialist": NO_ADMIN,
    "moderator": 200,
    "editor": 200,
    "moderator_password_only": CODE,
}
# An admin's login-ish view: anonymous visitors go to allauth (AWAY: logout,
# password reset and change; tests/accounts/test_admin_doors.py has the exact
# targets); inside the admin prefix, the same checks as the rest of the admin
# run first.
ADMIN_DOOR_TO = {"anonymous": LOGIN, **{k: v for k, v in STAFF_ONLY.items() if k != "anonymous"}}
NOT_FOUND = dict.fromkeys(ROLES, 404)
SIGNED_IN_ELSEWHERE = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], AWAY)}
WITH_TOTP_200 = {"moderator": 200, "editor": 200, "moderator_password_only": 200}  # staff have two-factor set up
NONE_YET = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 404)}  # nothing of theirs to show
LOGIN_PROMPT = 403  # member_required: a page asking visitors to log in, with links back

# route pattern -> (URL to request, {role: expected})
ROWS = {
    "": ("/", PUBLIC),
    "accounts/": ("/accounts/", MEMBERS_ONLY),
    "accounts/profile/": ("/accounts/profile/", POST_ONLY_MEMBERS),
    "accounts/data/": ("/accounts/data/", MEMBERS_ONLY),
    "accounts/data/download/": ("/accounts/data/download/", MEMBERS_ONLY),
    "accounts/delete/": ("/accounts/delete/", MEMBERS_ONLY),
    "accounts/login/": ("/accounts/login/", ENTRANCE),
    "accounts/logout/": ("/accounts/logout/", {"anonymous": AWAY, **dict.fromkeys(ROLES[1:], 200)}),
    "accounts/inactive/": ("/accounts/inactive/", PUBLIC),
    "accounts/signup/": ("/accounts/signup/", ENTRANCE),
    "accounts/reauthenticate/": ("/accounts/reauthenticate/", MEMBERS_ONLY),
    # allauth routes its login-by-code flow although it is off here: nothing to do there.
    "accounts/reauthenticate/code/": ("/accounts/reauthenticate/code/", MEMBERS_ONLY),
    "accounts/reauthenticate/code/confirm/": ("/accounts/reauthenticate/code/confirm/", SIGNED_IN_ELSEWHERE),
    "accounts/email/": ("/accounts/email/", MEMBERS_ONLY),
    "accounts/confirm-email/": ("/accounts/confirm-email/", PUBLIC),
    "accounts/password/change/": ("/accounts/password/change/", MEMBERS_ONLY),
    "accounts/password/set/": ("/accounts/password/set/", SIGNED_IN_ELSEWHERE),
    "accounts/password/reset/": ("/accounts/password/reset/", PUBLIC),
    "accounts/login/code/confirm/": ("/accounts/login/code/confirm/", SIGNED_IN_ELSEWHERE),
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": ("/accounts/confirm-email/not-a-real-key/", PUBLIC),
    "accounts/password/reset/key/done/": ("/accounts/password/reset/key/done/", PUBLIC),
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
        "/accounts/password/reset/key/1-not-a-key/",
        PUBLIC,
    ),
    "accounts/password/reset/done/": ("/accounts/password/reset/done/", PUBLIC),
    "accounts/2fa/": ("/accounts/2fa/", MEMBERS_ONLY),
    "accounts/2fa/authenticate/": ("/accounts/2fa/authenticate/", SIGNED_IN_ELSEWHERE),
    "accounts/2fa/reauthenticate/": ("/accounts/2fa/reauthenticate/", {**SIGNED_IN_ELSEWHERE, **WITH_TOTP_200}),
    "accounts/2fa/totp/activate/": ("/accounts/2fa/totp/activate/", SIGNED_IN_ELSEWHERE),
    "accounts/2fa/totp/deactivate/": (
        "/accounts/2fa/totp/deactivate/",
        # staff: asked for the password first
        {**NONE_YET, "moderator": AWAY, "editor": AWAY, "moderator_password_only": AWAY},
    ),
    "accounts/2fa/recovery-codes/": ("/accounts/2fa/recovery-codes/", NONE_YET),
    "accounts/2fa/recovery-codes/generate/": (
        "/accounts/2fa/recovery-codes/generate/",
        {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], AWAY)},
    ),
    "accounts/2fa/recovery-codes/download/": ("/accounts/2fa/recovery-codes/download/", NONE_YET),
    "accounts/sessions/": ("/accounts/sessions/", MEMBERS_ONLY),
    "comments/post/": ("/comments/post/", dict.fromkeys(ROLES, 405)),
    # Visitors see the reply page with a log in / sign up sentence instead of the form.
    "comments/reply/<int:cid>/": ("/comments/reply/{comment}/", PUBLIC),
    "comments/flag/<int:comment_id>/": ("/comments/flag/{comment}/", MEMBERS_ONLY),
    "comments/mine/": ("/comments/mine/", MEMBERS_ONLY),
    # The placeholder comment is no role's own: nobody here may edit or delete it
    # (its author may: tests/articles/test_own_comments.py).
    "comments/<int:comment_id>/edit/": ("/comments/{comment}/edit/", NONE_YET),
    "comments/<int:comment_id>/delete/": ("/comments/{comment}/delete/", NONE_YET),
    "comments/^cr/(\\d+)/(.+)/$": ("/comments/cr/{article_ct}/{article}/", dict.fromkeys(ROLES, 302)),
    "articles.ArticleIndexPage: ": ("/articles/", PUBLIC),
    "articles.ArticleIndexPage: feed/": ("/articles/feed/", PUBLIC),
    "specialists.SpecialistIndexPage: ": ("/specialists/", PUBLIC),
    # Any member with a verified address may create a profile (none here has one yet).
    "specialists.SpecialistIndexPage: join/": (
        "/specialists/join/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 200)},
    ),
    # Always the member's own profile; without one, they are sent to /specialists/join/.
    "specialists.SpecialistIndexPage: me/edit/": (
        "/specialists/me/edit/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], AWAY)},
    ),
    # The specialist's consultation dashboard: always their own page's; nobody
    # here has a profile (the placeholder request's specialist is no role).
    "specialists.SpecialistIndexPage: me/availability/": (
        "/specialists/me/availability/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 404)},
    ),
    "specialists.SpecialistIndexPage: me/requests/": (
        "/specialists/me/requests/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 404)},
    ),
    "specialists.SpecialistIndexPage: me/requests/<uuid:pk>/<slug:action>/": (
        "/specialists/me/requests/{consultation}/cancel/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 404)},
    ),
    "specialists.SpecialistPage: ": ("/specialists/{specialist}/", PUBLIC),
    # Booking: the member already has an open request there, and is taken to it.
    "specialists.SpecialistPage: consultation/": (
        "/specialists/{specialist}/consultation/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 200), "member": AWAY},
    ),
    # A member's own consultation requests, in the account area.
    "accounts/consultations/": ("/accounts/consultations/", MEMBERS_ONLY),
    "accounts/consultations/<uuid:pk>/": ("/accounts/consultations/{consultation}/", {**NONE_YET, "member": 200}),
    "accounts/consultations/<uuid:pk>/<slug:action>/": (
        "/accounts/consultations/{consultation}/cancel/",
        {**NONE_YET, "member": 200},  # the confirmation before cancelling
    ),
    # Community Q&A. Member actions show visitors the log-in sentence (403);
    # pages about a question or answer that does not exist are 404 for all.
    # A visitor who follows "Ask a question" lands on the login form, with the way back.
    "qa.QuestionIndexPage: ": ("/questions/", PUBLIC),
    "qa.QuestionIndexPage: ask/": ("/questions/ask/", MEMBERS_ONLY),
    "qa.QuestionIndexPage: mine/": ("/questions/mine/", MEMBERS_ONLY),
    "qa.QuestionIndexPage: similar/": ("/questions/similar/?q=sleep", PUBLIC),
    "qa.QuestionIndexPage: <int:pk>/": ("/questions/999999/", NOT_FOUND),
    "qa.QuestionIndexPage: <int:pk>/answer/": (
        "/questions/999999/answer/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 405)},
    ),
    "qa.QuestionIndexPage: <int:pk>/report/": (
        "/questions/999999/report/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 404)},
    ),
    "qa.QuestionIndexPage: <int:pk>/<str:slug>/": ("/questions/999999/no-such-question/", NOT_FOUND),
    "qa.QuestionIndexPage: <int:pk>/mute/<str:token>/": ("/questions/999999/mute/not-a-token/", NOT_FOUND),
    "qa.QuestionIndexPage: answers/<int:pk>/edit/": (
        "/questions/answers/999999/edit/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 404)},
    ),
    "qa.QuestionIndexPage: answers/<int:pk>/accept/": (
        "/questions/answers/999999/accept/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 405)},
    ),
    "qa.QuestionIndexPage: answers/<int:pk>/helpful/": (
        "/questions/answers/999999/helpful/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 405)},
    ),
    "qa.QuestionIndexPage: answers/<int:pk>/report/": (
        "/questions/answers/999999/report/",
        {"anonymous": LOGIN_PROMPT, **dict.fromkeys(ROLES[1:], 404)},
    ),
    # Messages: participants only. The conversation and its message are the
    # member's and the specialist's; everyone else, staff included, gets 404.
    "messages/": ("/messages/", MEMBERS_ONLY),
    "messages/settings/": ("/messages/settings/", POST_ONLY_MEMBERS),
    "messages/new/<str:slug>/": ("/messages/new/no-such-specialist/", NONE_YET),
    "messages/<uuid:pk>/": (
        "/messages/{conversation}/",
        {**NONE_YET, "member": 200, "specialist": 200},
    ),
    "messages/<uuid:pk>/block/": ("/messages/{conversation}/block/", POST_ONLY_MEMBERS),
    "messages/<uuid:pk>/unblock/": ("/messages/{conversation}/unblock/", POST_ONLY_MEMBERS),
    # Only the other side's message can be reported: the specialist wrote it.
    "messages/<uuid:pk>/report/<int:message_id>/": (
        "/messages/{conversation}/report/{message}/",
        {**NONE_YET, "member": 200},
    ),
    "email/unsubscribe/<str:token>/": ("/email/unsubscribe/not-a-token/", NOT_FOUND),
    "help-now/": ("/help-now/", PUBLIC),
    "health/": ("/health/", PUBLIC),
    # Browsers POST violation reports here; nothing to GET.
    "csp-report/": ("/csp-report/", dict.fromkeys(ROLES, 405)),
    "search/": ("/search/?q=sleep", PUBLIC),
    "search/suggest/": ("/search/suggest/?q=sleep", PUBLIC),
    "robots.txt": ("/robots.txt", PUBLIC),
    "sitemap.xml": ("/sitemap.xml", PUBLIC),
    "sitemap-<slug:section>.xml": ("/sitemap-questions.xml", PUBLIC),
    "documents/^(\\d+)/(.*)$": ("/documents/999999/missing.pdf", NOT_FOUND),
    "documents/authenticate_with_password/<int:restriction_id>/": (
        "/documents/authenticate_with_password/999999/",
        NOT_FOUND,
    ),
    "_util/login/": ("/_util/login/", dict.fromkeys(ROLES, LOGIN)),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        "/_util/authenticate_with_password/999999/999999/",
        NOT_FOUND,
    ),
    "^((?:[\\w\\-]+/)*)$": ("/articles/", PUBLIC),
    # The page tree again, any character but "/" in a segment (the mute links' tokens hold ":").
    "^((?:[^/]+/)*)$": ("/articles/", PUBLIC),
    # The login-ish views of both admins, each routed to allauth.
    "admin/login/": ("/admin/login/", {**ADMIN_DOOR_TO, "moderator": LOGIN, "editor": LOGIN}),
    "admin/logout/": (
        "/admin/logout/",
        {**ADMIN_DOOR_TO, "anonymous": AWAY, "moderator": AWAY, "editor": AWAY},
    ),
    "admin/password_reset/": (
        "/admin/password_reset/",
        {**ADMIN_DOOR_TO, "anonymous": AWAY, "moderator": AWAY, "editor": AWAY},
    ),
    "django-admin/login/": ("/django-admin/login/", {**ADMIN_DOOR_TO, "moderator": LOGIN, "editor": LOGIN}),
    "django-admin/logout/": (
        "/django-admin/logout/",
        {**ADMIN_DOOR_TO, "anonymous": AWAY, "moderator": AWAY, "editor": AWAY},
    ),
    "django-admin/password_change/": (
        "/django-admin/password_change/",
        {**ADMIN_DOOR_TO, "anonymous": AWAY, "moderator": AWAY, "editor": AWAY},
    ),
    "django-admin/password_change/done/": (
        "/django-admin/password_change/done/",
        {**ADMIN_DOOR_TO, "anonymous": AWAY, "moderator": AWAY, "editor": AWAY},
    ),
}
PREFIX_ROWS = {
    "admin/": ("/admin/", STAFF_ONLY),
    "django-admin/": ("/django-admin/", {**STAFF_ONLY, "anonymous": "django-login"}),
}
# More addresses inside both admins, checked like the prefix rows.
ADMIN_SAMPLES = {
    # Moderators have no pages to explore: Wagtail sends them to the dashboard.
    "admin/pages/": ("/admin/pages/", {**STAFF_ONLY, "moderator": AWAY}),
    "admin/account/": ("/admin/account/", STAFF_ONLY),
    "admin/password_reset/done/": (
        "/admin/password_reset/done/",
        {**STAFF_ONLY, "anonymous": 404, "moderator": 404, "editor": 404},
    ),
    "django-admin/mfa/authenticator/": (
        "/django-admin/mfa/authenticator/",
        {**STAFF_ONLY, "anonymous": "django-login", "moderator": 403, "editor": 403},
    ),
}


def routed_patterns(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from routed_patterns(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def page_routes():
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            for route in model.get_subpage_urls():
                yield f"{model._meta.label}: {route.pattern}"


def test_every_routed_url_has_a_row():
    missing = [
        route
        for route in [*routed_patterns(), *page_routes()]
        if route not in ROWS and not any(route.startswith(prefix) for prefix in PREFIX_ROWS)
    ]
    assert missing == [], f"Add these URLs to the access matrix: {missing}"


@pytest.fixture
def people(home_page):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    people = {
        "member": UserFactory(email="m1@example.com"),
        "other_member": UserFactory(email="m2@example.com"),
        "specialist": UserFactory(email="s@example.com"),
        "moderator": UserFactory(email="mod@example.com", is_staff=True),
        "editor": UserFactory(email="ed@example.com", is_staff=True),
    }
    for role, group in (("specialist", "Specialists"), ("moderator", "Moderators"), ("editor", "Editors")):
        people[role].groups.add(Group.objects.get(name=group))
    for role in ("moderator", "editor"):
        give_totp(people[role], secret)
    people["moderator_password_only"] = people["moderator"]
    return people


def logged_in_client(role, people, **client_options):
    client = Client(**client_options)
    if role in ("moderator", "editor"):
        log_in_with_two_factor(client, people[role])
    elif role != "anonymous":
        client.force_login(people[role])  # password-only for staff: "moderator_password_only"
    return client


@pytest.fixture
def placeholders(an_article, people, specialist_index):
    comment = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(an_article),
        object_pk=str(an_article.pk),
        site_id=1,
        # Written by someone outside the roles: nobody may flag their own comment.
        user=UserFactory(email="commenter.matrix@example.com", display_name="Commenter"),
        user_name="Commenter",
        comment="A public comment.",
        is_public=True,
    )
    from messaging.models import Conversation, Message

    conversation = Conversation.objects.create(member=people["member"], specialist=people["specialist"])
    message = Message.objects.create(
        conversation=conversation, sender=people["specialist"], sender_side="specialist", body="A private reply."
    )
    from datetime import timedelta

    from django.utils import timezone

    from specialists.factories import SpecialistPageFactory
    from specialists.models import ConsultationRequest

    # A specialist outside the roles who offers the free consultation; the member asked for one.
    specialist = SpecialistPageFactory(
        parent=specialist_index,
        slug="consulting-specialist",
        user=UserFactory(email="consulting.matrix@example.com"),
        offers_free_consultation=True,
    )
    slot = (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    consultation = ConsultationRequest.objects.create(
        specialist=specialist, member=people["member"], slot_start=slot, requested_start=slot, format="online"
    )
    return {
        "specialist": specialist.slug,
        "consultation": consultation.pk,
        "comment": comment.pk,
        "article": an_article.pk,
        "article_ct": comment.content_type_id,
        "conversation": conversation.pk,
        "message": message.pk,
    }


def outcome(response):
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    if location.startswith("/accounts/login/"):
        return LOGIN
    if location.startswith("/admin/login/"):
        return ADMIN_LOGIN
    if location.startswith("/django-admin/login/"):
        return "django-login"
    if location.startswith("/accounts/2fa/reauthenticate/"):
        return CODE
    return AWAY if not location.startswith("/comments/") else 302


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, people, placeholders):
    client = logged_in_client(role, people)
    wrong = []
    for route, (url, expected) in {**ROWS, **PREFIX_ROWS, **ADMIN_SAMPLES}.items():
        response = client.get(url.format(**placeholders))
        got = outcome(response)
        want = expected[role]
        if want == 302 and response.status_code == 302:
            continue
        if got != want:
            wrong.append(f"{route}: {url} gave {got}, expected {want}")
    assert wrong == [], "\n".join(wrong)


def table_counts():
    from django.apps import apps

    # Caches and bookkeeping a read may fill in: sessions and their activity,
    # image renditions, the settings row Wagtail makes on first read, and the
    # admin profile Wagtail makes on a staff member's first admin visit.
    skip = {
        "sessions.session",
        "usersessions.usersession",
        "wagtailimages.rendition",
        "core.sitesettings",
        "wagtailusers.userprofile",
    }
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in skip and not model._meta.proxy
    }


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator"])
def test_no_get_changes_anything(role, people, placeholders):
    from django.core import mail

    client = logged_in_client(role, people)
    mail.outbox.clear()  # the login's own notices
    before = table_counts()
    for url, _expected in {**ROWS, **PREFIX_ROWS, **ADMIN_SAMPLES}.values():
        client.get(url.format(**placeholders))
    assert table_counts() == before
    assert mail.outbox == []


# Routes that take a POST without a CSRF token, each for a reason:
# one-click unsubscribe (RFC 8058) is posted by mail clients, with the signed
# token in the URL as the authority (tests/messaging/test_emails.py); browsers
# send CSP violation reports with no token, and the endpoint acts for no one
# (tests/core/test_security_headers.py).
CSRF_EXEMPT = {"email/unsubscribe/<str:token>/", "csp-report/"}


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_every_post_without_a_csrf_token_is_refused(role, people, placeholders):
    client = logged_in_client(role, people, enforce_csrf_checks=True)
    accepted = []
    for route, (url, _expected) in {**ROWS, **PREFIX_ROWS, **ADMIN_SAMPLES}.items():
        if route in CSRF_EXEMPT:
            continue
        response = client.post(url.format(**placeholders), {"comment": "x", "email": "a@example.com"})
        if response.status_code != 403:
            accepted.append(f"{route}: {response.status_code}")
    assert accepted == []
