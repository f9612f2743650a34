"""Receivers that call services; no rules here."""

from django_comments_xtd.models import XtdComment

from core import page_cache

from .comments import article_urls

# A comment saved or deleted (posted, edited in the admin, removed with its
# thread): readers' copies of its article and the listings go.
page_cache.watch(XtdComment, urls=lambda comment: article_urls(comment.object_pk))
