"""What a reader sees on an article page."""

import datetime
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory
from core.factories import TopicFactory
from specialists.factories import SpecialistPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_reading_time_counts_body_and_summary(client, article_index, a_specialist_page):
    article = ArticlePageFactory(
        parent=article_index,
        author=a_specialist_page,
        summary="Seven words of summary for this article.",
        body=[
            ("heading", {"text": "Where to begin", "level": "h2"}),
            ("paragraph", "<p>" + "word " * 450 + "</p>"),
        ],
    )

    soup = soup_of(client.get(article.url))

    # 3 + 450 + 7 = 460 words at 220 a minute: 3 minutes.
    assert article.reading_time == 3
    assert "3 min read" in soup.select_one(".article__byline").get_text()


def test_table_of_contents_links_to_every_heading(client, article_index, a_specialist_page):
    article = ArticlePageFactory(
        parent=article_index,
        author=a_specialist_page,
        body=[
            ("heading", {"text": "Why it happens", "level": "h2"}),
            ("paragraph", "<p>Text.</p>"),
            ("heading", {"text": "What helps", "level": "h2"}),
            ("heading", {"text": "At night", "level": "h3"}),
            ("heading", {"text": "What helps", "level": "h2"}),
        ],
    )

    soup = soup_of(client.get(article.url))

    links = soup.select("nav.toc a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Why it happens", "#why-it-happens"),
        ("What helps", "#what-helps"),
        ("At night", "#at-night"),
        ("What helps", "#what-helps-2"),
    ]
    for link in links:
        targets = soup.find_all(id=link["href"][1:])
        assert len(targets) == 1
        assert targets[0].name in {"h2", "h3"}
        assert targets[0].get_text() == link.get_text()
    assert soup.find(id="at-night").name == "h3"


def test_related_articles_share_a_topic_and_are_live(client, article_index, a_specialist_page, a_topic):
    other_topic = TopicFactory(name="Sleep", slug="sleep")
    article = ArticlePageFactory(parent=article_index, title="The article", author=a_specialist_page, topics=[a_topic])
    ArticlePageFactory(parent=article_index, title="Same topic", author=a_specialist_page, topics=[a_topic])
    draft = ArticlePageFactory(parent=article_index, title="Same topic draft", author=a_specialist_page, live=False)
    draft.topics.set([a_topic])
    draft.save()
    ArticlePageFactory(parent=article_index, title="Other topic", author=a_specialist_page, topics=[other_topic])

    soup = soup_of(client.get(article.url))

    related = [title.get_text(strip=True) for title in soup.select(".related .card__title")]
    assert related == ["Same topic"]


def test_related_articles_prefer_more_shared_topics(client, article_index, a_specialist_page, a_topic):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    article = ArticlePageFactory(parent=article_index, author=a_specialist_page, topics=[a_topic, sleep])
    ArticlePageFactory(
        parent=article_index,
        title="Shares one, newer",
        author=a_specialist_page,
        topics=[sleep],
        published_date=datetime.date(2026, 9, 1),
    )
    ArticlePageFactory(
        parent=article_index,
        title="Shares both, older",
        author=a_specialist_page,
        topics=[a_topic, sleep],
        published_date=datetime.date(2026, 1, 1),
    )

    soup = soup_of(client.get(article.url))

    related = [title.get_text(strip=True) for title in soup.select(".related .card__title")]
    assert related == ["Shares both, older", "Shares one, newer"]


def test_author_box_links_to_author_and_mentions_free_consultation(client, an_article, a_specialist_page):
    soup = soup_of(client.get(an_article.url))

    box = soup.select_one(".author-box")
    assert box.select_one(".author-box__name a")["href"] == a_specialist_page.url
    assert box.select_one(".author-box__name").get_text(strip=True) == "Dr Ada Moss"
    assert "Family psychologist" in box.get_text()
    assert "Free 30-minute consultation" in box.get_text()


def test_author_box_without_offer_does_not_mention_consultation(client, article_index, specialist_index):
    author = SpecialistPageFactory(parent=specialist_index, title="Dr Lee Park", offers_free_consultation=False)
    article = ArticlePageFactory(parent=article_index, author=author)

    soup = soup_of(client.get(article.url))

    box = soup.select_one(".author-box")
    assert box.select_one(".author-box__name a")["href"] == author.url
    assert "consultation" not in box.get_text()


def test_reviewed_by_shows_reviewer_and_date(client, an_article, specialist_index):
    reviewer = SpecialistPageFactory(parent=specialist_index, title="Dr Rui Costa")
    an_article.reviewer = reviewer
    an_article.reviewed_on = datetime.date(2026, 4, 2)
    an_article.save_revision().publish()

    soup = soup_of(client.get(an_article.url))

    review = soup.select_one(".article__review")
    assert " ".join(review.get_text().split()) == "Clinically reviewed Reviewed by Dr Rui Costa on 2 April 2026"
    assert review.find("a")["href"] == reviewer.url
    assert review.find("time")["datetime"] == "2026-04-02"


def test_unreviewed_article_has_no_review_line(client, an_article):
    soup = soup_of(client.get(an_article.url))

    assert soup.select_one(".article__review") is None


def test_share_links_carry_the_encoded_absolute_url(client, an_article):
    soup = soup_of(client.get(an_article.url))

    encoded = quote("http://testserver" + an_article.url, safe="")
    hrefs = [a["href"] for a in soup.select(".share a")]
    for prefix in (
        "https://www.facebook.com/sharer/sharer.php?u=",
        "https://x.com/intent/post?url=",
        "https://www.linkedin.com/sharing/share-offsite/?url=",
        "https://wa.me/?text=",
        "https://t.me/share/url?url=",
        "mailto:?subject=",
    ):
        matching = [href for href in hrefs if href.startswith(prefix)]
        assert len(matching) == 1, prefix
        assert encoded in matching[0]
    copy = soup.select_one("button[data-copy-link]")
    assert copy["data-copy-link"] == "http://testserver" + an_article.url


def test_call_to_action_asks_a_specialist(client, an_article):
    soup = soup_of(client.get(an_article.url))

    cta = soup.select_one(".cta")
    assert cta.find("a", href="/questions/ask/").get_text(strip=True) == "Ask a specialist"


def test_topics_link_to_the_filtered_index(client, an_article, a_topic):
    soup = soup_of(client.get(an_article.url))

    assert [a["href"] for a in soup.select(".article__topics a")] == ["/articles/?topic=relationships"]


def test_tags_are_listed(client, an_article):
    an_article.tags.add("sleep", "stress")
    an_article.save_revision().publish()

    soup = soup_of(client.get(an_article.url))

    assert sorted(tag.get_text() for tag in soup.select(".tags .tag")) == ["sleep", "stress"]


def test_draft_article_is_not_served(client, article_index):
    draft = ArticlePageFactory(parent=article_index, title="Not yet", live=False)

    assert client.get("/articles/" + draft.slug + "/").status_code == 404
