"""E-mails for Q&A, through Django's task interface. Enqueued after commit by
qa.services. Subjects never carry the question's text."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_answer_notification(*, answer_id):
    """Tell the asker a specialist answered, unless they opted out (for this
    question, or for all answers in their preferences)."""
    from .models import Answer
    from .services import question_mute_token

    answer = Answer.objects.select_related("question__author", "author").filter(pk=answer_id).first()
    if answer is None:
        return False
    question = answer.question
    asker = question.author
    if asker is None or not asker.is_active or not asker.notify_answers or not question.notify_answers:
        return False
    mute_path = reverse("qa:mute", kwargs={"pk": question.pk, "token": question_mute_token(question)})
    body = _(
        "Hello %(name)s,\n\n"
        "A specialist has answered the question you asked on Steady Ground. Read it here:\n"
        "%(url)s\n\n"
        "If an answer helps, you can mark it as accepted so others find it first.\n\n"
        "To stop e-mails about answers to this question:\n%(mute_url)s\n\n"
        "You can turn off all answer e-mails in your account preferences.\n"
    ) % {
        "name": asker.display_name,
        "url": _absolute(answer.get_absolute_url()),
        "mute_url": _absolute(mute_path),
    }
    EmailMessage(subject=_("A specialist answered your question"), body=body, to=[asker.email]).send()
    return True


@task()
def send_moderation_decision(*, kind, object_id, decision, reason, was="pending"):
    """Tell the author of a question or answer what a moderator decided, in
    words that fit where the post stood (`was`: see core.decisions)."""
    from core.decisions import decision_email, decision_outcome

    from .models import Answer, Question

    model = Question if kind == "question" else Answer
    item = model.objects.select_related("author").filter(pk=object_id).first()
    if item is None or item.author is None or not item.author.is_active:
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
    EmailMessage(subject=subject, body=body, to=[item.author.email]).send()
    return True
