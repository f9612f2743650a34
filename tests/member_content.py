"""A small site filled with what members really write, made through the forms
and services members use, for the HTML validity and accessibility checks.

Members sign their names with emoji and right-to-left scripts, write long words
and markdown lists, quote, and type `<`, `>` and `&`; every timestamp comes from
`timezone.now()` and so carries microseconds (the seeded demo content has whole
seconds, which is how invalid `<time datetime>` values went unnoticed).

`build(...)` returns the objects and, in `pages`, the URL of every page kind
for each kind of visitor, so that the HTML checker and axe-core look at the
same pages with the same content.
"""

import re
import uuid
from io import BytesIO
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_comments_xtd.models import XtdComment
from PIL import Image as PILImage
from wagtail.models import WorkflowState

from accounts.factories import UserFactory, give_totp
from articles import services as article_services
from articles.factories import ArticlePageFactory
from core.factories import TopicFactory
from core.tokens import unsubscribe_token
from home.models import ContactPage, FeaturedArticle, StandardPage
from messaging.models import Conversation
from qa import services as qa_services
from qa import tokens as qa_tokens
from qa.models import Answer, Question
from specialists.models import Approach, ConsultationRequest, Language, SpecialistPage
from specialists.services import directory_moderation_setup

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis"
UNBROKEN = "https://example.org/" + "a-path-without-spaces-" * 5
EMOJI = "🌱🫶🏽💬"
ARABIC = "أشعر بالقلق قبل كل اجتماع"
HEBREW = "אני מרגישה לחץ לפני כל פגישה"
MARKUP = "<script>alert(1)</script> & <b>not bold</b> 3 < 5 > 2 \"quoted\" 'too'"

QUESTION_TITLE = f"Worried {EMOJI} before meetings: {ARABIC} <really> & often?"
QUESTION_BODY = "\n".join(
    [
        f"My heart races before meetings. {LONG_WORD}, as my cousin says. {HEBREW}.",
        "",
        "What I tried:",
        "",
        "- breathing *slowly*",
        "- **writing** it down",
        f"- reading {UNBROKEN}",
        "",
        "1. first I freeze",
        "2. then I rush",
        "",
        "> Someone told me: it gets easier.",
        "",
        MARKUP,
    ]
)
ANSWER_BODY = "\n".join(
    [
        f"Thank you for asking {EMOJI}. Three things help many people:",
        "",
        "1. a longer out-breath",
        "2. a short walk first",
        "3. one sentence you plan to say",
        "",
        f"- {ARABIC}",
        f"- {HEBREW}",
        "",
        f"> {LONG_WORD} is a long word; the feeling is shorter than it seems.",
        "",
        MARKUP,
    ]
)
COMMENT_TEXT = f"This helped {EMOJI}\n\n- one\n- two\n\n{ARABIC} {HEBREW} {LONG_WORD}{LONG_WORD} {MARKUP}"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
CRISIS_MESSAGE = f"I can't go on like this {EMOJI}, I want to kill myself."
REPLY_TEXT = f"Same for me {EMOJI} {HEBREW}. {UNBROKEN} & <more>"


def _picture():
    buffer = BytesIO()
    PILImage.new("RGB", (400, 400), (90, 140, 120)).save(buffer, "JPEG")
    return SimpleUploadedFile("me.jpg", buffer.getvalue(), content_type="image/jpeg")


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _ok(response, expected=(200, 302)):
    assert response.status_code in expected, f"{response.status_code} from {response.request['PATH_INFO']}"
    return response


def comment_form_fields(html, form_class="comment-form"):
    """The hidden fields of the comment form in a page, as the browser would post them."""
    start = html.index(f'<form class="{form_class}"')
    form = html[start : html.index("</form>", start)]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def _profile_form(topics):
    return {
        "display_name": f"Dr Noa Levi {EMOJI} נועה",
        "professional_title": "Family psychologist",
        "short_bio": f"I help families talk {EMOJI}: {HEBREW}. {MARKUP}",
        "long_bio": f"{LONG_WORD} and {UNBROKEN}.\n\n{ARABIC}\n\n{MARKUP}",
        "topics": [str(topic.pk) for topic in topics],
        "approaches": [str(Approach.objects.order_by("pk").first().pk)],
        "languages": [str(Language.objects.get(code="en").pk), str(Language.objects.get(code="pl").pk)],
        "offers_online": "on",
        "offers_in_person": "on",
        "location": f"Leeds {EMOJI} & <Tel Aviv>",
        "fees": "£60 for 50 minutes & a free first call",
        "accepting_new_clients": "on",
        "offers_free_consultation": "on",
        "licence_number": "PYL-12345",
        "licence_issuing_body": "Health and Care Professions Council",
        "licence_country": "United Kingdom",
        "declaration": "on",
    }


