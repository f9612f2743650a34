from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .models import ArticlePage

FEED_ITEMS = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("Steady Ground: expert articles")
    description = _("New articles by named, verified specialists.")

    def link(self):
        from .models import ArticleIndexPage

        index = ArticleIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return (
            ArticlePage.objects.live().public().select_related("author").order_by("-published_date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_author_name(self, item):
        return item.author.title if item.author else None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
