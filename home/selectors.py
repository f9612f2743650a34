from django.db.models import Prefetch

from articles.models import ArticlePage
from articles.selectors import article_cards
from core.models import Topic
from specialists.models import SpecialistPage

LATEST_ARTICLES = 6
FEATURED_SPECIALISTS = 4


def home_sections(home):
    """Everything the home page lists, in a fixed number of queries."""
    featured = list(
        article_cards(ArticlePage.objects.live().public().filter(pk__in=home.featured_articles.values("article_id")))
    )
    order = {fa.article_id: fa.sort_order for fa in home.featured_articles.all()}
    featured.sort(key=lambda article: order.get(article.pk, 0))
    featured_ids = [article.pk for article in featured]
    latest = article_cards(
        ArticlePage.objects.live().public().exclude(pk__in=featured_ids).order_by("-published_date", "-pk")
    )[:LATEST_ARTICLES]
    specialists = (
        SpecialistPage.objects.live()
        .public()
        .select_related("photo")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.only("name", "slug")))
        .order_by("-offers_free_consultation", "title")[:FEATURED_SPECIALISTS]
    )
    return {
        "featured_articles": featured,
        "latest_articles": latest,
        "featured_specialists": specialists,
        "topics": Topic.objects.all(),
    }
