"""Writes on Q&A that have rules or side effects.

Every function is keyword-only and named <thing>_<action>. Counters on the
question (answer_count, accepted_answer) and the answer (helpful_count) are
kept here, so the pages read them without counting."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.crisis import crisis_check
from core.crisis.alerts import crisis_alert_enqueue
from core.guards import DAY, LimitReached, MemberError, NotAllowed, count_since, first_since, user_row_lock
from core.page_cache import content_changed

from . import tasks
from .models import Answer, AnswerVote, Question, Report, Status
from .permissions import member_can_answer, member_can_ask

DUPLICATE_WINDOW = timedelta(minutes=10)


class QuestionLimitReached(LimitReached):
    message = _(
        "You have asked %(limit)s questions today, which is the daily limit. "
        "Your text is kept below: please post it tomorrow."
    )


class AlreadyAnswered(MemberError):
    message = _("You have already answered this question. You can edit your answer instead.")


# Rules ---------------------------------------------------------------------


def questions_per_day():
    return settings.QA_QUESTIONS_PER_DAY


def question_needs_review(*, user):
    """A member's first question is read by a person before it is published."""
    return not Question.objects.filter(author=user, status__in=[Status.PUBLISHED, Status.CLOSED]).exists()


# Questions -----------------------------------------------------------------


def question_create(*, author, title, body, topic=None, anonymous=True):
    """Ask a question. Returns the question; a double submit returns the one
    the first submit made. Urgent ones (the crisis detector matched; on-call moderators
    are alerted) and first questions wait for
    review; others are published at once."""
    title = " ".join(title.split())
    body = body.strip()
    with transaction.atomic():
        user_row_lock(author)
        if not member_can_ask(user=author):
            raise NotAllowed(_("Only members with a verified e-mail address can ask questions."))
        theirs = Question.objects.filter(author=author)
        duplicate = first_since(theirs.filter(title=title, body=body), window=DUPLICATE_WINDOW)
        if duplicate is not None:
            return duplicate
        limit = questions_per_day()
        if count_since(theirs, window=DAY) >= limit:
            raise QuestionLimitReached(limit)
        match = crisis_check(title, body)
        urgent = match is not None
        held = urgent or question_needs_review(user=author)
        question = Question.objects.create(
            author=author,
            title=title,
            body=body,
            topic=topic,
            anonymous=anonymous,
            urgent=urgent,
            crisis_match=str(match)[:300] if urgent else "",
            status=Status.PENDING if held else Status.PUBLISHED,
            published_at=None if held else timezone.now(),
        )
        # No user on this entry: the history must not say who asked an anonymous question.
        log(instance=question, action="qa.ask", user=None, data={"held": held})
        if urgent:
            crisis_alert_enqueue(kind="question", object_id=question.pk)
    return question


def question_approve(*, question, by, reason=""):
    """Publish a held or reported question. The author is told."""
    with transaction.atomic():
        was = _previous_state(Question, question)
        Question.objects.filter(pk=question.pk).update(
            status=Status.PUBLISHED,
            reported=False,
            moderation_reason=reason,
            published_at=question.published_at or timezone.now(),
            updated_at=timezone.now(),
        )
        question.refresh_from_db()
        question_index_refresh(question_id=question.pk)
        log(instance=question, action="qa.approve", user=by, data={"reason": reason})
        _tell_author(kind="question", pk=question.pk, decision="approved", reason=reason, was=was)
    return question


def question_reject(*, question, by, reason):
    """Reject a held question or take a published one off the site, saying
    why. The author is told which of the two happened."""
    with transaction.atomic():
        was = _previous_state(Question, question)
        Question.objects.filter(pk=question.pk).update(
            status=Status.REJECTED, reported=False, moderation_reason=reason, updated_at=timezone.now()
        )
        question.refresh_from_db()
        question_index_refresh(question_id=question.pk)
        log(instance=question, action="qa.reject", user=by, data={"reason": reason})
        _tell_author(kind="question", pk=question.pk, decision="rejected", reason=reason, was=was)
    return question


def question_mute(*, question):
    """Stop e-mails about new answers to `question` (the link in each e-mail)."""
    Question.objects.filter(pk=question.pk).update(notify_answers=False)
    question.notify_answers = False
    return question


