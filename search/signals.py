"""Receivers that keep the search index in step; no rules here."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from articles.models import ArticlePage
from specialists.models import SpecialistPage


@receiver(page_published, dispatch_uid="search_page_published")
def page_published_reindexed(sender, instance, **kwargs):
    """Index an article or a specialist again once it is published.

    Wagtail indexes a page on post_save, which runs before the page's
    many-to-many choices (topics, approaches, languages) are stored with it:
    without this, a page is found by the topics it had before. After commit,
    through the task interface, like Wagtail's own index updates."""
    if not isinstance(instance, ArticlePage | SpecialistPage):
        return
    meta = instance._meta
    pk = str(instance.pk)
    transaction.on_commit(lambda: insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, pk))
