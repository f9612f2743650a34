"""Urgent questions: the on-call alert and its repeat through the task
interface, nothing of the member's text in any alert, the crisis panel for
the asker only, and the counts moderators see on the dashboard and in the menu."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.crisis.alerts import send_crisis_alert
from core.models import SiteSettings
from qa import services
from qa.models import Question
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

TITLE = "I do not want to be alive anymore, is this normal?"
BODY = "There is no point in living. I have felt like this since the winter."
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def alert_results():
    """The crisis alerts the dummy backend holds, in the order they were enqueued."""
    from django_tasks import default_task_backend

    return [result for result in default_task_backend.results if result.task.name == send_crisis_alert.name]


@pytest.fixture
def on_call(home_page):
    row = SiteSettings.load()
    row.oncall_email = "oncall@example.com"
    row.crisis_alert_repeat_minutes = 30
    row.save()
    return row


@pytest.fixture
def trusted_member(a_member, make_question):
    make_question(title="An earlier question that was published")
    return a_member


def ask_urgent(member, topic):
    return services.question_create(author=member, title=TITLE, body=BODY, topic=topic, anonymous=True)


def assert_no_member_text(message, member):
    text = f"{message.subject}\n{message.body}".lower()
    for words in ("alive anymore", "is this normal", "no point in living", "since the winter"):
        assert words not in text
    assert member.display_name.lower() not in text and member.email not in text


def test_urgent_question_emails_the_on_call_address_with_a_link_only(
    trusted_member, qa_topic, on_call, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = ask_urgent(trusted_member, qa_topic)
    assert question.urgent
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert alert.to == ["oncall@example.com"]
    assert "Urgent" in alert.subject
    assert f"http://testserver/admin/qa_questions/inspect/{question.pk}/" in alert.body
    assert_no_member_text(alert, trusted_member)


def test_alert_falls_back_to_the_contact_address(
    trusted_member, qa_topic, home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask_urgent(trusted_member, qa_topic)
    assert mail.outbox[0].to == [SiteSettings.load().contact_email]


def test_ordinary_question_sends_no_alert(trusted_member, qa_topic, on_call, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.question_create(
            author=trusted_member,
            title="How do I sleep better after a breakup?",
            body="Since we broke up I wake at 4am and can't get back to sleep.",
            topic=qa_topic,
        )
    assert mail.outbox == []


def test_alert_repeats_until_a_moderator_handles_the_question(
    settings, trusted_member, qa_topic, on_call, a_moderator, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        question = ask_urgent(trusted_member, qa_topic)
    [first] = alert_results()
    assert first.kwargs["attempt"] == 1 and first.task.run_after is None

    # The worker runs the first alert: one e-mail, and the repeat is scheduled.
    before = timezone.now()
    assert first.task.call(**first.kwargs) == "sent"
    assert len(mail.outbox) == 1
    repeat = alert_results()[-1]
    assert repeat.kwargs == {"kind": "question", "object_id": question.pk, "attempt": 2}
    assert before + timedelta(minutes=29) < repeat.task.run_after <= timezone.now() + timedelta(minutes=30)

    # Thirty minutes on, nobody has decided: the alert goes again.
    assert repeat.task.call(**repeat.kwargs) == "sent"
    assert len(mail.outbox) == 2
    assert "Still waiting" in mail.outbox[1].subject
    assert_no_member_text(mail.outbox[1], trusted_member)
    next_repeat = alert_results()[-1]
    assert next_repeat.kwargs["attempt"] == 3

    # A moderator decides; the next run sends nothing and schedules nothing.
    services.question_reject(question=question, by=a_moderator, reason="Needs urgent help, not Q&A")
    mail.outbox.clear()
    scheduled = len(alert_results())
    assert next_repeat.task.call(**next_repeat.kwargs) == "handled"
    assert not [message for message in mail.outbox if message.to == ["oncall@example.com"]]
    assert len(alert_results()) == scheduled


def test_repeat_interval_is_a_site_setting(settings, trusted_member, qa_topic, on_call):
    settings.TASKS = DUMMY_TASKS
    on_call.crisis_alert_repeat_minutes = 10
    on_call.save()
    question = ask_urgent(trusted_member, qa_topic)
    send_crisis_alert.call(kind="question", object_id=question.pk, attempt=1)
    repeat = alert_results()[-1]
    assert repeat.task.run_after <= timezone.now() + timedelta(minutes=10)
    assert "10 minutes" in mail.outbox[0].body


def test_asker_alone_sees_the_crisis_panel(client, trusted_member, qa_topic, on_call, a_moderator, another_member):
    question = ask_urgent(trusted_member, qa_topic)
    client.force_login(trusted_member)
    assert "data-crisis-panel" in client.get(question.get_absolute_url()).content.decode()
    client.force_login(a_moderator)
    response = client.get(question.get_absolute_url())
    assert "data-crisis-panel" not in response.content.decode()
    client.force_login(another_member)
    assert client.get(question.get_absolute_url()).status_code == 404


def test_dashboard_and_menu_count_pending_and_urgent_items(client, trusted_member, qa_topic, on_call, a_moderator):
    ask_urgent(trusted_member, qa_topic)
    log_in_with_two_factor(client, a_moderator)
    html = client.get("/admin/").content.decode()
    assert "data-moderation-counts" in html
    assert "1 urgent item" in html
    assert 'data-counts="questions"' in html
    # The menu's labels carry the counts (rendered into the sidebar's data).
    assert "Questions (1, 1 urgent)" in html
    assert "Q&amp;A (1, 1 urgent)" in html or "Q\\u0026A (1, 1 urgent)" in html or "Q&A (1, 1 urgent)" in html


def test_editors_see_no_moderation_counts(client, an_editor):
    log_in_with_two_factor(client, an_editor)
    assert "data-moderation-counts" not in client.get("/admin/").content.decode()


def test_dashboard_counts_cost_a_fixed_number_of_queries(
    client, trusted_member, qa_topic, on_call, a_moderator, django_assert_max_num_queries
):
    log_in_with_two_factor(client, a_moderator)
    client.get("/admin/")
    for _ in range(5):
        Question.objects.create(author=trusted_member, title="Held", body="Held text", urgent=True)
    with django_assert_max_num_queries(60):
        assert client.get("/admin/").status_code == 200


def test_moderator_sees_what_matched_on_the_decision_page(client, trusted_member, qa_topic, on_call, a_moderator):
    question = ask_urgent(trusted_member, qa_topic)
    log_in_with_two_factor(client, a_moderator)
    html = client.get(f"/admin/qa_questions/moderate/{question.pk}/reject/").content.decode()
    assert "what matched:" in html and "Not wanting to live" in html
