"""Q&A rules, tested on the services directly."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from core.models import CrisisPhrase
from qa import services, tokens
from qa.models import Answer, AnswerVote, Question, Report

pytestmark = pytest.mark.django_db

TITLE = "How do I stop worrying about small things?"
BODY = "Every evening I go over tiny things I said during the day and it keeps me awake."


def ask(author, topic, title=TITLE, body=BODY, anonymous=True):
    return services.question_create(author=author, title=title, body=body, topic=topic, anonymous=anonymous)


# Crisis detection ---------------------------------------------------------
# The detector itself is tested in tests/core/test_crisis_detector.py; here,
# what asking does with it.


def test_editors_phrases_are_used(a_member, qa_topic):
    CrisisPhrase.objects.create(phrase="walk into the sea", note="A reader's own words.")
    ask(a_member, qa_topic, title="An earlier question I asked", body="This one was fine and got published.")
    Question.objects.update(status=Question.Status.PUBLISHED)
    question = ask(a_member, qa_topic, body="Some nights I want to walk into the sea and not come back at all.")
    assert question.urgent and question.status == Question.Status.PENDING
    assert "walk into the sea" in question.crisis_match


def test_question_in_the_issue_is_held_as_urgent_with_what_matched(a_member, make_question, qa_topic):
    make_question(title="An earlier question that was published")
    question = ask(
        a_member,
        qa_topic,
        title="I do not want to be alive anymore, is this normal?",
        body="There is no point in living and I am tired of pretending to everyone.",
    )
    assert question.status == Question.Status.PENDING and question.urgent
    assert question.crisis_match.startswith("Not wanting to live")


@pytest.mark.parametrize(
    "title",
    [
        "Ｉ ｗａｎｔ ｔｏ ｅｎｄ ｍｙ ｌｉｆｅ, what do I do",  # full-width letters
        "I want to еnd my lifе, what do I do",  # Cyrillic е
        "I want to e\u200bnd my li\u200cfe, what do I do",  # zero-width characters
    ],
)
def test_disguised_crisis_question_is_still_held(a_member, make_question, qa_topic, title):
    make_question(title="An earlier question that was published")
    question = ask(a_member, qa_topic, title=title)
    assert question.urgent and question.status == Question.Status.PENDING
    assert question.title == " ".join(title.split())  # what the member wrote is kept as written


def test_ordinary_question_with_an_idiom_is_not_urgent(a_member, make_question, qa_topic):
    make_question(title="An earlier question that was published")
    question = ask(a_member, qa_topic, title="I can't go on dates without panicking", body=BODY)
    assert question.status == Question.Status.PUBLISHED and not question.urgent
    assert question.crisis_match == ""


# Asking ------------------------------------------------------------------------


def test_first_question_waits_for_review(a_member, qa_topic):
    question = ask(a_member, qa_topic)
    assert question.status == Question.Status.PENDING
    assert question.urgent is False


def test_later_questions_publish_at_once(a_member, make_question, qa_topic):
    make_question(title="An earlier question that was published")
    question = ask(a_member, qa_topic)
    assert question.status == Question.Status.PUBLISHED
    assert question.published_at is not None


def test_crisis_question_is_held_and_urgent_even_for_trusted_members(a_member, make_question, qa_topic):
    make_question(title="An earlier question that was published")
    question = ask(a_member, qa_topic, body="I keep thinking everyone would be better off without me these days.")
    assert question.status == Question.Status.PENDING
    assert question.urgent is True


def test_double_submit_creates_one_question(a_member, qa_topic):
    first = ask(a_member, qa_topic)
    second = ask(a_member, qa_topic, title="  " + TITLE + " ")
    assert first.pk == second.pk
    assert Question.objects.count() == 1


def test_rate_limit_refuses_the_fourth_question_of_the_day(a_member, qa_topic, settings):
    settings.QA_QUESTIONS_PER_DAY = 3
    for number in range(3):
        ask(a_member, qa_topic, title=f"{TITLE} ({number})")
    with pytest.raises(services.QuestionLimitReached) as raised:
        ask(a_member, qa_topic, title=f"{TITLE} (again)")
    assert "3" in str(raised.value.message)
    assert Question.objects.count() == 3


def test_unverified_member_cannot_ask(qa_topic):
    member = UserFactory(verified=False)
    with pytest.raises(services.NotAllowed):
        ask(member, qa_topic)


def test_slug_comes_from_the_title_and_keeps_letters():
    question = Question(title="Ansiedade: como lidar à noite?", body="x")
    question.save()
    assert question.slug == "ansiedade-como-lidar-à-noite"


# Answers -----------------------------------------------------------------------


def test_specialist_answers_once(a_question, a_specialist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.answer_create(question=a_question, author=a_specialist, body="A careful answer " * 3)
    a_question.refresh_from_db()
    assert a_question.answer_count == 1
    assert a_specialist.qa_answers.get() == answer
    # The same text again is a double submit; other text is a second answer, refused.
    assert services.answer_create(question=a_question, author=a_specialist, body="A careful answer " * 3) == answer
    with pytest.raises(services.AlreadyAnswered):
        services.answer_create(question=a_question, author=a_specialist, body="Something different entirely.")
    assert Answer.objects.count() == 1


def test_member_cannot_answer(a_question, another_member):
    with pytest.raises(services.NotAllowed):
        services.answer_create(question=a_question, author=another_member, body="I am not a specialist, but...")


def test_specialist_cannot_answer_a_question_waiting_for_review(make_question, a_specialist):
    question = make_question(status=Question.Status.PENDING)
    with pytest.raises(services.NotAllowed):
        services.answer_create(question=question, author=a_specialist, body="An answer to a hidden question.")


def test_only_the_author_edits_an_answer(an_answer, a_member):
    with pytest.raises(services.NotAllowed):
        services.answer_update(answer=an_answer, by=a_member, body="Changed by someone else")
    services.answer_update(answer=an_answer, by=an_answer.author, body="Changed by the specialist, who wrote it.")
    an_answer.refresh_from_db()
    assert an_answer.body.startswith("Changed by the specialist")


def test_answer_email_goes_to_the_asker_after_commit(a_question, a_specialist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.answer_create(question=a_question, author=a_specialist, body="A careful answer " * 3)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [a_question.author.email]
    assert message.subject == "A specialist answered your question"
    assert a_question.title not in message.subject
    assert f"/questions/{a_question.pk}/mute/" in message.body


def test_no_answer_email_after_opting_out(a_question, make_specialist, django_capture_on_commit_callbacks):
    services.question_mute(question=a_question)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(question=a_question, author=make_specialist("Dr One"), body="A careful answer " * 3)
    assert mail.outbox == []
    a_question.notify_answers = True
    a_question.save()
    a_question.author.notify_answers = False
    a_question.author.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(question=a_question, author=make_specialist("Dr Two"), body="Another answer " * 3)
    assert mail.outbox == []


def test_mute_token_is_tied_to_its_question(a_question, make_question):
    other = make_question(title="Another question entirely here")
    token = tokens.question_mute_token(a_question)
    assert tokens.question_mute_token_valid(question=a_question, token=token)
    assert not tokens.question_mute_token_valid(question=other, token=token)
    assert not tokens.question_mute_token_valid(question=a_question, token="forged")


# Accepting and voting -----------------------------------------------------------


def test_asker_accepts_and_changes_the_accepted_answer(an_answer, a_member, make_specialist):
    second = Answer.objects.create(question=an_answer.question, author=make_specialist("Dr Two"), body="x" * 40)
    services.answer_accept(answer=an_answer, by=a_member)
    assert Question.objects.get().accepted_answer == an_answer
    services.answer_accept(answer=second, by=a_member)
    assert Question.objects.get().accepted_answer == second


def test_only_the_asker_accepts(an_answer, another_member):
    with pytest.raises(services.NotAllowed):
        services.answer_accept(answer=an_answer, by=another_member)


def test_helpful_once_per_member_and_never_ones_own(an_answer, another_member):
    assert services.answer_vote_helpful(answer=an_answer, by=another_member) is True
    assert services.answer_vote_helpful(answer=an_answer, by=another_member) is False
    an_answer.refresh_from_db()
    assert an_answer.helpful_count == 1
    with pytest.raises(services.NotAllowed):
        services.answer_vote_helpful(answer=an_answer, by=an_answer.author)
    assert AnswerVote.objects.count() == 1


# Reports -----------------------------------------------------------------------


def test_enough_reports_hide_a_question_until_a_moderator_decides(a_question, settings):
    settings.QA_REPORTS_TO_HIDE = 3
    reporters = [UserFactory() for _ in range(3)]
    assert services.report_create(by=reporters[0], question=a_question, reason="harmful") is True
    assert services.report_create(by=reporters[0], question=a_question, reason="spam") is False  # once each
    services.report_create(by=reporters[1], question=a_question, reason="harmful")
    a_question.refresh_from_db()
    assert a_question.status == Question.Status.PUBLISHED
    services.report_create(by=reporters[2], question=a_question, reason="abusive", note="Names a real person")
    a_question.refresh_from_db()
    assert a_question.status == Question.Status.PENDING and a_question.reported
    assert Report.objects.count() == 3


def test_reported_answer_is_hidden_and_the_count_follows(an_answer, settings):
    settings.QA_REPORTS_TO_HIDE = 2
    for _ in range(2):
        services.report_create(by=UserFactory(), answer=an_answer, reason="harmful")
    an_answer.refresh_from_db()
    assert an_answer.status == Answer.Status.PENDING and an_answer.reported
    assert Question.objects.get().answer_count == 0


def test_nobody_reports_their_own_question(a_question, a_member):
    with pytest.raises(services.NotAllowed):
        services.report_create(by=a_member, question=a_question, reason="spam")


# Moderation --------------------------------------------------------------------


def test_approve_publishes_tells_the_author_and_is_logged(
    make_question, a_moderator, django_capture_on_commit_callbacks
):
    question = make_question(status=Question.Status.PENDING, urgent=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.question_approve(question=question, by=a_moderator, reason="Welcome!")
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert mail.outbox[0].to == [question.author.email]
    assert question.title not in mail.outbox[0].subject
    entry = ModelLogEntry.objects.get(action="qa.approve")
    assert entry.user == a_moderator and entry.data["reason"] == "Welcome!"


def test_reject_hides_and_tells_the_author_why(a_question, a_moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.question_reject(question=a_question, by=a_moderator, reason="It names a colleague.")
    a_question.refresh_from_db()
    assert a_question.status == Question.Status.REJECTED
    assert "It names a colleague." in mail.outbox[0].body


def test_rejecting_the_accepted_answer_clears_it(an_answer, a_member, a_moderator):
    services.answer_accept(answer=an_answer, by=a_member)
    services.answer_reject(answer=an_answer, by=a_moderator, reason="Not appropriate.")
    question = Question.objects.get()
    assert question.accepted_answer is None and question.answer_count == 0


def test_deleting_an_answer_updates_its_question(an_answer, a_member, django_capture_on_commit_callbacks):
    services.answer_accept(answer=an_answer, by=a_member)
    with django_capture_on_commit_callbacks(execute=True):
        an_answer.delete()
    question = Question.objects.get()
    assert question.answer_count == 0 and question.accepted_answer is None
