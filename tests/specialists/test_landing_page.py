"""A specialist's landing page: what it shows, who sees which buttons, the
share links, and the ProfilePage structured data."""

import json

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory
from home.models import StandardPage
from specialists.factories import ApproachFactory, SpecialistPageFactory
from specialists.models import Language

pytestmark = pytest.mark.django_db


@pytest.fixture
def miriam(specialist_index, a_topic, make_image, a_member):
    return SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Miriam Hale",
        slug="miriam-hale",
        professional_title="Family psychologist",
        short_bio="Helping couples and families through conflict.",
        long_bio="<p>Fifteen years with families.</p>",
        photo=make_image(title="Miriam", size=(600, 600)),
        topics=[a_topic],
        languages=[Language.objects.get(code="en"), Language.objects.get(code="de")],
        approaches=[ApproachFactory(name="Systemic family therapy")],
        offers_online=True,
        offers_in_person=True,
        location="Bristol",
        fees="£85 for 50 minutes",
        offers_free_consultation=True,
        licence_number="PYL-20417",
        licence_issuing_body="Health and Care Professions Council",
        licence_country="United Kingdom",
        user=a_member,
    )


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html):
    return json.loads(html.find("script", type="application/ld+json").string)


def test_page_shows_the_profile(client, miriam):
    html = get(client, miriam)
    text = " ".join(html.select_one("main").get_text(" ", strip=True).split())
    assert html.find("h1").get_text() == "Dr Miriam Hale"
    for expected in (
        "Family psychologist",
        "Helping couples and families through conflict.",
        "Fifteen years with families.",
        "Relationships",
        "Systemic family therapy",
        "English, German",
        "Online · In person",
        "Bristol",
        "£85 for 50 minutes",
        "Accepting",
    ):
        assert expected in text, expected
    assert html.select_one(".profile-header .badge--free").get_text() == "Free 30-minute consultation"


def test_verification_badge_and_date_only_when_verified(client, miriam, specialist_index):
    html = get(client, miriam)
    assert html.select_one(".profile-header .badge--reviewed").get_text() == "Verified credentials"
    credentials = html.select_one(".profile-credentials")
    assert "Registered with Health and Care Professions Council (United Kingdom), number PYL-20417." in " ".join(
        credentials.get_text(" ", strip=True).split()
    )
    assert credentials.find("time")["datetime"] == miriam.verified_at.strftime("%Y-%m-%d")

    unverified = SpecialistPageFactory(parent=specialist_index, unverified=True, licence_number="SECRET-1")
    html = get(client, unverified)
    assert html.select_one(".badge--reviewed") is None
    assert "has not checked" in html.select_one(".profile-credentials").get_text()
    assert "SECRET-1" not in str(html)


def test_visitor_is_asked_to_log_in_to_send_a_message(client, miriam):
    actions = get(client, miriam).select_one(".profile-actions")
    prompt = actions.select_one(".login-prompt")
    # She offers the free consultation, so the prompt names both actions.
    assert "to send a message or request a free consultation." in " ".join(prompt.get_text().split())
    assert prompt.find("a", string="Log in")["href"] == "/accounts/login/?next=/specialists/miriam-hale/"
    assert not actions.select("button")


def test_member_sees_only_the_actions_that_work(client, miriam, another_member):
    """Messages (the messaging app gives the link through the
    specialist_contact_urls hook) and the free consultation (the page's own
    consultation/ route): real links, no disabled placeholders."""
    client.force_login(another_member)
    html = get(client, miriam)
    actions = html.select_one(".profile-actions")
    assert [(a.get_text(strip=True), a["href"]) for a in actions.select(".profile-actions__buttons a")] == [
        ("Send a message", "/messages/new/miriam-hale/"),
        ("Request a free consultation", "/specialists/miriam-hale/consultation/"),
    ]
    assert not actions.select("button")
    assert "open here soon" not in html.get_text()


def test_no_contact_actions_for_a_profile_without_an_account(client, specialist_index, another_member):
    page = SpecialistPageFactory(parent=specialist_index, offers_free_consultation=True)
    client.force_login(another_member)
    actions = get(client, page).select_one(".profile-actions")
    assert "Accepting new clients." in actions.get_text()
    assert not actions.select("button, .profile-actions__buttons, .login-prompt")
    client.logout()
    assert get(client, page).select_one(".profile-actions .login-prompt") is None


