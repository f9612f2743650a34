"""Member-written text never escapes an attribute value.

Every field a member writes is filled with text made to break out of an
attribute (a quote followed by new attributes), plus `<`, `>` and `&`; the
pages that show it are parsed, and no attribute or element the text tried to
add may appear. Descriptions, Open Graph, titles and JSON-LD still carry the
text itself, decoded back to what the member typed."""

import json
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress

from articles.services import comment_post
from qa.models import Question
from qa.services import answer_create, question_create
from specialists.factories import SpecialistPageFactory

# A quote ends the attribute; the rest would become attributes of their own.
BREAKOUT = '0;url=https://evil.example/" http-equiv="refresh" data-x="1'
HOSTILE = f'{BREAKOUT} <b onmouseover="x">&amp; 5 > 3 & "quoted" <script>alert(1)</script>'


class _Document(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_json_ld = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def parse(response):
    assert response.status_code == 200
    document = _Document()
    document.feed(response.content.decode())
    return document


def assert_nothing_escaped(document):
    for tag, attrs in document.tags:
        assert "http-equiv" not in attrs, (tag, attrs)
        assert "data-x" not in attrs, (tag, attrs)
        assert "onmouseover" not in attrs, (tag, attrs)
    scripts = [attrs for tag, attrs in document.tags if tag == "script"]
    assert all(attrs.get("type") == "application/ld+json" or attrs.get("src") for attrs in scripts), scripts


def strings(data):
    """Every string value in a JSON document."""
    if isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)
    elif isinstance(data, str):
        yield data


def meta(document, **match):
    key, value = next(iter(match.items()))
    return [attrs.get("content", "") for tag, attrs in document.tags if tag == "meta" and attrs.get(key) == value]


@pytest.fixture
def verified(a_member):
    assert EmailAddress.objects.filter(user=a_member, verified=True).exists()
    return a_member


@pytest.fixture
def hostile_question(verified, qa_topic):
    question = question_create(
        author=verified, title=f'Why "this" {BREAKOUT[:60]}', body=HOSTILE, topic=qa_topic, anonymous=False
    )
    Question.objects.filter(pk=question.pk).update(status=Question.Status.PUBLISHED)
    question.refresh_from_db()
    return question


def test_question_body_cannot_add_attributes_to_the_description(client, hostile_question, an_answer):
    answer_create(question=hostile_question, author=an_answer.author, body=HOSTILE)
    document = parse(client.get(hostile_question.get_absolute_url()))
    assert_nothing_escaped(document)
    (description,) = meta(document, name="description")
    # The member's own words, decoded: quotes and all, but as text.
    assert description.startswith(BREAKOUT)
    assert "<b" not in description and "<script" not in description


def test_question_json_ld_carries_the_text_as_typed(client, hostile_question, an_answer):
    answer_create(question=hostile_question, author=an_answer.author, body="A calm answer with & and < signs.")
    document = parse(client.get(hostile_question.get_absolute_url()))
    (data,) = document.json_ld
    main = data["mainEntity"]
    assert main["name"] == hostile_question.title
    assert main["text"].startswith(BREAKOUT)
    assert "&amp;" not in main["text"].replace("&amp; 5", "")  # decoded, not double-escaped
    assert "A calm answer with & and < signs." in set(strings(data))


def test_question_list_and_search_escape_titles(client, hostile_question):
    for url in ("/questions/", "/search/?q=quoted"):
        assert_nothing_escaped(parse(client.get(url)))


def test_comment_text_and_display_name_escape(client, an_article, verified):
    verified.display_name = 'Rowan" data-x="1'
    verified.save()
    comment_post(article=an_article, user=verified, text=HOSTILE)
    from django_comments_xtd.models import XtdComment

    XtdComment.objects.update(is_public=True)
    client.force_login(verified)
    document = parse(client.get(an_article.url))
    assert_nothing_escaped(document)


def test_specialist_fields_escape_in_meta_and_json_ld(client, specialist_index):
    page = SpecialistPageFactory(
        parent=specialist_index,
        title='Dr "Quote" Moss',
        professional_title=BREAKOUT[:80],
        short_bio=HOSTILE[:300],
        location=BREAKOUT[:80],
    )
    document = parse(client.get(page.url))
    assert_nothing_escaped(document)
    (description,) = meta(document, name="description")
    assert description.startswith(BREAKOUT)
    (og_title,) = meta(document, property="og:title")
    assert og_title == 'Dr "Quote" Moss'
    assert 'Dr "Quote" Moss' in {text for item in document.json_ld for text in strings(item)}
    directory = parse(client.get(specialist_index.url))
    assert_nothing_escaped(directory)
