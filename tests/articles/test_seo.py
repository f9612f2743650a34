"""What search engines, feed readers and social sites get from articles."""

import datetime
import json
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    """The content of <meta property=key> or <meta name=key>, or None."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(soup):
    scripts = soup.find_all("script", attrs={"type": "application/ld+json"})
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.fixture
def dated_articles(article_index, a_specialist_page):
    """Three live articles published on different days, and one draft."""
    articles = {
        day: ArticlePageFactory(
            parent=article_index,
            title=f"Published on day {day}",
            author=a_specialist_page,
            published_date=datetime.date(2026, 3, day),
        )
        for day in (2, 9, 5)
    }
    ArticlePageFactory(parent=article_index, title="Still a draft", live=False)
    return articles


@pytest.fixture
def hero_article(article_index, a_specialist_page, a_topic, make_image):
    return ArticlePageFactory(
        parent=article_index,
        title="When worry wakes you at night",
        summary="Why racing thoughts arrive at bedtime and what helps.",
        author=a_specialist_page,
        hero_image=make_image(title="A hill at dusk", description="A hill at dusk under a pale sky"),
        topics=[a_topic],
    )


# --- RSS ---------------------------------------------------------------------


def feed_items(client):
    response = client.get("/articles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root, root.findall("./channel/item")


def test_feed_follows_the_article_index_when_editors_move_it(client, dated_articles, article_index):
    article_index.slug = "expert-articles"
    article_index.save_revision().publish()
    assert client.get("/articles/feed/").status_code == 404
    response = client.get("/expert-articles/feed/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    assert channel.findtext("link") == "http://testserver/expert-articles/"


def test_an_article_cannot_take_the_feeds_address(article_index, a_specialist_page):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(parent=article_index, slug="feed", author=a_specialist_page)
    assert "slug" in error.value.message_dict


def test_feed_is_rss_2_with_complete_items(client, dated_articles):
    root, items = feed_items(client)

    channel = root.find("channel")
    assert channel.findtext("title")
    assert channel.findtext("link") == "http://testserver/articles/"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "http://testserver/articles/feed/"
    assert channel.findtext("description")
    assert len(items) == 3
    for item in items:
        assert item.findtext("title").startswith("Published on day")
        assert item.findtext("link").startswith("http://testserver/articles/published-on-day-")
        assert item.findtext("description")
        assert parsedate_to_datetime(item.findtext("pubDate"))


def test_feed_lists_newest_first(client, dated_articles):
    _, items = feed_items(client)

    assert [item.findtext("title") for item in items] == [
        "Published on day 9",
        "Published on day 5",
        "Published on day 2",
    ]
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_feed_date_is_the_date_shown_on_the_article(client, dated_articles):
    """Articles published today with an earlier date keep that date in the feed."""
    _, items = feed_items(client)

    assert [parsedate_to_datetime(item.findtext("pubDate")).date() for item in items] == [
        datetime.date(2026, 3, 9),
        datetime.date(2026, 3, 5),
        datetime.date(2026, 3, 2),
    ]


def test_feed_leaves_out_drafts_and_private_articles(client, dated_articles):
    PageViewRestriction.objects.create(page=dated_articles[5], restriction_type=PageViewRestriction.LOGIN)

    _, items = feed_items(client)

    titles = [item.findtext("title") for item in items]
    assert titles == ["Published on day 9", "Published on day 2"]


# --- sitemap.xml and robots.txt -----------------------------------------------


def test_sitemap_lists_home_index_and_live_articles_only(client, home_page, dated_articles):
    response = client.get("/sitemap-pages.xml")  # /sitemap.xml is the index of the sections

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    locations = {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    assert "http://testserver/" in locations
    assert "http://testserver/articles/" in locations
    for day in (2, 5, 9):
        assert f"http://testserver/articles/published-on-day-{day}/" in locations
    assert not any("still-a-draft" in location for location in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# --- meta tags, Open Graph, Twitter -------------------------------------------


def test_article_has_canonical_and_description(client, hero_article):
    soup = soup_of(client.get(hero_article.url))

    assert soup.find("link", rel="canonical")["href"] == "http://testserver/articles/when-worry-wakes-you-at-night/"
    assert meta(soup, "description") == "Why racing thoughts arrive at bedtime and what helps."


def test_article_has_open_graph_and_twitter_tags(client, hero_article):
    soup = soup_of(client.get(hero_article.url))

    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "When worry wakes you at night"
    assert meta(soup, "og:description") == "Why racing thoughts arrive at bedtime and what helps."
    assert meta(soup, "og:url") == "http://testserver/articles/when-worry-wakes-you-at-night/"
    assert meta(soup, "og:image").startswith("http://testserver/media/images/")
    assert meta(soup, "og:image:width") == "1200"
    assert meta(soup, "og:image:height") == "630"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:title") == "When worry wakes you at night"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")


def test_article_without_hero_image_has_no_og_image(client, an_article):
    soup = soup_of(client.get(an_article.url))

    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"


def test_seo_title_and_search_description_take_precedence(client, an_article):
    an_article.seo_title = "A shorter title for search"
    an_article.search_description = "Written for the results page."
    an_article.save_revision().publish()

    soup = soup_of(client.get(an_article.url))

    assert soup.title.string.startswith("A shorter title for search")
    assert meta(soup, "og:title") == "A shorter title for search"
    assert meta(soup, "description") == "Written for the results page."


# --- JSON-LD ------------------------------------------------------------------


def test_json_ld_describes_the_article_and_its_author(client, hero_article):
    data = json_ld(soup_of(client.get(hero_article.url)))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "When worry wakes you at night"
    assert data["url"] == "http://testserver/articles/when-worry-wakes-you-at-night/"
    assert data["datePublished"] == hero_article.published_date.isoformat()
    assert data["author"] == {
        "@type": "Person",
        "name": "Dr Ada Moss",
        "url": "http://testserver/specialists/dr-ada-moss/",
        "jobTitle": "Family psychologist",
    }
    assert data["image"].startswith("http://testserver/media/images/")
    assert data["about"] == [{"@type": "Thing", "name": "Relationships"}]
    assert "reviewedBy" not in data
    assert "lastReviewed" not in data


def test_json_ld_names_the_clinical_reviewer(client, hero_article, specialist_index):
    from specialists.factories import SpecialistPageFactory

    reviewer = SpecialistPageFactory(parent=specialist_index, title="Dr Rui Costa", professional_title="Psychiatrist")
    hero_article.reviewer = reviewer
    hero_article.reviewed_on = datetime.date(2026, 4, 2)
    hero_article.save_revision().publish()

    data = json_ld(soup_of(client.get(hero_article.url)))

    assert data["reviewedBy"]["@type"] == "Person"
    assert data["reviewedBy"]["name"] == "Dr Rui Costa"
    assert data["reviewedBy"]["url"] == "http://testserver/specialists/dr-rui-costa/"
    assert data["lastReviewed"] == "2026-04-02"


def test_title_cannot_break_out_of_the_json_ld_script(client, article_index, a_specialist_page):
    title = "Hello </script><script>alert(1)</script>"
    article = ArticlePageFactory(parent=article_index, title=title, slug="script-title", author=a_specialist_page)

    response = client.get(article.url)
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    soup = soup_of(response)
    assert json_ld(soup)["headline"] == title
    other_scripts = [script for script in soup.find_all("script") if script.get("type") != "application/ld+json"]
    assert not any("alert" in (script.string or "") for script in other_scripts)


# --- images -------------------------------------------------------------------


def test_hero_image_is_responsive_and_loaded_first(client, hero_article):
    soup = soup_of(client.get(hero_article.url))

    hero = soup.select_one(".article__hero picture")
    source = hero.find("source")
    assert source["type"] == "image/webp"
    assert len(source["srcset"].split(",")) == 3
    img = hero.find("img")
    assert img["alt"] == "A hill at dusk under a pale sky"
    assert img["srcset"]
    assert img["width"] == "480"
    assert img["height"] == "270"
    assert img["fetchpriority"] == "high"
    assert img.get("loading") != "lazy"


def test_hero_image_without_a_description_is_decorative(client, hero_article):
    # Not the image's title ("A hill at dusk"), which Wagtail would fall back on.
    type(hero_article.hero_image).objects.filter(pk=hero_article.hero_image_id).update(description="")

    img = soup_of(client.get(hero_article.url)).select_one(".article__hero picture img")

    assert img["alt"] == ""


def test_article_cards_load_lazily_after_the_first_three(client, article_index, a_specialist_page, make_image):
    for n in range(5):
        ArticlePageFactory(
            parent=article_index,
            author=a_specialist_page,
            hero_image=make_image(size=(800, 450)),
            published_date=datetime.date(2026, 5, 1 + n),
        )

    soup = soup_of(client.get(article_index.url))

    images = soup.select(".card picture img")
    assert [img["loading"] for img in images] == ["eager", "eager", "eager", "lazy", "lazy"]
    assert all(img.find_previous_sibling("source")["type"] == "image/webp" for img in images)
    assert all(img["width"] and img["height"] for img in images)


def test_filtered_and_later_index_pages_have_their_own_canonical_url(client, article_index, a_topic):
    from bs4 import BeautifulSoup

    def canonical(path):
        html = BeautifulSoup(client.get(path).content, "html.parser")
        return html.find("link", rel="canonical")["href"]

    assert canonical("/articles/") == "http://testserver/articles/"
    assert canonical("/articles/?page=1") == "http://testserver/articles/"
    assert canonical("/articles/?topic=relationships&page=2&utm_source=x") == (
        "http://testserver/articles/?page=2&topic=relationships"
    )
