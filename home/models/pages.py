"""Home's pages: the front page, plain pages and the contact page."""

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import StoryBlock
from core.models import SeoMixin
from core.page_cache import cache_for_readers
from core.routing import route_from_root


class HomePage(SeoMixin, Page):
    """The front page: editor-chosen featured articles, latest articles, topics."""

    hero_heading = models.CharField(_("heading"), max_length=120, default=_("Clear answers from people who know"))
    hero_text = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        InlinePanel("featured_articles", label=_("Featured articles"), max_num=6),
    ]
    promote_panels = SeoMixin.seo_panels
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "specialists.SpecialistIndexPage",
        "qa.QuestionIndexPage",
        "home.StandardPage",
        "home.ContactPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Every page of the site is routed from here: in two queries, not two a level.
        if not path_components:
            return super().route(request, path_components)
        return route_from_root(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import home_sections

        cache_for_readers(request)
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context


class FeaturedArticle(Orderable):
    page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]


class StandardPage(SeoMixin, Page):
    """A plain page: about, privacy, crisis resources and so on."""

    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    body = StreamField(StoryBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = SeoMixin.section_panels
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self):
        return self.search_description or self.intro


class ContactPage(SeoMixin, Page):
    """/contact/: members write to the team; the message is stored (so it is
    in their export and goes with their account) and e-mailed to the contact
    address from the site settings."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    thank_you_text = models.CharField(
        _("thank-you message"),
        max_length=200,
        default=_("Thank you. Your message is on its way; we usually answer within two working days."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you_text")]
    promote_panels = SeoMixin.section_panels
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        """GET shows the form (or, to visitors, a sentence asking them to log
        in); POST goes through the form and the service, then redirects (PRG)."""
        from ..forms import ContactForm
        from ..permissions import member_can_contact
        from ..services import ContactLimitReached, contact_message_send

        can_write = member_can_contact(user=request.user)
        form = ContactForm(request.POST if request.method == "POST" else None) if can_write else None
        status = 200
        if request.method == "POST":
            status = 400 if can_write else 403
            if can_write and form.is_valid():
                try:
                    contact_message_send(user=request.user, **form.cleaned_data)
                except ContactLimitReached as error:
                    form.add_error("message", error.message)
                else:
                    messages.success(request, self.thank_you_text)
                    return redirect(self.url)
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, can_write=can_write)
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
