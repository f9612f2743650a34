"""What search engines are given: the pages of the site (Wagtail's sitemap)
and the listed questions, each section paginated past 50,000 URLs as the
sitemap protocol asks, under one index at /sitemap.xml. Every URL is on the
configured Wagtail site (core.http.site_root_url), never the request's host."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from core.http import site_root_url
from core.models import SitePageQuerySet
from qa.models import Answer, Question, Status
from specialists.models import SpecialistPage

URLS_PER_SITEMAP = 50_000


class OnTheSite:
    """Protocol and host from the configured Wagtail site."""

    limit = URLS_PER_SITEMAP

    def __init__(self, request=None):
        self.request = request

    def _root(self):
        return urlsplit(site_root_url(self.request))

    def get_protocol(self, protocol=None):
        return self._root().scheme

    def get_domain(self, site=None):
        return self._root().netloc


class PageSitemap(OnTheSite, PagesSitemap):
    """Live, public pages but unverified specialists, read as plain pages in
    one query whatever their number and types: a page's address and dates are
    Page fields (Wagtail's own items() loads each page type in a query of its
    own, and the index read every page to find the latest date). No page type
    may change its sitemap entry (get_sitemap_urls) or its address
    (get_url_parts): a test says so, as they would be passed by here."""

    def items(self):
        return (
            SitePageQuerySet(Page)
            .descendant_of(self.get_wagtail_site().root_page, inclusive=True)
            .live()
            .public()
            .exclude(pk__in=SpecialistPage.objects.filter(verified_at=None).values("pk"))
            .order_by("path")
        )

    def get_latest_lastmod(self):
        latest = Max(Coalesce("last_published_at", "latest_revision_created_at"))
        return self.items().aggregate(latest=latest)["latest"]


class QuestionSitemap(OnTheSite, DjangoSitemap):
    """Listed questions, last modified when their latest published answer
    came (or when they were published, before any answer)."""

    def items(self):
        latest_answer = Max("answers__created_at", filter=Q(answers__status=Status.PUBLISHED))
        return (
            Question.objects.listed()
            .annotate(last_modified=Coalesce(latest_answer, "published_at", "created_at"))
            .only("pk", "slug", "published_at", "created_at")
            .order_by("pk")
        )

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.last_modified

    def get_latest_lastmod(self):
        """The latest of every question's lastmod, in one query (Django's reads
        every question)."""
        latest_answer = (
            Answer.objects.filter(question=OuterRef("pk"), status=Status.PUBLISHED)
            .order_by("-created_at")
            .values("created_at")[:1]
        )
        return (
            Question.objects.listed()
            .annotate(modified=Coalesce(Subquery(latest_answer), "published_at", "created_at"))
            .aggregate(latest=Max("modified"))["latest"]
        )


SITEMAPS = {"pages": PageSitemap, "questions": QuestionSitemap}


def _sections(request):
    return {name: cls(request) for name, cls in SITEMAPS.items()}


@require_safe
def sitemap_index(request):
    """/sitemap.xml: each section's sitemap and its further pages (?p=2...)."""
    root = site_root_url(request)
    items, latest = [], None
    for name, section in _sections(request).items():
        location = root + reverse("sitemap_section", kwargs={"section": name})
        lastmod = section.get_latest_lastmod()
        if lastmod is not None and (latest is None or lastmod > latest):
            latest = lastmod
        items.append({"location": location, "lastmod": lastmod})
        items += [{"location": f"{location}?p={n}", "lastmod": lastmod} for n in section.paginator.page_range[1:]]
    headers = {"Last-Modified": http_date(latest.timestamp())} if latest else None
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml", headers=headers
    )


@require_safe
def sitemap_section(request, section):
    """One section's sitemap (Django's view, through Wagtail's); ?p= pages past
    50,000 URLs. Each sitemap is given the request here (Wagtail's view hands it
    only to its own kind), so its host comes from the request's site."""
    return wagtail_sitemap(request, sitemaps=_sections(request) if section in SITEMAPS else {}, section=section)