def question_index_refresh(*, question_id):
    """Bring the question's search entry up to date once the transaction
    commits (through the task interface): its text with its published answers
    while it is listed, no entry otherwise. Readers' kept copies of its page
    and of the listings go too (core.page_cache). Called wherever a question
    or one of its answers changes (many of those writes are `update()`s,
    which send no signals)."""
    transaction.on_commit(lambda: tasks.question_index_update.enqueue(question_id=question_id))
    content_changed(urls=lambda: _question_urls(question_id))


def _question_urls(question_id):
    question = Question.objects.filter(pk=question_id).only("pk", "slug").first()
    return [question.get_absolute_url()] if question is not None else []


def question_refresh_counters(*, question_id):
    """Recount published answers and drop an accepted answer that is no longer
    published. Used after deletions and moderation; the search entry follows."""
    question_index_refresh(question_id=question_id)
    question = Question.objects.filter(pk=question_id).first()
    if question is None:
        return
    published = Answer.objects.filter(question_id=question_id, status=Status.PUBLISHED)
    changes = {"answer_count": published.count()}
    if question.accepted_answer_id and not published.filter(pk=question.accepted_answer_id).exists():
        changes["accepted_answer"] = None
    Question.objects.filter(pk=question_id).update(**changes)


# Answers -------------------------------------------------------------------


def answer_create(*, question, author, body):
    """A verified specialist answers an open question, once. The asker is told
    by e-mail after commit (unless they opted out)."""
    body = body.strip()
    with transaction.atomic():
        user_row_lock(author)
        question = Question.objects.select_for_update().get(pk=question.pk)
        if not member_can_answer(user=author, question=question):
            raise NotAllowed(_("Only verified specialists can answer open questions."))
        existing = Answer.objects.filter(question=question, author=author).first()
        if existing is not None:
            if existing.body == body:
                return existing  # a double submit
            raise AlreadyAnswered()
        try:
            with transaction.atomic():
                answer = Answer.objects.create(question=question, author=author, body=body)
        except IntegrityError as error:
            raise AlreadyAnswered() from error
        Question.objects.filter(pk=question.pk).update(answer_count=F("answer_count") + 1)
        question_index_refresh(question_id=question.pk)
        log(instance=answer, action="qa.answer", user=author)
        transaction.on_commit(lambda: tasks.send_answer_notification.enqueue(answer_id=answer.pk))
    return answer


def answer_update(*, answer, by, body):
    if answer.author_id != by.pk:
        raise NotAllowed()
    answer.body = body.strip()
    answer.save(update_fields=["body", "updated_at"])
    question_index_refresh(question_id=answer.question_id)
    log(instance=answer, action="wagtail.edit", user=by)
    return answer


def answer_accept(*, answer, by):
    """The asker marks `answer` as the one that helped most; choosing another
    later replaces it."""
    question = answer.question
    if question.author_id is None or question.author_id != by.pk:
        raise NotAllowed(_("Only the person who asked can accept an answer."))
    if answer.status != Status.PUBLISHED or not question.is_public:
        raise NotAllowed()
    Question.objects.filter(pk=question.pk).update(accepted_answer=answer)
    question.accepted_answer = answer
    content_changed(urls=[question.get_absolute_url()])
    return answer


def answer_vote_helpful(*, answer, by):
    """`by` found `answer` helpful. Voting twice counts once; never one's own."""
    if answer.author_id == by.pk or answer.status != Status.PUBLISHED:
        raise NotAllowed(_("You cannot mark this answer as helpful."))
    with transaction.atomic():
        _vote, created = AnswerVote.objects.get_or_create(answer=answer, user=by)
        if created:
            Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") + 1)
            content_changed(urls=[answer.question.get_absolute_url()])
    return created


def answer_approve(*, answer, by, reason=""):
    with transaction.atomic():
        was = _previous_state(Answer, answer)
        Answer.objects.filter(pk=answer.pk).update(status=Status.PUBLISHED, reported=False, moderation_reason=reason)
        question_refresh_counters(question_id=answer.question_id)
        answer.refresh_from_db()
        log(instance=answer, action="qa.approve", user=by, data={"reason": reason})
        _tell_author(kind="answer", pk=answer.pk, decision="approved", reason=reason, was=was)
    return answer


