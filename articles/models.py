from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import StoryBlock
from core.models import SeoMixin, Topic
from core.text import reading_minutes, table_of_contents

ARTICLES_PER_PAGE = 12


class ArticleIndexPage(SeoMixin, Page):
    """All articles at /articles/, newest first, filterable by topic."""

    canonical_query_keys = ("topic", "page")

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("article index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_cards

        context = super().get_context(request, *args, **kwargs)
        topic_slug = request.GET.get("topic", "").strip()
        articles = ArticlePage.objects.child_of(self).live().public()
        topic = None
        if topic_slug:
            # Only a well-formed slug reaches the database (NUL is an error there).
            topic = Topic.objects.filter(slug=topic_slug).first() if Topic.is_slug(topic_slug) else None
            articles = articles.filter(topics=topic) if topic else articles.none()
        # get_page: a page number that is not a number gives page 1, one past the end the last page.
        page_obj = Paginator(article_cards(articles).order_by("-published_date", "-pk"), ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context.update(
            articles=page_obj.object_list,
            page_obj=page_obj,
            topics=Topic.objects.all(),
            topic=topic,
            topic_slug=topic_slug,
        )
        return context


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
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("published_date"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.reviewer_id and not self.reviewed_on:
            raise ValidationError({"reviewed_on": _("Give the date of the clinical review.")})

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

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_page_context(self, request))
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
