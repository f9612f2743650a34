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
def send_moderation_decision(*, kind, object_id, decision, reason):
    """Tell the author of a question or answer what a moderator decided."""
    from .models import Answer, Question

    model = Question if kind == "question" else Answer
    item = model.objects.select_related("author").filter(pk=object_id).first()
    if item is None or item.author is None or not item.author.is_active:
        return False
    question = item if kind == "question" else item.question
    if decision == "approved":
        subject = _("Your question is published") if kind == "question" else _("Your answer is published")
        opening = _("A moderator has published your post. You can see it here:\n%(url)s") % {
            "url": _absolute(question.get_absolute_url())
        }
    else:
        subject = _("About your question") if kind == "question" else _("About your answer")
        opening = _("A moderator has taken your post off the site.")
    body = _("Hello %(name)s,\n\n%(opening)s\n\n%(reason)s\n\nThe Steady Ground team\n") % {
        "name": item.author.display_name,
        "opening": opening,
        "reason": (_("The moderator's note:\n%(reason)s") % {"reason": reason}) if reason else "",
    }
    EmailMessage(subject=subject, body=body, to=[item.author.email]).send()
    return True
