from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import StoryBlock
from core.fragments import Fragments
from core.models import SeoMixin, SitePageQuerySet, Topic, route_slugs
from core.page_cache import cache_for_readers
from core.renditions import prefetch_renditions, stream_images
from core.text import reading_minutes, table_of_contents
from specialists.models import SpecialistPage

from .structured_data import article_json_ld

ARTICLES_PER_PAGE = 12
RELATED_LIMIT = 3


class ArticleIndexPage(RoutablePageMixin, SeoMixin, Page):
    """All articles at /articles/, newest first, filterable by topic; their
    RSS feed at feed/."""

    canonical_query_keys = ("topic", "page")

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoMixin.section_panels
    show_in_menus_default = True
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("article index")

    def get_context(self, request, *args, **kwargs):
        cache_for_readers(request, query_keys=self.canonical_query_keys)
        context = super().get_context(request, *args, **kwargs)
        topic_slug = request.GET.get("topic", "").strip()
        articles = ArticlePage.objects.child_of(self).live().public()
        topic = None
        if topic_slug:
            # Only a well-formed slug reaches the database (NUL is an error there).
            topic = Topic.objects.filter(slug=topic_slug).first() if Topic.is_slug(topic_slug) else None
            articles = articles.filter(topics=topic) if topic else articles.none()
        # get_page: a page number that is not a number gives page 1, one past the end the last page.
        page_obj = Paginator(articles.cards().newest_first(), ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            articles=page_obj.object_list,
            page_obj=page_obj,
            topics=Topic.objects.all(),
            topic=topic,
            topic_slug=topic_slug,
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed()(request, index=self)


class ArticlePageQuerySet(SitePageQuerySet):
    def cards(self, *, renditions=True):
        """Ready for a list of cards: author, hero image and the image's
        renditions in a fixed number of queries whatever the number of articles.
        The body stays in the database: a card never shows it. A page showing
        several lists asks for `renditions=False` and reads all of their
        images' renditions in one query (core.renditions.prefetch_renditions)."""
        cards = self.select_related("author", "hero_image").defer("body")
        return cards.prefetch_related("hero_image__renditions") if renditions else cards

    def newest_first(self):
        return self.order_by("-published_date", "-pk")

    def related_to(self, article, topics, *, limit, renditions=True):
        """The `limit` live, public articles sharing the most of `topics`
        with `article`, newest first; never the article itself."""
        # Ranked on ids alone in a subquery (each candidate's shared topics
        # counted by the through table's index), then only those are loaded
        # as cards: grouping or joining every candidate with its author and
        # body took 40-100 ms at 500 articles.
        topic_ids = [topic.pk for topic in topics]
        through = ArticlePage.topics.through
        shared = (
            through.objects.filter(articlepage_id=OuterRef("pk"), topic_id__in=topic_ids)
            .values("articlepage_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        ranked = (
            ArticlePage.objects.live()
            .public()
            .exclude(pk=article.pk)
            .filter(pk__in=Subquery(through.objects.filter(topic_id__in=topic_ids).values("articlepage_id")))
            .annotate(shared=Subquery(shared))
            .order_by("-shared", "-published_date", "-pk")
            .values("pk")[:limit]
        )
        return (
            self.filter(pk__in=Subquery(ranked))
            .annotate(shared=Subquery(shared))
            .order_by("-shared", "-published_date", "-pk")
            .cards(renditions=renditions)
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(SeoMixin, Page):
    og_type = "article"

    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown in lists."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The image's description (edit it in Images) is read out as its alternative text; "
            "an image without a description is treated as decorative."
        ),
    )
    author = models.ForeignKey(
        "specialists.SpecialistPage",
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
    )
    reviewer = models.ForeignKey(
        "specialists.SpecialistPage",
        verbose_name=_("clinical reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
    )
    reviewed_on = models.DateField(_("review date"), null=True, blank=True)
    published_date = models.DateField(_("published"), default=timezone.localdate)
    topics = ParentalManyToManyField("core.Topic", verbose_name=_("topics"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(StoryBlock(), verbose_name=_("body"))
    reading_time = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1, editable=False)

    objects = ArticlePageManager()
    # No route_select_related (core.routing): a page rendered afresh mostly
    # finds its parts kept (core.fragments) and needs none of its images or
    # people; joining them in took 3x the plain query. attach_relations loads
    # them when a part has to be rendered.

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        # The author and reviewer choosers list specialists only (specialists/wagtail_hooks.py).
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("reviewer"), FieldPanel("reviewed_on"), FieldPanel("published_date")],
            heading=_("Authorship and review"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")], heading=_("Topics")
        ),
        FieldPanel("body"),
    ]
    promote_panels = SeoMixin.seo_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("author", [index.SearchField("title"), index.SearchField("professional_title")]),
        index.FilterField("published_date"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in route_slugs(self.get_parent()):
            errors["slug"] = _("This address is used by the site. Please choose another.")
        if self.reviewer_id and not self.reviewed_on:
            errors["reviewed_on"] = _("Give the date of the clinical review.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Stored so lists show it without loading every body.
        self.reading_time = reading_minutes(self.body, self.summary)
        super().save(*args, **kwargs)

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.social_image or self.hero_image

    @property
    def table_of_contents(self):
        return table_of_contents(self.body)

    def attach_relations(self):
        """Load the author and reviewer (each with photo) and the images in a
        fixed number of queries, and attach them so templates and JSON-LD
        reuse them; returns the images shown, for one query of renditions
        (prefetch_renditions).

        Works from the ids on the instance, so a preview of unsaved changes shows
        the chosen people and images, not the ones stored in the database."""
        people = {"author": self.author_id, "reviewer": self.reviewer_id}
        if any(people.values()) and not self._loaded(people):
            found = SpecialistPage.objects.select_related("photo").in_bulk(set(people.values()) - {None})
            self._attach(people, found)
        images = {"hero_image": self.hero_image_id, "social_image": self.social_image_id}
        if any(images.values()) and not self._loaded(images):
            self._attach(images, get_image_model().objects.in_bulk(set(images.values()) - {None}))
        return [
            self.hero_image if self.hero_image_id else None,
            self.social_image if self.social_image_id else None,
            *(person.photo for person in (self.author, self.reviewer) if person is not None and person.photo_id),
        ]

    def _loaded(self, ids_by_field):
        """Whether every field of `ids_by_field` already holds its row (the
        page was routed with route_select_related)."""
        return all(pk is None or self._meta.get_field(field).is_cached(self) for field, pk in ids_by_field.items())

    def _attach(self, ids_by_field, found):
        for field, pk in ids_by_field.items():
            if pk in found:
                setattr(self, field, found[pk])

    def get_context(self, request, *args, **kwargs):
        cache_for_readers(request)
        context = super().get_context(request, *args, **kwargs)
        # Readers not logged in share the whole article with its comments;
        # members share all but the comment section (theirs shows their own
        # held comments, flags and form). core.fragments has the keys.
        user = getattr(request, "user", None)
        anonymous = user is None or not user.is_authenticated
        shared = ("head", "reader") if anonymous else ("head", "article", "related")
        fragments = Fragments(
            request, [*shared, "article", "related"], self.pk, self.live_revision_id, self.last_published_at
        )
        context["fragments"] = fragments
        if fragments.all_found(*shared):
            return context
        images = self.attach_relations()
        topics = list(self.topics.all())
        parent = self.get_parent()
        related = []
        if topics:
            related = list(ArticlePage.objects.related_to(self, topics, limit=RELATED_LIMIT, renditions=False))
        # The renditions of the page's own images, those in its body and the
        # related cards' come in one query.
        prefetch_renditions([*images, *stream_images(self.body), *(article.hero_image for article in related)])
        context.update(
            topics=topics,
            tags=list(self.tags.all()),
            article_index_url=parent.get_url(request) if parent else None,
            related_articles=related,
            page_json_ld=article_json_ld(self, request, topics=topics),
        )
        return context


class CommentSafetyQuerySet(models.QuerySet):
    def unhandled(self):
        """Urgent comments no moderator has decided on yet (still held, not removed)."""
        return self.filter(urgent=True, comment__is_public=False, comment__is_removed=False)


class CommentSafety(models.Model):
    """What the crisis detector found in one comment: django-comments-xtd's
    XtdComment has no place for it. Only comments that matched have a row.
    For moderators only: never shown on the site."""

    comment = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        verbose_name=_("comment"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="safety",
    )
    urgent = models.BooleanField(_("urgent"), default=True)
    crisis_match = models.CharField(_("what matched"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("held at"), auto_now_add=True)

    objects = CommentSafetyQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment safety check")
        verbose_name_plural = _("comment safety checks")

    def __str__(self):
        return str(self.crisis_match)