def test_owner_sees_an_edit_link_instead_of_contact_buttons(client, miriam, a_member):
    client.force_login(a_member)
    html = get(client, miriam)
    assert html.select_one(".profile__owner a")["href"] == "/specialists/me/edit/"
    assert html.select_one(".profile-actions") is None


def test_share_links_carry_the_page_address(client, miriam):
    share = get(client, miriam).find("section", class_="share")
    assert share.find("h2").get_text() == "Share on other sites"
    hrefs = [a["href"] for a in share.find_all("a")]
    assert (
        "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fspecialists%2Fmiriam-hale%2F" in hrefs
    )


def test_links_to_the_free_consultation_page_and_the_directory(client, miriam, home_page):
    home_page.add_child(instance=StandardPage(title="Free initial consultation", slug="free-consultation"))
    html = get(client, miriam)
    assert html.find("a", string="How the free consultation works")["href"] == "/free-consultation/"
    assert html.find("a", string="All specialists")["href"] == "/specialists/"


def test_lists_their_articles(client, miriam, article_index):
    ArticlePageFactory(parent=article_index, author=miriam, title="Repair after a rupture")
    ArticlePageFactory(parent=article_index, author=miriam, title="A draft", live=False)
    html = get(client, miriam)
    titles = [a.get_text() for a in html.select("#articles-heading ~ .card-grid .card__title a")]
    assert titles == ["Repair after a rupture"]


def test_json_ld_is_a_profile_page_about_a_person(client, miriam):
    data = json_ld(get(client, miriam))
    assert data["@type"] == "ProfilePage"
    assert data["url"] == "http://testserver/specialists/miriam-hale/"
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Dr Miriam Hale"
    assert person["jobTitle"] == "Family psychologist"
    assert person["url"] == data["url"]
    assert person["image"].startswith("http://testserver/")
    assert person["knowsAbout"] == ["Relationships"]
    assert [lang["name"] for lang in person["knowsLanguage"]] == ["English", "German"]
    credential = person["hasCredential"]
    assert credential["recognizedBy"]["name"] == "Health and Care Professions Council"
    assert credential["identifier"] == "PYL-20417"
    # Counselling ethics: no ratings or testimonials.
    text = json.dumps(data)
    assert "aggregateRating" not in text and "review" not in text.lower()


def test_json_ld_has_no_credential_before_verification(client, specialist_index):
    page = SpecialistPageFactory(parent=specialist_index, unverified=True)
    assert "hasCredential" not in json_ld(get(client, page))["mainEntity"]


def test_json_ld_cannot_end_its_script_element(client, specialist_index):
    page = SpecialistPageFactory(
        parent=specialist_index, title="Dr </script><script>alert(1)</script>", slug="dr-script"
    )
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    assert json_ld(BeautifulSoup(response.content, "html.parser"))["mainEntity"]["name"] == page.title


def test_unverified_live_page_still_renders_for_article_readers(client, specialist_index):
    page = SpecialistPageFactory(parent=specialist_index, unverified=True, title="Dr Author Only")
    assert get(client, page).find("h1").get_text() == "Dr Author Only"


def test_json_ld_of_a_page_never_saved_names_the_configured_site(rf, specialist_index, settings):
    """An editor's preview of a new profile has no URL yet: the address it is
    previewed at, on the configured site, never the request's Host header."""
    from specialists.models import SpecialistPage
    from specialists.structured_data import specialist_json_ld

    settings.ALLOWED_HOSTS = ["*"]
    request = rf.get("/admin/pages/add/specialists/specialistpage/2/preview/", HTTP_HOST="attacker.example")
    data = specialist_json_ld(SpecialistPage(title="New Profile", short_bio="Bio."), request)

    url = data["mainEntity"]["url"]
    assert "attacker.example" not in url
    assert url.endswith("/admin/pages/add/specialists/specialistpage/2/preview/")
    assert url.startswith(specialist_index.get_site().root_url)
