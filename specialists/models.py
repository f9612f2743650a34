from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models import SeoMixin

SPECIALISTS_PER_PAGE = 24


class SpecialistIndexPage(SeoMixin, Page):
    """The directory at /specialists/."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["home.HomePage"]
    subpage_types = ["specialists.SpecialistPage"]
    max_count = 1

    class Meta:
        verbose_name = _("specialist directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        specialists = (
            SpecialistPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("-offers_free_consultation", "title", "pk")
        )
        paginator = Paginator(specialists, SPECIALISTS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(specialists=page_obj.object_list, page_obj=page_obj)
        return context


class SpecialistPage(SeoMixin, Page):
    """A specialist's public landing page; also the author of articles.

    The page title is the specialist's display name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist_page",
        help_text=_("Optional: editors may create profiles for authors without accounts."),
    )
    professional_title = models.CharField(
        _("professional title"), max_length=120, help_text=_("For example: Family psychologist")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_bio = models.TextField(_("short bio"), max_length=400)
    long_bio = RichTextField(_("long bio"), features=["bold", "italic", "link", "ul", "ol"], blank=True)
    topics = ParentalManyToManyField("core.Topic", verbose_name=_("specialisations"), blank=True)
    offers_free_consultation = models.BooleanField(_("offers a free initial consultation (30 minutes)"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("user"),
        FieldPanel("professional_title"),
        FieldPanel("photo"),
        FieldPanel("short_bio"),
        FieldPanel("long_bio"),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("offers_free_consultation")], heading=_("Practice")),
    ]
    promote_panels = SeoMixin.seo_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("professional_title"),
        index.SearchField("short_bio"),
        index.SearchField("long_bio"),
    ]
    parent_page_types = ["specialists.SpecialistIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("specialist")

    def get_meta_description(self):
        return self.search_description or self.short_bio

    def get_social_image(self):
        return self.social_image or self.photo

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Reverse relation from articles.ArticlePage.author: no upward import.
        context["articles"] = (
            self.authored_articles.live()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-published_date", "-pk")[:6]
        )
        return context
