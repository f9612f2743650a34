"""sitemap.xml: an index of the pages' and the questions' sitemaps, each
paginated past its limit, every URL on the configured Wagtail site."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Site

from qa.models import Answer, Question
from search.sitemaps import QuestionSitemap

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap


def urls(client, url):
    root = read(client, url)
    return {
        u.findtext("sm:loc", namespaces=NS): u.findtext("sm:lastmod", namespaces=NS) for u in root.findall("sm:url", NS)
    }


@pytest.fixture
def on_a_real_host(home_page):
    """The configured site answers as https://steady.example while the test
    client asks as testserver: every link must follow the site."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "steady.example", 443
    site.save()
    return "https://steady.example"


def test_the_index_lists_each_section(client, home_page):
    root = read(client, "/sitemap.xml")
    assert [s.findtext("sm:loc", namespaces=NS) for s in root.findall("sm:sitemap", NS)] == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-questions.xml",
    ]


def test_listed_questions_with_the_latest_published_answer_as_lastmod(client, home_page, make_question, make_answer):
    answered = make_question(title="Answered and listed")
    make_question(title="Still waiting", status=Question.Status.PENDING)
    make_question(title="Rejected", status=Question.Status.REJECTED)
    closed = make_question(title="Closed but listed", status=Question.Status.CLOSED)
    early, late = make_answer(answered), make_answer(answered)
    hidden = make_answer(answered, status=Answer.Status.PENDING)
    moment = timezone.make_aware(datetime.datetime(2026, 3, 4, 5, 6, 7))
    Answer.objects.filter(pk=early.pk).update(created_at=moment - datetime.timedelta(days=3))
    Answer.objects.filter(pk=late.pk).update(created_at=moment)
    Answer.objects.filter(pk=hidden.pk).update(created_at=moment + datetime.timedelta(days=3))

    found = urls(client, "/sitemap-questions.xml")

    assert set(found) == {f"http://testserver{q.get_absolute_url()}" for q in (answered, closed)}
    assert found[f"http://testserver{answered.get_absolute_url()}"] == "2026-03-04T05:06:07+00:00"


def test_verified_specialists_only(client, make_specialist):
    verified = make_specialist(title="Dr Verified")
    unverified = make_specialist(title="Dr Not Yet", unverified=True)
    found = urls(client, "/sitemap-pages.xml")
    assert verified.full_url in found
    assert unverified.full_url not in found


def test_a_section_is_paginated_past_its_limit(client, home_page, make_question, monkeypatch):
    monkeypatch.setattr(QuestionSitemap, "limit", 2)
    for n in range(5):
        make_question(title=f"Question number {n}")
    locations = [s.findtext("sm:loc", namespaces=NS) for s in read(client, "/sitemap.xml").findall("sm:sitemap", NS)]
    assert locations[1:] == [
        "http://testserver/sitemap-questions.xml",
        "http://testserver/sitemap-questions.xml?p=2",
        "http://testserver/sitemap-questions.xml?p=3",
    ]
    assert len(urls(client, "/sitemap-questions.xml?p=3")) == 1
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_every_absolute_link_uses_the_configured_site(client, on_a_real_host, make_question, an_article):
    question = make_question(title="One host everywhere")
    index = [s.findtext("sm:loc", namespaces=NS) for s in read(client, "/sitemap.xml").findall("sm:sitemap", NS)]
    assert all(location.startswith(on_a_real_host + "/") for location in index)
    assert f"{on_a_real_host}{question.get_absolute_url()}" in urls(client, "/sitemap-questions.xml")
    assert all(location.startswith(on_a_real_host + "/") for location in urls(client, "/sitemap-pages.xml"))
    assert f"Sitemap: {on_a_real_host}/sitemap.xml" in client.get("/robots.txt").content.decode()
    feed = client.get(an_article.get_parent().url + "feed/").content.decode()
    assert "testserver" not in feed and on_a_real_host in feed
    article = client.get(an_article.url).content.decode()
    assert "http://testserver" not in article
    assert f'<link rel="canonical" href="{on_a_real_host}{an_article.url}">' in article


def test_no_page_type_changes_its_sitemap_entry_or_its_address():
    """The pages' sitemap reads plain Page rows in one query (PageSitemap): a
    page type's own get_sitemap_urls or address would be passed by there, so
    none may have one (a rule such as "verified specialists only" belongs in
    PageSitemap.items)."""
    from wagtail.models import Page, get_page_models

    names = ("get_sitemap_urls", "get_url_parts", "get_url", "get_full_url", "relative_url")
    own = [
        (model.__name__, name)
        for model in get_page_models()
        for name in names
        if getattr(model, name) is not getattr(Page, name)
    ]
    assert own == []
