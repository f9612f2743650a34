"""Receivers that call services; no rules here."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site

from core import shared_cache

from .models import Answer, Question, QuestionIndexPage


@receiver(post_delete, sender=Answer, dispatch_uid="qa_answer_deleted")
def answer_deleted(sender, instance, **kwargs):
    """An answer went (deleted in the admin, or with its specialist's
    account): recount its question once the deletion is committed."""
    from .services import question_refresh_counters

    question_id = instance.question_id
    transaction.on_commit(lambda: question_refresh_counters(question_id=question_id))


@receiver(post_save, sender=Question, dispatch_uid="qa_question_saved")
@receiver(post_delete, sender=Question, dispatch_uid="qa_question_deleted")
@receiver(post_save, sender=Answer, dispatch_uid="qa_answer_saved")
def question_changed(sender, instance, raw=False, **kwargs):
    """A question or an answer saved (by a service, a factory or the admin's
    edit form), or a question deleted: the question's search entry follows
    after commit. Question.search_auto_update is off, so pending, rejected
    and hidden questions and answers never reach the index."""
    if raw:
        return
    from .services import question_index_refresh

    question_index_refresh(question_id=instance.question_id if sender is Answer else instance.pk)


@receiver(post_save, dispatch_uid="qa_page_saved")
@receiver(post_delete, dispatch_uid="qa_page_deleted")
def page_or_site_changed(sender, instance, **kwargs):
    """A page or a site changed (published, renamed, moved, deleted): the
    questions page's address may have too. Forget it now and once committed."""
    if isinstance(instance, (Page, Site)):
        QuestionIndexPage.forget_url()
        transaction.on_commit(QuestionIndexPage.forget_url)


# A change while the shared cache was away could not make it forget.
shared_cache.after_outage(QuestionIndexPage.forget_url)
