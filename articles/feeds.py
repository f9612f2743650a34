import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.http import site_url
from core.validators import xml_safe

from .models import ArticlePage

FEED_ITEMS = 30


class ArticleFeed(Feed):
    """RSS 2.0 of the newest live, public articles of an article index,
    newest first. Served by the index page (its feed/ route)."""

    feed_type = Rss201rev2Feed
    title = _("Steady Ground: expert articles")
    description = _("New articles by named, verified specialists.")

    def get_object(self, request, *, index):
        # The request and the index are the feed's "object", so URLs come
        # from the request's site (nothing is stored on the Feed instance).
        return request, index

    # Absolute URLs from the request's host: Django's feed would otherwise
    # prefix relative ones with the django.contrib.sites domain (example.com).
    def link(self, obj):
        request, index = obj
        return index.get_full_url(request)

    def feed_url(self, obj):
        request, _index = obj
        return site_url(request.path, request)

    def items(self, obj):
        request, index = obj
        articles = list(
            ArticlePage.objects.child_of(index)
            .live()
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

    # RSS readers show a description as HTML: the summary is plain text, so it
    # is HTML-escaped before the feed's own XML escaping ("<b>" in a summary
    # reads as "<b>", never as markup or a script in someone's reader).
    def item_description(self, item):
        return escape(xml_safe(item.summary))

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
