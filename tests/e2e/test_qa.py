"""Community Q&A in a real browser: a member asks, a specialist answers, the
member accepts the answer, and a reader sees it first; axe-core finds nothing
on the list, a question page or the ask form."""

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from qa.models import Answer, Question

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e

TITLE = "How can I stop replaying arguments at night?"
BODY = "After we argue I lie awake going over every sentence, even when we have made up. What helps?"


@pytest.fixture
def qa(content, specialist_index):
    """A member who has asked before (so a new question publishes at once), a
    specialist with an account, and a second specialist whose answer already
    has helpful votes."""
    member = UserFactory(email="asker@example.com", display_name="Robin")
    Question.objects.create(
        author=member,
        title="An earlier question about sleep and worry",
        body="An earlier question that a moderator already published.",
        topic=content.article.topics.first(),
        anonymous=False,
        status=Question.Status.PUBLISHED,
    )
    specialist = UserFactory(email="ada@example.com", display_name="Ada")
    type(content.author).objects.filter(pk=content.author.pk).update(user=specialist)
    other = UserFactory(email="sam@example.com", display_name="Sam")
    type(content.reviewer).objects.filter(pk=content.reviewer.pk).update(user=other)
    return content, member, specialist, other


def test_member_asks_specialist_answers_member_accepts_reader_sees_it_first(browser, live_server, qa, log_in):
    content, member, specialist, other = qa

    def new_page(user=None):
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(10_000)
        if user:
            log_in(context, user)
        return context.new_page()

    asker = new_page(member)
    asker.goto("/questions/ask/")
    asker.get_by_label("Your question in one sentence").fill(TITLE)
    asker.get_by_role("button", name="Check for similar questions").click()
    expect(asker.get_by_label("Your question in one sentence")).to_have_value(TITLE)
    asker.get_by_label("Tell us more").fill(BODY)
    asker.get_by_label("Topic").select_option(label="Relationships")
    asker.get_by_role("button", name="Post your question").click()
    expect(asker.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(asker.get_by_text("Asked by Anonymous member")).to_be_visible()
    question = Question.objects.get(title=TITLE)
    assert question.status == Question.Status.PUBLISHED

    # Another specialist's answer, already found helpful by several members.
    Answer.objects.create(question=question, author=other, body="Notice which moment you replay. " * 3, helpful_count=5)
    Question.objects.filter(pk=question.pk).update(answer_count=1)

    answerer = new_page(specialist)
    answerer.goto(question.get_absolute_url())
    answerer.get_by_role("textbox", name="Your answer").fill(
        "Before bed, write one line about what you still need to say. " * 2
    )
    answerer.get_by_role("button", name="Post your answer").click()
    expect(answerer.get_by_text("Your answer is published")).to_be_visible()
    answer = Answer.objects.get(question=question, author=specialist)

    asker.reload()
    asker.locator(f"#answer-{answer.pk}").get_by_role("button", name="Accept this answer").click()
    expect(asker.get_by_text("You accepted this answer")).to_be_visible()

    reader = new_page()
    reader.goto(question.get_absolute_url())
    first = reader.locator(".qa-answer").first
    expect(first).to_contain_text("Accepted by the person who asked")
    expect(first).to_contain_text(content.author.title)
    expect(first.get_by_role("link", name=content.author.title)).to_have_attribute("href", content.author.url)
    for context_page in (asker, answerer, reader):
        context_page.context.close()


@pytest.fixture
def answered_question(qa):
    content, member, specialist, _other = qa
    question = Question.objects.create(
        author=member,
        title=TITLE,
        body=BODY,
        topic=content.article.topics.first(),
        anonymous=True,
        status=Question.Status.PUBLISHED,
    )
    answer = Answer.objects.create(question=question, author=specialist, body="Write **one line** first. " * 3)
    Question.objects.filter(pk=question.pk).update(answer_count=1, accepted_answer=answer)
    return question


def test_list_has_no_axe_violations(page, answered_question):
    page.goto("/questions/")
    expect(page.get_by_text(TITLE)).to_be_visible()
    assert_no_axe_violations(page)


def test_question_page_has_no_axe_violations(page, answered_question):
    page.goto(answered_question.get_absolute_url())
    assert_no_axe_violations(page)


def test_question_page_for_its_asker_has_no_axe_violations(page, context, log_in, answered_question):
    log_in(context, answered_question.author)
    page.goto(answered_question.get_absolute_url())
    assert_no_axe_violations(page)


def test_ask_form_has_no_axe_violations_in_both_steps(page, context, log_in, answered_question):
    log_in(context, answered_question.author)
    page.goto("/questions/ask/")
    assert_no_axe_violations(page)
    page.get_by_label("Your question in one sentence").fill("Replaying arguments at night")
    page.get_by_role("button", name="Check for similar questions").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Post your question").click()  # empty form: errors next to fields
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_no_axe_violations(page)


def test_live_suggestions_while_typing(page, context, log_in, answered_question):
    log_in(context, answered_question.author)
    page.goto("/questions/ask/")
    page.get_by_label("Your question in one sentence").press_sequentially("replaying arguments", delay=20)
    expect(page.locator("[data-qa-similar]").get_by_role("link", name=TITLE)).to_be_visible()
