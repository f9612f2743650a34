from articles.models import ArticlePage
from core.models import Topic
from core.renditions import prefetch_renditions
from qa.selectors import latest_answered_questions
from specialists.models import SpecialistPage

LATEST_ARTICLES = 6
LATEST_QUESTIONS = 5
FEATURED_SPECIALISTS = 4


def home_sections(home):
    """Everything the home page lists, in a fixed number of queries."""
    # Read the featured rows once, through the relation, so a preview shows the
    # editor's unsaved choice and a published page costs one query.
    order = {}
    for position, featured_article in enumerate(home.featured_articles.all()):
        order.setdefault(featured_article.article_id, position)
    # Private sections are looked up once, for all three lists.
    private = ArticlePage.objects.private_q()
    articles = ArticlePage.objects.live().exclude(private).cards(renditions=False)
    featured = sorted(articles.filter(pk__in=list(order)), key=lambda article: order[article.pk])
    latest = list(articles.exclude(pk__in=list(order)).newest_first()[:LATEST_ARTICLES])
    # Verified specialists only, free consultations first, as in the directory.
    specialists = list(
        SpecialistPage.objects.live()
        .exclude(private)
        .verified()
        .featured_first()
        .cards(renditions=False)[:FEATURED_SPECIALISTS]
    )
    # The three lists' images: their renditions in one query.
    prefetch_renditions(
        [article.hero_image for article in featured + latest] + [specialist.photo for specialist in specialists]
    )
    return {
        "featured_articles": featured,
        "latest_articles": latest,
        "featured_specialists": specialists,
        "latest_questions": latest_answered_questions(limit=LATEST_QUESTIONS),
        "topics": Topic.objects.all(),
    }
