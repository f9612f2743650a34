"""Q&A pages: who reaches what, the ask form, answering and feedback."""

import json
import re

import pytest
from django.core import mail

from accounts.factories import UserFactory
from qa.models import Answer, AnswerVote, Question, Report
from qa.tokens import question_mute_token
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

ASK = "/questions/ask/"


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else None


# Asking --------------------------------------------------------------------------


def test_visitor_is_sent_to_the_login_form_with_the_way_back(client, home_page):
    response = client.get(ASK)
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/questions/ask/"


def test_unverified_member_asked_to_confirm_their_address(client, home_page, question_data):
    member = UserFactory(verified=False)
    client.force_login(member)
    assert "Confirm your e-mail address" in client.get(ASK).content.decode()
    assert client.post(ASK, question_data).status_code == 403
    assert Question.objects.count() == 0


def test_first_step_checks_for_similar_questions_without_javascript(client, a_member, make_question):
    make_question(title="Racing heart before meetings at work")
    client.force_login(a_member)
    first = client.get(ASK).content.decode()
    assert "Check for similar questions" in first and 'method="get"' in first
    second = client.get(ASK, {"title": "Why does my heart race in meetings?"}).content.decode()
    assert "Racing heart before meetings at work" in second
    assert 'value="Why does my heart race in meetings?"' in second  # what they typed is kept
    assert 'method="post"' in second


def test_anonymous_defaults_to_the_members_preference(client, a_member):
    client.force_login(a_member)
    checkbox = re.compile(r'<input type="checkbox" name="anonymous"[^>]*>')
    assert "checked" in checkbox.search(client.get(ASK, {"step": "form"}).content.decode()).group(0)
    a_member.default_anonymous = False
    a_member.save()
    assert "checked" not in checkbox.search(client.get(ASK, {"step": "form"}).content.decode()).group(0)


