"""Reads for articles that must stay at a fixed number of queries."""

from django.db.models import Count, Prefetch

from core.models import Topic

from .models import ArticlePage

RELATED_LIMIT = 3


def article_cards(articles):
    """Articles ready for a list of cards: author, image and topics in a fixed
    number of queries whatever the number of articles."""
    return articles.select_related("author", "hero_image").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("name", "slug"))
    )


def related_articles(article, limit=RELATED_LIMIT):
    """Live articles sharing the most topics with `article`, newest first."""
    topic_ids = [topic.pk for topic in article.topics.all()]
    if not topic_ids:
        return ArticlePage.objects.none()
    return (
        ArticlePage.objects.live()
        .public()
        .exclude(pk=article.pk)
        .filter(topics__in=topic_ids)
        .annotate(shared=Count("topics"))
        .order_by("-shared", "-published_date", "-pk")
        .select_related("hero_image", "author")[:limit]
    )
