"""The directory at /specialists/: verified, live specialists only, free
consultations first with a badge, filters that combine, live in the URL and
work without JavaScript, and bad filter values ignored with a note."""

import pytest
from bs4 import BeautifulSoup

from core.factories import TopicFactory
from home.models import StandardPage
from specialists.factories import SpecialistPageFactory
from specialists.models import Language

pytestmark = pytest.mark.django_db


def names(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".directory__results .card__title a")]


@pytest.fixture
def people(specialist_index):
    """Six specialists that differ in every filter, plus two that must never show."""
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    parenting = TopicFactory(name="Parenting", slug="parenting")
    en, pl, pt = (Language.objects.get(code=code) for code in ("en", "pl", "pt"))

    def make(title, **fields):
        return SpecialistPageFactory(parent=specialist_index, title=title, **fields)

    return {
        "ada": make("Ada Online", topics=[anxiety], languages=[en], offers_free_consultation=True),
        "bo": make(
            "Bo Leeds",
            topics=[parenting],
            languages=[en, pl],
            offers_online=False,
            offers_in_person=True,
            location="Leeds, Headingley",
        ),
        "cy": make(
            "Cy Both",
            topics=[anxiety, parenting],
            languages=[pt],
            offers_in_person=True,
            location="Bristol",
            offers_free_consultation=True,
            accepting_new_clients=False,
        ),
        "di": make("Di Full", topics=[anxiety], languages=[en], accepting_new_clients=False),
        "ed": make("Ed Polish", topics=[parenting], languages=[pl], offers_in_person=True, location="leeds"),
        "fi": make("Fi Plain", topics=[anxiety], languages=[en]),
        "unverified": make("Zed Unverified", topics=[anxiety], languages=[en], unverified=True),
        "draft": make("Yan Draft", topics=[anxiety], languages=[en], live=False),
    }


def test_only_verified_live_specialists_free_consultations_first(client, people):
    response = client.get("/specialists/")
    assert names(response) == ["Ada Online", "Cy Both", "Bo Leeds", "Di Full", "Ed Polish", "Fi Plain"]
    html = BeautifulSoup(response.content, "html.parser")
    badged = [
        card.select_one(".card__title").get_text(strip=True)
        for card in html.select(".card--specialist")
        if card.select_one(".badge--free")
    ]
    assert badged == ["Ada Online", "Cy Both"]
    assert html.select_one(".directory__count").get_text(strip=True) == "6 specialists"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=parenting", ["Cy Both", "Bo Leeds", "Ed Polish"]),
        ("language=pl", ["Bo Leeds", "Ed Polish"]),
        ("format=online", ["Ada Online", "Cy Both", "Di Full", "Ed Polish", "Fi Plain"]),
        ("format=in_person", ["Cy Both", "Bo Leeds", "Ed Polish"]),
        ("accepting=1", ["Ada Online", "Bo Leeds", "Ed Polish", "Fi Plain"]),
        ("free=1", ["Ada Online", "Cy Both"]),
        ("location=LEEDS", ["Bo Leeds", "Ed Polish"]),
        ("topic=parenting&language=pl&format=in_person&location=leeds&accepting=1", ["Bo Leeds", "Ed Polish"]),
        ("topic=anxiety&free=1&accepting=1", ["Ada Online"]),
        ("topic=anxiety&language=pl", []),
    ],
)
def test_filters_combine(client, people, query, expected):
    response = client.get(f"/specialists/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


def test_filter_form_works_without_javascript(client, people):
    html = BeautifulSoup(client.get("/specialists/?language=pl&free=1").content, "html.parser")
    form = html.select_one("form.directory-filters")
    assert form["method"] == "get"
    assert form["action"] == "/specialists/"
    assert form.find("button", {"type": "submit"})
    assert {field["name"] for field in form.select("[name]")} == {
        "topic",
        "language",
        "format",
        "location",
        "accepting",
        "free",
    }
    # The current filters are filled in, so the URL and the form agree.
    assert form.find("select", {"name": "language"}).find("option", selected=True)["value"] == "pl"
    assert form.find("input", {"name": "free"}).has_attr("checked")
    assert form.find("input", {"name": "free"})["value"] == "1"
    assert html.find("a", string="Clear filters")["href"] == "/specialists/"


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("topic=no-such-topic", "Specialisation"),
        ("language=xx", "Language"),
        ("format=<script>alert(1)</script>", "Sessions"),
        ("location=" + "a" * 81, "Location"),
        ("topic=anxiety';DROP TABLE x;--", "Specialisation"),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_note(client, people, query, label):
    response = client.get(f"/specialists/?{query}")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    note = html.select_one(".directory__ignored")
    assert note is not None and label in note.get_text()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert len(names(response)) == 6  # the filter was left out, nothing else


def test_a_good_filter_still_applies_beside_a_bad_one(client, people):
    response = client.get("/specialists/?language=pl&topic=nope")
    assert names(response) == ["Bo Leeds", "Ed Polish"]


def test_empty_result_offers_the_whole_directory(client, people):
    html = BeautifulSoup(client.get("/specialists/?topic=anxiety&language=pl").content, "html.parser")
    empty = html.select_one(".empty-state")
    assert "No specialist matches" in empty.get_text()
    assert empty.find("a")["href"] == "/specialists/"


def test_pages_of_24_keep_the_filters(client, specialist_index):
    for n in range(26):
        SpecialistPageFactory(parent=specialist_index, title=f"Dr Many {n:02d}", offers_free_consultation=n % 2 == 0)
    first = client.get("/specialists/?format=online")
    assert len(names(first)) == 24
    next_link = BeautifulSoup(first.content, "html.parser").find("a", rel="next")
    assert next_link["href"] == "?format=online&page=2"
    second = client.get("/specialists/?format=online&page=2")
    assert len(names(second)) == 2
    assert set(names(first)).isdisjoint(names(second))
    for bad in ("abc", "-1", "999"):
        assert client.get(f"/specialists/?page={bad}").status_code == 200


def test_directory_links_to_the_free_consultation_page_and_to_joining(client, people, home_page):
    page = StandardPage(title="Free initial consultation", slug="free-consultation", intro="What it is.")
    home_page.add_child(instance=page)
    html = BeautifulSoup(client.get("/specialists/").content, "html.parser")
    assert html.find("a", string="How the free consultation works")["href"] == "/free-consultation/"
    assert html.find("a", string="Create your profile")["href"] == "/specialists/join/"


def test_card_shows_formats_location_and_languages(client, people):
    html = BeautifulSoup(client.get("/specialists/?language=pl").content, "html.parser")
    card = html.select(".card--specialist")[0]
    text = " ".join(card.get_text(" ", strip=True).split())
    assert "In person (Leeds, Headingley)" in text
    assert "Speaks English, Polish" in text


def test_home_page_features_only_verified_specialists(client, people, home_page):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    featured = [a.get_text(strip=True) for a in html.select("#specialists-heading ~ .card-grid .card__title a")]
    assert featured == ["Ada Online", "Cy Both", "Bo Leeds", "Di Full"]
