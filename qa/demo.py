"""Demo questions and answers for seed_demo, through the services members use:
asked (held first questions approved by the moderator), answered, accepted and
voted helpful, so every counter is the services' own. Only the dates are set
afterwards, to spread the demo over the past weeks. Idempotent: a question is
looked up by its title. The words are data (home/demo/questions.yaml)."""

import datetime

from django.utils import timezone

from . import services
from .models import Answer, Question, Status


def _at(today, days_ago, hour=10):
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(hour, 0))
    return timezone.make_aware(moment, datetime.UTC)


def build_demo_questions(*, questions, members, specialists_users, moderator, topics, today):
    """Create the demo questions that are missing and return them all.

    questions: dicts (title, body, topic, anonymous, days_ago, answers: dicts of
    specialist, body, accepted, helpful_votes), topic and specialist being
    indexes into `topics` and `specialists_users`; members: askers and voters
    (at least one, each with a verified e-mail); specialists_users: verified
    specialists (at least one); moderator: approves held questions."""
    members, specialists_users, topics = list(members), list(specialists_users), list(topics)
    built = []
    for number, spec in enumerate(questions):
        question = Question.objects.filter(title=spec["title"]).first()
        if question is None:
            question = _ask(spec, asker=members[number % len(members)], moderator=moderator, topics=topics, today=today)
            _answer(question, spec, members=members, specialists_users=specialists_users, today=today)
        built.append(question)
    return built


def _ask(spec, *, asker, moderator, topics, today):
    question = services.question_create(
        author=asker,
        title=spec["title"],
        body=spec["body"],
        topic=topics[spec["topic"] % len(topics)] if topics else None,
        anonymous=spec["anonymous"],
    )
    if question.status == Status.PENDING:  # a member's first question is read first
        services.question_approve(question=question, by=moderator)
    # Dated in the past at once, so the daily limit counts only today's questions.
    asked_at = _at(today, spec["days_ago"])
    Question.objects.filter(pk=question.pk).update(created_at=asked_at, updated_at=asked_at, published_at=asked_at)
    question.refresh_from_db()
    return question


def _answer(question, spec, *, members, specialists_users, today):
    for position, answer_spec in enumerate(spec["answers"]):
        specialist = specialists_users[answer_spec["specialist"] % len(specialists_users)]
        if specialist.pk == question.author_id:
            continue
        answer = services.answer_create(question=question, author=specialist, body=answer_spec["body"])
        answered_at = _at(today, spec["days_ago"], hour=12 + position) if spec["days_ago"] else question.created_at
        Answer.objects.filter(pk=answer.pk).update(created_at=answered_at, updated_at=answered_at)
        voters = [member for member in members if member.pk not in (question.author_id, specialist.pk)]
        for voter in voters[: answer_spec["helpful_votes"]]:
            services.answer_vote_helpful(answer=answer, by=voter)
        if answer_spec["accepted"]:
            services.answer_accept(answer=answer, by=question.author)
