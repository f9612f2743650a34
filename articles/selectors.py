"""Reads for articles that must stay at a fixed number of queries."""

from django.db.models import Count
from wagtail.images import get_image_model

from specialists.models import SpecialistPage

from .models import ArticlePage

RELATED_LIMIT = 3


def article_cards(articles):
    """Articles ready for a list of cards: author, hero image and the image's
    renditions in a fixed number of queries whatever the number of articles."""
    return articles.select_related("author", "hero_image").prefetch_related("hero_image__renditions")


def related_articles(article, topics, limit=RELATED_LIMIT):
    """Live, public articles sharing the most of `topics` with `article`,
    newest first; never the article itself."""
    topic_ids = [topic.pk for topic in topics]
    if not topic_ids:
        return []
    return list(
        article_cards(
            ArticlePage.objects.live()
            .public()
            .exclude(pk=article.pk)
            .filter(topics__in=topic_ids)
            .annotate(shared=Count("topics"))
            .order_by("-shared", "-published_date", "-pk")
        )[:limit]
    )


def attach_article_relations(article):
    """Load the article's author and reviewer (each with photo and renditions)
    and its images (with renditions) in a fixed number of queries, and attach
    them to `article` so templates and JSON-LD reuse them.

    Works from the ids on the instance, so a preview of unsaved changes shows
    the chosen people and images, not the ones stored in the database."""
    people = {"author": article.author_id, "reviewer": article.reviewer_id}
    if any(people.values()):
        found = (
            SpecialistPage.objects.select_related("photo")
            .prefetch_related("photo__renditions")
            .in_bulk({pk for pk in people.values() if pk})
        )
        _attach(article, people, found)
    images = {"hero_image": article.hero_image_id, "social_image": article.social_image_id}
    if any(images.values()):
        found = get_image_model().objects.prefetch_related("renditions").in_bulk({pk for pk in images.values() if pk})
        _attach(article, images, found)


def _attach(article, ids_by_field, found):
    for field, pk in ids_by_field.items():
        if pk in found:
            setattr(article, field, found[pk])


def article_page_context(article, request):
    """Everything the article page shows besides its own fields."""
    from .structured_data import article_json_ld

    attach_article_relations(article)
    topics = list(article.topics.all())
    parent = article.get_parent()
    return {
        "topics": topics,
        "tags": list(article.tags.all()),
        "article_index_url": parent.get_url(request) if parent else None,
        "related_articles": related_articles(article, topics),
        "page_json_ld": article_json_ld(article, request, topics=topics),
    }