def _join_and_approve(user, topics, moderator, capture_on_commit):
    """The member creates their profile through the join form; a moderator
    approves it in the verification workflow."""
    client = client_for(user)
    _ok(client.get("/specialists/join/"), (200,))
    _ok(client.post("/specialists/join/", {**_profile_form(topics), "photo": _picture()}), (302,))
    page = SpecialistPage.objects.get(user=user)
    state = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state
    with capture_on_commit(execute=True):
        state.approve(user=moderator)
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.live and page.is_verified, "the joined specialist's profile should be live and verified"
    return page


def _post_comment(client, article_url, text, *, form_class="comment-form", page_url=None):
    html = _ok(client.get(page_url or article_url), (200,)).content.decode()
    fields = comment_form_fields(html, form_class)
    _ok(client.post("/comments/post/", {**fields, "comment": text}), (302,))
    return XtdComment.objects.filter(comment=text).latest("pk")


def build(*, home_page, article_index, specialist_index, capture_on_commit):
    """Make the content and return it, with `pages`: {visitor: {page kind: URL}}."""
    directory_moderation_setup(index=specialist_index)
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    relationships = TopicFactory(name="Relationships", slug="relationships")
    moderator = UserFactory(email="moderator.content@example.com", display_name="Morgan", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    give_totp(moderator, TOTP_SECRET)  # staff reach the admin only with two-factor

    asker = UserFactory(email="asker.content@example.com", display_name=f"Rowan {EMOJI} روان")
    commenter = UserFactory(email="commenter.content@example.com", display_name=f"Sasha {HEBREW[:8]} <&>")
    newcomer = UserFactory(email="newcomer.content@example.com", display_name=f"Kit {LONG_WORD}")
    unverified = UserFactory(email="unverified.content@example.com", display_name="Jo", verified=False)
    specialist_user = UserFactory(email="noa.content@example.com", display_name="Noa")

    specialist = _join_and_approve(specialist_user, [anxiety, relationships], moderator, capture_on_commit)
    article = ArticlePageFactory(
        parent=article_index,
        title=f"Before the meeting {EMOJI}: {LONG_WORD} & other big words",
        summary=f"Small steps for a racing heart. {HEBREW}",
        author=specialist,
        topics=[anxiety],
    )
    FeaturedArticle.objects.create(page=home_page, article=article, sort_order=0)
    contact = home_page.add_child(instance=ContactPage(title="Contact us", slug="contact", intro="<p>Write to us.</p>"))
    about = home_page.add_child(
        instance=StandardPage(title="About", slug="about", intro=f"Who we are {EMOJI}", body=[])
    )

    # Q&A: the asker's first question waits for a moderator; the second is published at once.
    asker_client = client_for(asker)
    _ok(
        asker_client.post(
            "/questions/ask/",
            {"title": QUESTION_TITLE, "body": QUESTION_BODY, "topic": anxiety.pk, "anonymous": ""},
        ),
        (302,),
    )
    question = Question.objects.get(author=asker)
    qa_services.question_approve(question=question, by=moderator)
    second = qa_services.question_create(
        author=asker,
        title=f"{HEBREW} {EMOJI} again",
        body=f"{ARABIC}\n\n- {LONG_WORD}\n- {UNBROKEN}\n\n{MARKUP}",
        topic=relationships,
        anonymous=True,
    )
    assert second.status == Question.Status.PUBLISHED
    specialist_client = client_for(specialist_user)
    _ok(specialist_client.post(f"/questions/{question.pk}/answer/", {"body": ANSWER_BODY}), (302,))
    answer = Answer.objects.get(question=question, author=specialist_user)
    _ok(asker_client.post(f"/questions/answers/{answer.pk}/accept/"), (302,))
    _ok(client_for(commenter).post(f"/questions/answers/{answer.pk}/helpful/"), (302,))
    question.refresh_from_db()

    # Comments, through the article's own comment form; the first waits for a moderator.
    commenter_client = client_for(commenter)
    comment = _post_comment(commenter_client, article.url, COMMENT_TEXT)
    article_services.comment_approve(comment=comment, by=moderator)
    reply = _post_comment(
        commenter_client, article.url, REPLY_TEXT, page_url=f"/comments/reply/{comment.pk}/", form_class="comment-form"
    )
    assert reply.is_public and reply.parent_id == comment.pk

    # Messages: the asker writes to the specialist through the form (markdown,
    # right-to-left text, `<>&`, then crisis words); the specialist replies.
    token = str(uuid.uuid4())
    _ok(
        asker_client.post(f"/messages/new/{specialist.slug}/", {"body": f"{MARKUP}\n\n{ARABIC}", "token": token}),
        (302,),
    )
    conversation = Conversation.objects.get(member=asker)
    _ok(asker_client.post(conversation.get_absolute_url(), {"body": CRISIS_MESSAGE, "token": str(uuid.uuid4())}))
    _ok(
        specialist_client.post(
            conversation.get_absolute_url(), {"body": f"{HEBREW} {EMOJI} **{LONG_WORD}**", "token": str(uuid.uuid4())}
        )
    )
    specialist_message = conversation.messages.filter(sender=specialist_user).first()
    conversation_url = conversation.get_absolute_url()

    # Free consultations: the specialist offers one and sets times through the
    # form; the asker books one with a note in the same mix of scripts and `<>&`.
    SpecialistPage.objects.filter(pk=specialist.pk).update(offers_free_consultation=True)
    specialist.refresh_from_db()
    availability_url = "/specialists/me/availability/"
    windows = {
        "time_zone": "Europe/London",
        "notice_hours": "24",
        "horizon_days": "21",
        "windows-TOTAL_FORMS": "2",
        "windows-INITIAL_FORMS": "0",
        "off-TOTAL_FORMS": "1",
        "off-INITIAL_FORMS": "0",
        **{f"windows-{n}-{key}": value for n in range(2) for key, value in (("start", "09:00"), ("end", "12:00"))},
        "windows-0-weekday": "0",
        "windows-1-weekday": "3",
    }
    _ok(specialist_client.post(availability_url, windows), (302,))
    booking_url = f"{specialist.url}consultation/"
    slot = re.search(r'name="slot" value="([^"]+)"', asker_client.get(booking_url).content.decode())[1]
    _ok(
        asker_client.post(
            booking_url,
            {"slot": slot, "format": "online", "note": f"{ARABIC} {EMOJI} <&>", "time_zone": "Asia/Tokyo"},
        ),
        (302,),
    )
    consultation = ConsultationRequest.objects.get(member=asker)

    question_url = question.get_absolute_url()
    pages = {
        "anonymous": {
            "home": "/",
            "article index": "/articles/",
            "article index by topic": "/articles/?topic=anxiety",
            "article with comments": article.url,
            "comment reply (logged out)": f"/comments/reply/{comment.pk}/",
            "help now": "/help-now/",
            "search results": "/search/?q=meetings",
            "search without results": "/search/?q=zzzzqqq",
            "not found": "/no-such-page/",
            "specialist directory": "/specialists/",
            "specialist directory filtered": "/specialists/?topic=anxiety&free=1",
            "specialist landing page": specialist.url,
            "questions": "/questions/",
            "questions unanswered": "/questions/?show=unanswered",
            "questions by topic": "/questions/?topic=relationships",
            "question with answers": question_url,
            "anonymous question": second.get_absolute_url(),
            # "Ask a question" sends a visitor to the login form, with the way back.
            "ask (logged out)": "/accounts/login/?next=/questions/ask/",
            "join (logged out)": "/specialists/join/",
            "contact (logged out)": contact.url,
            "standard page": about.url,
            "log in": "/accounts/login/",
            "sign up": "/accounts/signup/",
            "password reset": "/accounts/password/reset/",
            "password reset sent": "/accounts/password/reset/done/",
            "password reset, bad link": "/accounts/password/reset/key/1-not-a-key/",
            "password reset done": "/accounts/password/reset/key/done/",
            "verification e-mail sent": "/accounts/confirm-email/",
            "confirm e-mail, bad link": "/accounts/confirm-email/not-a-key/",
            "inactive account": "/accounts/inactive/",
            "stop answer e-mails": f"/questions/{question.pk}/mute/{qa_tokens.question_mute_token(question)}/",
            "stop e-mails of a kind": f"/email/unsubscribe/{unsubscribe_token(user=asker, kind='messages')}/",
        },
        "asker": {
            "question just asked": f"{question_url}?asked=1",
            "ask, step one": "/questions/ask/",
            "ask, step two": "/questions/ask/?title=meetings",
            "my questions": "/questions/mine/",
            "account": "/accounts/",
            "data summary": "/accounts/data/",
            "delete account": "/accounts/delete/",
            "e-mail addresses": "/accounts/email/",
            "change password": "/accounts/password/change/",
            "two-factor authentication": "/accounts/2fa/",
            "sessions": "/accounts/sessions/",
            "confirm your password": "/accounts/reauthenticate/",
            "log out": "/accounts/logout/",
            "contact form": contact.url,
            # Someone else's comment: nobody flags their own.
            "flag a comment": f"/comments/flag/{reply.pk}/",
            "messages": "/messages/",
            "conversation": conversation_url,
            "report a message": f"{conversation_url}report/{specialist_message.pk}/",
            "my consultations": "/accounts/consultations/",
            "a consultation request": f"/accounts/consultations/{consultation.pk}/",
        },
        "commenter": {
            "article with the comment form": article.url,
            "comment reply form": f"/comments/reply/{comment.pk}/",
            "my comments": "/comments/mine/",
            "edit own comment": f"/comments/{reply.pk}/edit/",
            "delete own comment": f"/comments/{reply.pk}/delete/",
            "report a question": f"/questions/{second.pk}/report/",
            "report an answer": f"/questions/answers/{answer.pk}/report/",
            "write to a specialist": f"/messages/new/{specialist.slug}/",
            "messages, none yet": "/messages/",
            "book a free consultation": f"{booking_url}?tz=America/New_York",
        },
        "specialist": {
            "question with the answer editor": question_url,
            "unanswered question with the answer form": second.get_absolute_url(),
            "answer edit": f"/questions/answers/{answer.pk}/edit/",
            "profile edit": "/specialists/me/edit/",
            "own landing page": specialist.url,
            "messages, as a specialist": "/messages/",
            "conversation with crisis words, as the specialist": conversation_url,
            "consultation availability": availability_url,
            "consultation requests": "/specialists/me/requests/",
        },
        "newcomer": {"join form": "/specialists/join/"},
        "unverified": {
            "join (e-mail not verified)": "/specialists/join/",
            "ask (e-mail not verified)": "/questions/ask/",
            "book (e-mail not verified)": booking_url,
        },
    }
    # Forms sent back with messages next to the fields: {visitor: {kind: (URL, data)}}.
    posts = {
        "asker": {
            "ask with errors": ("/questions/ask/", {"title": "short", "body": f"{EMOJI} <&>", "topic": ""}),
            "contact with errors": (contact.url, {"subject": "", "message": f"{ARABIC} <&>"}),
            "profile with errors": ("/accounts/profile/", {"display_name": ""}),
            "message with errors": (conversation_url, {"body": "", "token": str(uuid.uuid4())}),
        },
        "commenter": {
            "comment preview": ("/comments/post/", "preview"),
            "booking with errors": (booking_url, {"slot": "", "note": "x" * 501, "time_zone": "Europe/London"}),
        },
        "specialist": {
            "answer with errors": (f"/questions/{second.pk}/answer/", {"body": "<&>"}),
            "availability with errors": (
                availability_url,
                {**windows, "windows-1-weekday": "0", "windows-1-start": "11:00", "notice_hours": "-1"},
            ),
        },
        "newcomer": {
            "join with errors": ("/specialists/join/", {"display_name": f"{EMOJI}", "short_bio": MARKUP}),
        },
        "anonymous": {
            "log in with errors": ("/accounts/login/", {"login": "nobody@example.com", "password": "wrong <&>"}),
            "sign up with errors": ("/accounts/signup/", {"email": "not-an-address", "display_name": MARKUP}),
            # Followed to the second step: the code from the authenticator app.
            "log in, two-factor step": (
                "/accounts/login/",
                {"login": moderator.email, "password": "a-long-test-password"},
                "follow",
            ),
        },
    }
    return SimpleNamespace(
        article=article,
        question=question,
        second_question=second,
        answer=answer,
        comment=comment,
        reply=reply,
        specialist=specialist,
        contact=contact,
        conversation=conversation,
        users={
            "anonymous": None,
            "asker": asker,
            "commenter": commenter,
            "specialist": specialist_user,
            "newcomer": newcomer,
            "unverified": unverified,
            "moderator": moderator,
        },
        pages=pages,
        posts=posts,
    )


def fetch_posts(content):
    """{visitor: {kind: (URL, (status, HTML))}} for every form sent back with
    errors (or, marked "follow", for the page a form leads to)."""
    responses = {}
    for visitor, posts in content.posts.items():
        client = client_for(content.users[visitor])
        for kind, (url, data, *follow) in posts.items():
            if data == "preview":
                html = client.get(content.article.url).content.decode()
                data = {**comment_form_fields(html), "comment": COMMENT_TEXT, "preview": "1"}
            response = client.post(url, data, follow=bool(follow))
            responses.setdefault(visitor, {})[kind] = (url, (response.status_code, response.content))
    responses["anonymous"]["server error"] = ("/", (500, server_error_page()))
    away = database_away_page({"title": QUESTION_TITLE, "body": QUESTION_BODY, "topic": "1"})
    responses["anonymous"]["database away"] = ("/questions/ask/", (away.status_code, away.content))
    refused = shared_cache_away_page({"title": QUESTION_TITLE, "body": QUESTION_BODY})
    responses["anonymous"]["shared cache away"] = ("/messages/", (refused.status_code, refused.content))
    limited = too_many_requests_page()
    responses["anonymous"]["too many requests"] = ("/accounts/signup/", (limited.status_code, limited.content))
    return responses


def shared_cache_away_page(data, path="/messages/"):
    """The polite 503 for a counted write while Redis is away, where no form
    of ours shows the refusal (core.views.shared_cache_unavailable), with the
    typed text given back."""
    from django.test import RequestFactory

    from core.views import shared_cache_unavailable

    request = RequestFactory().post(path, data, HTTP_REFERER=f"http://testserver{path}")
    return shared_cache_unavailable(request, None)


def too_many_requests_page():
    """allauth's answer to a reached limit (core.views.too_many_requests)."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    from core.views import too_many_requests

    request = RequestFactory().post("/accounts/signup/")
    request.user, request.session = AnonymousUser(), SessionStore()
    request._messages = FallbackStorage(request)
    return too_many_requests(request)


def database_away_page(data, path="/questions/ask/"):
    """The 503 "Back in a moment" page for a form posted from one of our pages
    while the database is away (core.views.database_unavailable), with the
    typed text given back. In a thread of its own: the handler closes its
    thread's database connection, which must not be the test's."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import OperationalError
    from django.test import RequestFactory

    from core.views import database_unavailable

    request = RequestFactory().post(path, data, HTTP_REFERER=f"http://testserver{path}")
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(database_unavailable, request, OperationalError("the database is away")).result()


def server_error_page():
    """The 500 page, as the error handler renders it."""
    from django.test import RequestFactory

    from core.views import server_error

    return server_error(RequestFactory().get("/")).content


def fetch_all(content):
    """{"visitor: page kind (URL)": (status, HTML)} for every page and form sent back with errors."""
    documents = {}
    for visitor, pages in content.pages.items():
        client = client_for(content.users[visitor])
        for kind, url in pages.items():
            response = client.get(url)
            documents[f"{visitor}: {kind} ({url})"] = (response.status_code, response.content)
    for visitor, posts in fetch_posts(content).items():
        for kind, (url, result) in posts.items():
            documents[f"{visitor}: {kind} (POST {url})"] = result
    return documents
