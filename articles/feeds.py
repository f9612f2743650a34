import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from core.validators import xml_safe

from .models import ArticleIndexPage, ArticlePage

FEED_ITEMS = 30


class ArticleFeed(Feed):
    """RSS 2.0 of the newest live, public articles, newest first."""

    feed_type = Rss201rev2Feed
    title = _("Steady Ground: expert articles")
    description = _("New articles by named, verified specialists.")

    def get_object(self, request, *args, **kwargs):
        # The request is the feed's "object", so URLs come from its site lookup
        # (the Feed instance is shared between requests: nothing is stored on it).
        return request

    # Absolute URLs from the request's host: Django's feed would otherwise
    # prefix relative ones with the django.contrib.sites domain (example.com).
    def link(self, request):
        index = ArticleIndexPage.objects.live().first()
        return (index.get_full_url(request) if index else None) or request.build_absolute_uri("/")

    def feed_url(self, request):
        return request.build_absolute_uri(request.path)

    def items(self, request):
        articles = list(
            ArticlePage.objects.live()
            .public()
            .select_related("author")
            .order_by("-published_date", "-first_published_at", "-pk")[:FEED_ITEMS]
        )
        for article in articles:
            article.feed_link = article.get_full_url(request)
        # Same days as the query's order; within a day, by the time shown.
        articles.sort(key=self.item_pubdate, reverse=True)
        return articles

    # Forms refuse control characters, but XML 1.0 cannot carry them at all:
    # one typed into the admin must not turn the whole feed into an error.
    def item_title(self, item):
        return xml_safe(item.title)

    def item_description(self, item):
        return xml_safe(item.summary)

    def item_link(self, item):
        return item.feed_link

    def item_author_name(self, item):
        return xml_safe(item.author.title) if item.author else None

    def item_pubdate(self, item):
        # The date readers see on the article. When it was first published on
        # that day, keep the time too; otherwise (backdated) use the day's start.
        published = item.first_published_at
        if published and timezone.localdate(published) == item.published_date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.published_date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at
