"""Background work for Q&A, through Django's task interface, enqueued after
commit by qa.services: the search entry of a question, and the e-mails
(through the site's one e-mail module, core.mail; subjects never carry the
question's text)."""

from django.utils.translation import gettext as _
from django_tasks import task

from core import mail

from .tokens import question_mute_token

_absolute = mail.absolute_url


@task()
def question_index_update(*, question_id):
    """The search entry of one question: added or refreshed while it is
    listed (with its published answers), removed otherwise (pending again
    after reports, rejected, deleted). Wagtail's public index API, so any
    search backend follows."""
    from wagtail.search import index

    from .models import Question

    question = Question.get_indexed_objects().filter(pk=question_id).first()
    if question is not None:
        index.insert_or_update_object(question)
        return True
    index.remove_object(Question(pk=question_id))
    return False


@task()
def send_answer_notification(*, answer_id):
    """Tell the asker a specialist answered, unless they opted out (for this
    question, or for all answers in their preferences)."""
    from .models import Answer, QuestionIndexPage

    answer = Answer.objects.select_related("question__author", "author").filter(pk=answer_id).first()
    if answer is None:
        return False
    question = answer.question
    asker = question.author
    if asker is None or not question.notify_answers:
        return False  # the "answers" preference and an inactive account: core.mail
    mute_path = QuestionIndexPage.url_for("mute", question.pk, question_mute_token(question))
    body = _(
        "Hello %(name)s,\n\n"
        "A specialist has answered the question you asked on Steady Ground. Read it here:\n"
        "%(url)s\n\n"
        "If an answer helps, you can mark it as accepted so others find it first.\n\n"
        "To stop e-mails about answers to this question only:\n%(mute_url)s\n"
    ) % {
        "name": asker.display_name,
        "url": _absolute(answer.get_absolute_url()),
        "mute_url": _absolute(mute_path),
    }
    return mail.deliver(kind="answers", user=asker, subject=_("A specialist answered your question"), text=body)


@task()
def send_moderation_decision(*, kind, object_id, decision, reason, was="pending"):
    """Tell the author of a question or answer what a moderator decided, in
    words that fit where the post stood (`was`: see core.decisions)."""
    from core.decisions import decision_email, decision_outcome

    from .models import Answer, Question

    model = Question if kind == "question" else Answer
    item = model.objects.select_related("author").filter(pk=object_id).first()
    if item is None or item.author is None:
        return False
    question = item if kind == "question" else item.question
    url = item.get_absolute_url()
    subject, body = decision_email(
        kind=kind,
        outcome=decision_outcome(decision=decision, was=was),
        name=question.title,
        url=_absolute(url),
        reason=reason,
        recipient=item.author.display_name,
    )
    return mail.deliver(kind="moderation", user=item.author, subject=subject, text=body)