def test_asking_redirects_to_the_question_with_a_waiting_note(client, a_member, question_data):
    client.force_login(a_member)
    response = client.post(ASK, question_data, follow=True)
    question = Question.objects.get()
    assert response.redirect_chain[0][0].startswith(question.get_absolute_url())
    html = response.content.decode()
    assert "Waiting for review." in html
    assert question.anonymous is True


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Write your question in one sentence."),
        ("title", "Too short?", "at least 15 characters"),
        ("title", "x" * 151, "150 characters"),
        ("body", "", "Tell us a little more"),
        ("body", "Short body.", "at least 30 characters"),
        ("body", "y" * 5001, "5000 characters"),
        ("body", "A body with a null \x00 character in it, long enough.", "Null characters are not allowed"),
        ("topic", "", "Choose the topic"),
        ("topic", "999999", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_saves_nothing(
    client, a_member, question_data, field, value, message
):
    client.force_login(a_member)
    response = client.post(ASK, {**question_data, field: value})
    assert response.status_code == 400
    html = response.content.decode()
    error = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    assert error and message in error.group(1)
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
    assert Question.objects.count() == 0


def test_rate_limit_message_keeps_the_text(client, a_member, question_data, settings):
    settings.QA_QUESTIONS_PER_DAY = 1
    client.force_login(a_member)
    client.post(ASK, question_data)
    response = client.post(ASK, {**question_data, "title": "A second question for today, please"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "daily limit" in html and question_data["body"] in html
    assert Question.objects.count() == 1


def test_double_submit_through_the_form_creates_one_question(client, a_member, question_data):
    client.force_login(a_member)
    first = client.post(ASK, question_data)
    second = client.post(ASK, question_data)
    assert first["Location"] == second["Location"]
    assert Question.objects.count() == 1


def test_crisis_question_shows_a_private_panel_and_nothing_public(client, a_member, make_question, question_data):
    from core.models import SiteSettings

    settings_row = SiteSettings.load()
    settings_row.emergency_number = "999"
    settings_row.crisis_resources = [("resource", {"name": "Samaritans", "phone": "116 123"})]
    settings_row.save()
    make_question(title="An earlier question that was published")
    client.force_login(a_member)
    data = {**question_data, "body": "I have been thinking about how to end my life and I am scared."}
    response = client.post(ASK, data, follow=True)
    question = Question.objects.get(urgent=True)
    assert question.status == Question.Status.PENDING
    html = response.content.decode()
    assert "have to wait for a reply" in html, html
    assert "Samaritans" in html and "tel:999" in html
    # Nobody else sees the question at all, and lists never mention urgency.
    client.logout()
    assert client.get(question.get_absolute_url()).status_code == 404
    assert "urgent" not in client.get("/questions/").content.decode().lower()


# Reading -----------------------------------------------------------------------


def test_wrong_slug_redirects_permanently(client, a_question):
    response = client.get(f"/questions/{a_question.pk}/not-the-slug/")
    assert response.status_code == 301
    assert response["Location"] == a_question.get_absolute_url()
    assert client.get(f"/questions/{a_question.pk}/")["Location"] == a_question.get_absolute_url()


@pytest.mark.parametrize("status", [Question.Status.PENDING, Question.Status.REJECTED])
def test_unpublished_question_is_for_its_author_and_moderators_only(
    client, make_question, another_member, a_specialist, a_moderator, status
):
    question = make_question(status=status, moderation_reason="It names someone.")
    url = question.get_absolute_url()
    assert client.get(url).status_code == 404
    for person in (another_member, a_specialist):
        client.force_login(person)
        assert client.get(url).status_code == 404
    log_in_with_two_factor(client, a_moderator)
    assert client.get(url).status_code == 200
    client.force_login(question.author)
    assert client.get(url).status_code == 200


def test_list_filters_and_accepted_mark(client, make_question, an_answer, a_member):
    make_question(title="A question nobody has answered yet")
    Question.objects.filter(pk=an_answer.question_id).update(accepted_answer=an_answer)
    html = client.get("/questions/").content.decode()
    assert "A question nobody has answered yet" in html and "Accepted answer" in html and "1 answer" in html
    unanswered = client.get("/questions/", {"show": "unanswered"}).content.decode()
    assert "A question nobody has answered yet" in unanswered and an_answer.question.title not in unanswered
    answered = client.get("/questions/", {"show": "answered"}).content.decode()
    assert an_answer.question.title in answered and "nobody has answered" not in answered
    assert "nobody has answered" not in client.get("/questions/", {"topic": "no-such-topic"}).content.decode()
    assert client.get("/questions/", {"show": "<script>", "page": "x"}).status_code == 200


def test_question_page_puts_the_accepted_answer_first(client, an_answer, make_specialist, a_member):
    other = Answer.objects.create(
        question=an_answer.question, author=make_specialist("Dr Popular"), body="Popular " * 10, helpful_count=9
    )
    url = an_answer.question.get_absolute_url()
    html = client.get(url).content.decode()
    assert html.index(f'id="answer-{other.pk}"') < html.index(f'id="answer-{an_answer.pk}"')
    Question.objects.filter(pk=an_answer.question_id).update(accepted_answer=an_answer)
    html = client.get(url).content.decode()
    assert html.index(f'id="answer-{an_answer.pk}"') < html.index(f'id="answer-{other.pk}"')


def test_question_page_shows_the_specialist_card_and_calls_to_action(client, an_answer, an_article, a_topic):
    Question.objects.filter(pk=an_answer.question_id).update(topic=a_topic)  # the article's topic
    html = client.get(an_answer.question.get_absolute_url()).content.decode()
    page = an_answer.author.specialist_page
    assert page.url in html and "Family psychologist" in html
    assert "Verified specialist" in html and "Free 30-minute consultation" in html
    assert "not a substitute for therapy" in html
    assert "Find a specialist" in html and "Request a free consultation" in html
    assert an_article.title in html


def test_question_page_json_ld_is_a_qa_page(client, an_answer, make_specialist, a_member):
    second = Answer.objects.create(question=an_answer.question, author=make_specialist("Dr Two"), body="x " * 20)
    Question.objects.filter(pk=an_answer.question_id).update(accepted_answer=an_answer, answer_count=2)
    data = json_ld(client.get(an_answer.question.get_absolute_url()).content.decode())
    assert data["@type"] == "QAPage"
    main = data["mainEntity"]
    assert main["@type"] == "Question" and main["answerCount"] == 2
    assert main["author"] == {"@type": "Person", "name": "Rowan"}
    assert main["acceptedAnswer"]["author"]["name"] == "Dr Lena Hart"
    assert main["acceptedAnswer"]["author"]["url"].endswith(an_answer.author.specialist_page.url)
    assert [answer["text"] for answer in main["suggestedAnswer"]] == [" ".join(second.body.split())]


def test_markdown_is_sanitised(client, make_question):
    question = make_question(body="**Bold** and <script>alert('x')</script> and [link](javascript:alert(1)) here.")
    html = client.get(question.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<script>alert" not in html and "javascript:" not in html


def test_similar_endpoint_returns_published_titles_only(client, make_question, a_member):
    make_question(title="Racing heart before meetings at work", anonymous=False)
    make_question(title="Racing heart that waits for review", status=Question.Status.PENDING)
    response = client.get("/questions/similar/", {"q": "racing heart"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [item["title"] for item in results] == ["Racing heart before meetings at work"]
    assert a_member.display_name not in response.content.decode()
    assert client.post("/questions/similar/", {"q": "x"}).status_code == 405


def test_similar_endpoint_is_rate_limited(client, home_page, settings):
    settings.QA_SIMILAR_PER_MINUTE = 2
    responses = [client.get("/questions/similar/", {"q": "sleep"}) for _ in range(6)]
    codes = [response.status_code for response in responses]
    # django-ratelimit counts in fixed one-minute windows: six quick look-ups
    # cross at most one window boundary, so some window sees a third.
    assert codes[:2] == [200, 200] and 429 in codes, codes
    assert responses[codes.index(429)].json() == {"results": [], "error": "rate_limited"}


# Answering and feedback --------------------------------------------------------------


def test_answer_form_only_for_verified_specialists(client, a_question, a_specialist, another_member, a_member):
    url = a_question.get_absolute_url()
    assert "Post your answer" not in client.get(url).content.decode()
    client.force_login(another_member)
    assert "Post your answer" not in client.get(url).content.decode()
    assert client.post(f"/questions/{a_question.pk}/answer/", {"body": "Not a specialist " * 5}).status_code == 404
    client.force_login(a_specialist)
    assert "Post your answer" in client.get(url).content.decode()


def test_specialist_answers_and_the_asker_is_emailed(
    client, a_question, a_specialist, django_capture_on_commit_callbacks
):
    client.force_login(a_specialist)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/questions/{a_question.pk}/answer/", {"body": "A careful, kind answer. " * 3})
    answer = Answer.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#answer-{answer.pk}")
    assert mail.outbox[0].to == [a_question.author.email]
    html = client.get(a_question.get_absolute_url()).content.decode()
    assert "Post your answer" not in html and "Edit your answer" in html


def test_bad_answer_keeps_the_text_and_says_why(client, a_question, a_specialist):
    client.force_login(a_specialist)
    response = client.post(f"/questions/{a_question.pk}/answer/", {"body": "Too short"})
    assert response.status_code == 400
    assert "at least 30 characters" in response.content.decode()
    assert Answer.objects.count() == 0


def test_only_the_author_edits_their_answer(client, an_answer, another_member, make_specialist):
    url = f"/questions/answers/{an_answer.pk}/edit/"
    for person in (another_member, make_specialist("Dr Other")):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {"body": "Hijacked " * 10}).status_code == 404
    client.force_login(an_answer.author)
    assert client.post(url, {"body": "An improved, longer answer. " * 3}).status_code == 302
    an_answer.refresh_from_db()
    assert an_answer.body.startswith("An improved")


def test_asker_accepts_an_answer_others_cannot(client, an_answer, a_member, another_member):
    url = f"/questions/answers/{an_answer.pk}/accept/"
    client.force_login(another_member)
    assert client.post(url).status_code == 404
    client.force_login(a_member)
    assert "Accept this answer" in client.get(an_answer.question.get_absolute_url()).content.decode()
    assert client.post(url).status_code == 302
    assert Question.objects.get().accepted_answer == an_answer


def test_members_mark_helpful_once(client, an_answer, another_member):
    url = f"/questions/answers/{an_answer.pk}/helpful/"
    client.force_login(another_member)
    client.post(url)
    client.post(url)
    an_answer.refresh_from_db()
    assert an_answer.helpful_count == 1 and AnswerVote.objects.count() == 1
    assert "You found this helpful" in client.get(an_answer.question.get_absolute_url()).content.decode()


def test_report_form_requires_a_reason_and_counts_once(client, an_answer, another_member):
    url = f"/questions/answers/{an_answer.pk}/report/"
    client.force_login(another_member)
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400 and "Choose a reason." in response.content.decode()
    assert client.post(url, {"reason": "harmful", "note": "Risky advice"}).status_code == 302
    assert client.post(url, {"reason": "spam"}).status_code == 302
    assert Report.objects.count() == 1


def test_mute_link_asks_on_get_and_mutes_on_post(client, a_question):
    token = question_mute_token(a_question)
    assert ":" in token  # as in the links e-mails already carry: the page tree serves them too
    url = f"/questions/{a_question.pk}/mute/{token}/"
    assert "Stop these e-mails" in client.get(url).content.decode()
    a_question.refresh_from_db()
    assert a_question.notify_answers is True
    client.post(url)
    a_question.refresh_from_db()
    assert a_question.notify_answers is False
    assert client.get(f"/questions/{a_question.pk}/mute/forged/").status_code == 404


def test_search_includes_published_questions(client, make_question, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the index follows after commit
        make_question(title="Racing heart before meetings at work")
        make_question(title="Racing heart that waits for review", status=Question.Status.PENDING)
    html = client.get("/search/", {"q": "racing heart"}).content.decode()
    assert "<mark>Racing</mark> <mark>heart</mark> before meetings at work" in html
    assert "waits for review" not in html


def test_home_page_lists_latest_answered_questions(client, an_answer, make_question):
    make_question(title="An unanswered question stays off the home page")
    html = client.get("/").content.decode()
    assert "Latest answered questions" in html and an_answer.question.title in html
    assert "unanswered question stays off" not in html


def test_questions_page_is_one_editors_title_introduce_and_move(client, home_page):
    """The data migration made it at the old address; editors change its
    title and introduction, and may move it."""
    from qa.models import QuestionIndexPage

    page = QuestionIndexPage.objects.get()
    assert page.get_parent().pk == home_page.pk and page.url == "/questions/" and page.show_in_menus
    assert "Verified specialists answer in public" in client.get("/questions/").content.decode()

    page.title = "Community answers"
    page.intro = "<p>Ask what is on your mind; specialists reply within a few days.</p>"
    page.slug = "community"
    page.save_revision().publish()
    html = client.get("/community/").content.decode()
    assert "<h1>Community answers</h1>" in html
    assert "Ask what is on your mind; specialists reply within a few days." in html
    assert '<a href="/community/">Community answers</a>' in client.get("/").content.decode()
    assert client.get("/questions/").status_code == 404


def test_a_good_list_filter_still_applies_beside_a_bad_one(client, make_question, an_answer):
    make_question(title="A question nobody has answered yet")
    html = client.get("/questions/", {"show": "unanswered", "topic": "not a slug!"}).content.decode()
    assert "A question nobody has answered yet" in html and an_answer.question.title not in html
