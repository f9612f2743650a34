"""What search engines are given: the pages of the site (Wagtail's sitemap)
and the listed questions, each section paginated past 50,000 URLs as the
sitemap protocol asks, under one index at /sitemap.xml. Every URL is on the
configured Wagtail site (core.http.site_root_url), never the request's host."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.http import site_root_url
from qa.models import Question, Status

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
    """Live, public pages; unverified specialists leave themselves out
    (SpecialistPage.get_sitemap_urls)."""


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
    """One section's sitemap (Django's view, through Wagtail's, which hands each
    sitemap the request); ?p= pages past 50,000 URLs."""
    return wagtail_sitemap(
        request, sitemaps={section: SITEMAPS[section]} if section in SITEMAPS else {}, section=section
    )
