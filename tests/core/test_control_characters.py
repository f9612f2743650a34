"""Control characters are refused where members type, with a message next to
the field, and content that carries them anyway (typed into the admin before)
cannot break the feed."""

import xml.etree.ElementTree as ET

import pytest

from accounts.forms import ProfileForm, SignupForm
from articles.factories import ArticlePageFactory
from home.forms import ContactForm
from qa.forms import AnswerForm, QuestionForm
from specialists.factories import SpecialistPageFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Remove the invisible control characters"
ONE_LINE_BAD = ["Sam\x07", "Sam\x1b[2J", "Sa\x85m", "Sam\u202eevil", "Sam\nSecond line", "\x7fSam"]
MULTI_LINE_BAD = ["Fine text\x00", "Bell \x07 in the middle", "Escape \x1b[31m red", "Override \u202e here"]


def _errors(form, field):
    assert not form.is_valid()
    return " ".join(form.errors.get(field, []))


@pytest.mark.parametrize("name", ONE_LINE_BAD)
def test_display_names_refuse_control_characters(name, a_member):
    form = ProfileForm({"display_name": name}, instance=a_member)
    assert MESSAGE in _errors(form, "display_name")
    signup = SignupForm({"display_name": name, "email": "x@example.com", "password1": "p", "password2": "p"})
    assert MESSAGE in _errors(signup, "display_name")


@pytest.mark.parametrize("title", ONE_LINE_BAD)
def test_question_titles_refuse_control_characters(title, a_member):
    form = QuestionForm({"title": f"{title} and a long enough title", "body": "x" * 40}, user=a_member)
    assert MESSAGE in _errors(form, "title")


@pytest.mark.parametrize("body", MULTI_LINE_BAD)
def test_multi_line_text_refuses_control_characters_but_keeps_line_breaks(body, a_member):
    form = QuestionForm({"title": "A perfectly ordinary title here", "body": body + " " + "y" * 40}, user=a_member)
    assert MESSAGE in _errors(form, "body")
    assert MESSAGE in _errors(AnswerForm({"body": body + " " + "y" * 60}), "body")
    fine = QuestionForm(
        {"title": "A perfectly ordinary title here", "body": "Line one.\r\n\r\n\tLine two, right-to-left שלום."},
        user=a_member,
    )
    fine.is_valid()
    assert "body" not in fine.errors


def test_contact_form_refuses_control_characters(a_member):
    form = ContactForm({"subject": "Hello\x1b", "message": "Hi\x07 there, a message long enough."})
    form.is_valid()
    assert MESSAGE in " ".join(form.errors.get("subject", []) + form.errors.get("message", []))


def test_question_page_keeps_the_text_and_shows_the_message_next_to_the_field(client, a_member, a_topic):
    client.force_login(a_member)
    response = client.post(
        "/questions/ask/",
        {
            "title": "Why do I feel \x07 tired all day?",
            "body": "I sleep eight hours but feel tired " * 3,
            "topic": a_topic.pk,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert MESSAGE in html
    assert "I sleep eight hours but feel tired" in html


def test_feed_survives_control_characters_in_names_typed_in_the_admin(client, article_index, specialist_index):
    author = SpecialistPageFactory(parent=specialist_index, title="Dr Bell\x07 Ringer")
    ArticlePageFactory(parent=article_index, author=author, title="Sleep\x0b well", summary="Rest\x1b more.")
    response = client.get("/articles/feed/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    (item,) = root.findall("./channel/item")
    assert item.findtext("title") == "Sleep well"