def answer_reject(*, answer, by, reason):
    with transaction.atomic():
        was = _previous_state(Answer, answer)
        Answer.objects.filter(pk=answer.pk).update(status=Status.REJECTED, reported=False, moderation_reason=reason)
        question_refresh_counters(question_id=answer.question_id)
        answer.refresh_from_db()
        log(instance=answer, action="qa.reject", user=by, data={"reason": reason})
        _tell_author(kind="answer", pk=answer.pk, decision="rejected", reason=reason, was=was)
    return answer


def _previous_state(model, item):
    """What readers could see of `item` before a decision, read under a lock:
    "published" (it was on the site), "hidden" (published, then hidden after
    reports) or "pending" (never published)."""
    row = model.objects.select_for_update().filter(pk=item.pk).values("status", "reported").first() or {}
    if row.get("status") in (Status.PUBLISHED, Status.CLOSED):
        return "published"
    if row.get("reported"):
        return "hidden"
    if row.get("status") == Status.REJECTED:
        return "rejected"
    return "pending"


def _tell_author(*, kind, pk, decision, reason, was):
    transaction.on_commit(
        lambda: tasks.send_moderation_decision.enqueue(
            kind=kind, object_id=pk, decision=decision, reason=reason, was=was
        )
    )


# Reports -------------------------------------------------------------------


def report_create(*, by, reason, note="", question=None, answer=None):
    """`by` reports a question or an answer, once. At QA_REPORTS_TO_HIDE
    reports from different members the item is hidden until a moderator
    decides. Returns True for a new report."""
    if (question is None) == (answer is None):
        raise ValueError("Report exactly one of question or answer.")
    target = question or answer
    model = type(target)
    with transaction.atomic():
        target = model.objects.select_for_update().get(pk=target.pk)
        own = target.author_id == by.pk
        if own or target.status != Status.PUBLISHED:
            raise NotAllowed(_("You cannot report this."))
        _report, created = Report.objects.get_or_create(
            reporter=by,
            question=question,
            answer=answer,
            defaults={"reason": reason, "note": note.strip()},
        )
        if created and target.reports.count() >= settings.QA_REPORTS_TO_HIDE:
            model.objects.filter(pk=target.pk).update(status=Status.PENDING, reported=True)
            if answer is not None:
                question_refresh_counters(question_id=answer.question_id)
            else:
                question_index_refresh(question_id=target.pk)
            log(instance=target, action="qa.hidden", user=None, data={"reports": target.reports.count()})
    return created


# Erasing a member ----------------------------------------------------------


def member_erase(*, user):
    """What Q&A holds of `user`, removed when they delete their account
    (through the registry in accounts.member_data, inside its transaction).

    Questions a specialist answered stay, signed "Deleted member", so the
    answers still read; the rest go, with their history. The member's own
    answers, helpful votes and reports go too, and every counter they were
    part of (answer counts, accepted answers, helpful counts) is recounted."""
    from core.history import history_forget

    questions = Question.objects.filter(author=user)
    unanswered = list(questions.filter(answers__isnull=True).values_list("pk", flat=True))
    answers = Answer.objects.filter(author=user)
    answer_pks = list(answers.values_list("pk", flat=True))
    answered_questions = set(answers.values_list("question_id", flat=True))
    voted_answers = set(AnswerVote.objects.filter(user=user).values_list("answer_id", flat=True))

    history_forget(model=Question, pks=unanswered)
    history_forget(model=Answer, pks=answer_pks)
    Question.objects.filter(pk__in=unanswered).delete()
    questions.update(author=None)
    Report.objects.filter(reporter=user).delete()
    AnswerVote.objects.filter(user=user).delete()
    answers.delete()
    for question_id in answered_questions:
        question_refresh_counters(question_id=question_id)
    for answer in Answer.objects.filter(pk__in=voted_answers):
        Answer.objects.filter(pk=answer.pk).update(helpful_count=answer.votes.count())
