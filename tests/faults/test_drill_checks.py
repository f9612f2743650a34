"""The checks `make drill` (scripts/load.py) runs after its faults: every
acknowledged write found whole, and every e-mail of the worker in the outbox
exactly once. They are run here on writes made by the services, and on
writes made wrong on purpose, so a check that could not fail would show."""

import importlib.util
import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.mail.message import EmailMessage
from django.utils import timezone

from accounts.factories import UserFactory
from articles import services as article_services
from articles.comments import comment_row_create
from core.models import SentEmail
from messaging import services as messaging_services
from qa import services as qa_services
from qa.factories import QuestionFactory
from qa.models import Question, Status
from specialists.factories import SpecialistPageFactory
from tests.faults.tasks import send_numbered

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("steady_load", ROOT / "scripts" / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def a_writing_member(a_member):
    # A published question: what they ask next is published at once.
    QuestionFactory(author=a_member, title="How do I settle into a new routine?")
    return a_member


@pytest.fixture
def a_specialist(specialist_index):
    user = UserFactory(email="load.specialist@example.com", display_name="Dr Lee")
    SpecialistPageFactory(parent=specialist_index, user=user, title="Dr Lee", slug="dr-lee")
    return user


def _acks(tmp_path, *records):
    path = tmp_path / "acks.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def _writes(member, specialist, article):
    question = qa_services.question_create(
        author=member, title="What helps with early waking?", body="I wake at four every day. ref q1"
    )
    answer = qa_services.answer_create(question=question, author=specialist, body="Keep one time to get up. ref a1")
    comment = article_services.comment_post(article=article, user=member, text="This helped me. ref c1")
    conversation, message = messaging_services.conversation_start(
        member=member, page=specialist.specialist_page, body="Could we talk? ref m1", token=uuid.uuid4()
    )
    return [
        {"kind": "question", "id": str(question.pk), "marker": "ref q1", "author": member.email},
        {"kind": "answer", "id": str(answer.pk), "marker": "ref a1", "author": specialist.email},
        {"kind": "comment", "id": str(comment.pk), "marker": "ref c1", "author": member.email},
        {
            "kind": "message",
            "id": str(conversation.pk),
            "marker": "ref m1",
            "author": member.email,
            "token": str(message.token),
        },
    ]


def test_writes_made_by_the_services_pass(load, tmp_path, a_writing_member, a_specialist, an_article):
    comment_row_create(article=an_article, user=a_writing_member, text="Thank you.", parent=None, is_public=True)
    records = _writes(a_writing_member, a_specialist, an_article)
    phase = load.Phase("writes")

    load.check_writes(phase, _acks(tmp_path, *records))

    assert phase.passed, phase.problems


def test_a_missing_write_fails(load, tmp_path, a_member):
    phase = load.Phase("writes")

    load.check_writes(
        phase, _acks(tmp_path, {"kind": "question", "id": "999999", "marker": "ref gone", "author": a_member.email})
    )

    assert any("question 999999 (ref gone) is missing" in problem for problem in phase.problems)


def test_a_half_written_question_and_a_wrong_answer_count_fail(load, tmp_path, a_member):
    # Made around the service: no history entry, and a count no answer backs.
    question = Question.objects.create(
        author=a_member, title="Half made", slug="half-made", body="No log entry. ref h1", status=Status.PUBLISHED
    )
    Question.objects.filter(pk=question.pk).update(answer_count=2)
    phase = load.Phase("writes")

    load.check_writes(
        phase, _acks(tmp_path, {"kind": "question", "id": str(question.pk), "marker": "ref h1", "author": ""})
    )

    assert any("without its history entry" in problem for problem in phase.problems)
    assert any("answer counts do not match" in problem for problem in phase.problems)


def _outbox_file(folder, name, *message_ids):
    # As Django's file backend writes a connection's messages.
    parts = []
    for message_id in message_ids:
        message = EmailMessage("Hello", "Text.", "site@example.com", ["a@example.com"])
        message.extra_headers["Message-ID"] = message_id
        parts.append(message.message().as_string() + "\n" + "-" * 79 + "\n")
    (folder / name).write_text("".join(parts))


def test_emails_sent_twice_or_unrecorded_fail(load, tmp_path):
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    SentEmail.objects.create(key="task-1:1", kind="staff", sent_at=timezone.now())
    SentEmail.objects.create(key="task-2:1", kind="staff", sent_at=timezone.now())
    _outbox_file(outbox, "one.log", "<task-1:1@example.com>", "<task-1:1@example.com>")
    phase = load.Phase("e-mails")

    load.check_emails(phase, outbox)

    assert any("sent twice" in problem for problem in phase.problems)
    assert any("1 recorded e-mails are not in the outbox" in problem for problem in phase.problems)


def test_emails_stored_and_never_sent_or_kept_after_sending_fail(load, tmp_path):
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    SentEmail.objects.create(key="task-1:1", kind="staff", sent_at=timezone.now(), message=b"To: a@example.com")
    SentEmail.objects.create(key="task-2:1", kind="staff", message=b"To: b@example.com")
    _outbox_file(outbox, "one.log", "<task-1:1@example.com>")
    phase = load.Phase("e-mails")

    load.check_emails(phase, outbox)

    assert sorted(phase.problems) == [
        "1 e-mails were stored and never sent",
        "1 sent e-mails still have their message stored",
    ]


def test_each_recorded_email_once_passes(load, tmp_path):
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    SentEmail.objects.create(key="task-1:1", kind="staff", sent_at=timezone.now())
    SentEmail.objects.create(key="task-2:1", kind="staff", sent_at=timezone.now())
    _outbox_file(outbox, "one.log", "<task-1:1@example.com>")
    _outbox_file(outbox, "two.log", "<task-2:1@example.com>")
    phase = load.Phase("e-mails")

    load.check_emails(phase, outbox)

    assert phase.passed, phase.problems


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_task_scheduled_for_later_is_not_waited_for(load, db_queue):
    # A reminder due tomorrow stays in the queue after the load, and rightly so.
    send_numbered.using(run_after=timezone.now() + timedelta(days=1)).enqueue(1)
    phase = load.Phase("e-mails")

    load.drain_queue(phase, 0)

    assert phase.passed, phase.problems


def test_a_due_task_left_in_the_queue_fails(load, db_queue):
    send_numbered.using(run_after=timezone.now() + timedelta(days=1)).enqueue(1)
    send_numbered.enqueue(2)  # due now, and no worker runs it
    phase = load.Phase("e-mails")

    load.drain_queue(phase, 0)

    assert phase.problems == ["1 due tasks still queued or running and 0 stored e-mails not sent 0 s after the load"]


def test_a_stored_email_left_unsent_is_waited_for(load):
    SentEmail.objects.create(key="task-1:1", kind="staff", message=b"To: a@example.com")
    phase = load.Phase("e-mails")

    load.drain_queue(phase, 0)

    assert phase.problems == ["0 due tasks still queued or running and 1 stored e-mails not sent 0 s after the load"]
