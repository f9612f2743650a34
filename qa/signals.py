"""Receivers that call services; no rules here."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Answer


@receiver(post_delete, sender=Answer, dispatch_uid="qa_answer_deleted")
def answer_deleted(sender, instance, **kwargs):
    """An answer went (deleted in the admin, or with its specialist's
    account): recount its question once the deletion is committed."""
    from .services import question_refresh_counters

    question_id = instance.question_id
    transaction.on_commit(lambda: question_refresh_counters(question_id=question_id))
