"""The specialist directory in a real browser: a visitor filters the
directory, opens a profile and shares it; a member creates a profile and sees
it waiting for review; axe-core finds nothing on the directory, a landing
page or the profile form; none of them scrolls sideways on a small phone."""

import re
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail_factories import ImageFactory

from accounts.factories import UserFactory
from core.factories import TopicFactory
from home.models import StandardPage
from specialists.factories import SpecialistPageFactory
from specialists.models import Language, SpecialistPage

from .conftest import PHONE
from .test_accessibility import assert_no_axe_violations
from .test_layout import assert_no_sideways_scroll

pytestmark = pytest.mark.e2e


@pytest.fixture
def directory(live_site, home_page, specialist_index):
    """Two verified specialists (one offering a free consultation), one not yet
    verified, and the page explaining the free consultation."""
    relationships = TopicFactory(name="Relationships", slug="relationships")
    anxiety = TopicFactory(name="Anxiety", slug="anxiety")
    english, polish = Language.objects.get(code="en"), Language.objects.get(code="pl")
    ada = SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Ada Moss",
        slug="ada-moss",
        professional_title="Family psychologist",
        short_bio="Twenty years of work with couples and families, online and in person.",
        long_bio="<p>Ada helps couples repair trust after a hard year.</p>",
        photo=ImageFactory(title="Ada Moss", file__width=600, file__height=600, file__color="#6a8f7f"),
        topics=[relationships],
        languages=[english],
        offers_in_person=True,
        location="Bristol",
        offers_free_consultation=True,
    )
    bo = SpecialistPageFactory(
        parent=specialist_index,
        title="Bo Nowak",
        slug="bo-nowak",
        professional_title="Counsellor",
        short_bio="Counselling for adults with worry and panic, in English and Polish.",
        topics=[anxiety],
        languages=[english, polish],
    )
    SpecialistPageFactory(parent=specialist_index, title="Cy Unchecked", topics=[anxiety], unverified=True)
    home_page.add_child(
        instance=StandardPage(
            title="Free initial consultation", slug="free-consultation", intro="A first conversation, free."
        )
    )
    return SimpleNamespace(ada=ada, bo=bo, index=specialist_index)


def cards(page):
    return page.locator(".directory__results .card__title")


def test_visitor_filters_the_directory_opens_a_profile_and_shares_it(page, directory, live_server):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Specialists").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Specialists")
    # Free consultations first, with their badge; nobody unverified.
    expect(cards(page)).to_have_text(["Dr Ada Moss", "Bo Nowak"])
    expect(page.locator(".directory__results .card--specialist").first.locator(".badge--free")).to_have_text(
        "Free 30-minute consultation"
    )

    filters = page.get_by_role("form", name="Filter specialists")
    filters.get_by_label("Language").select_option(label="Polish")
    filters.get_by_role("button", name="Show specialists").click()
    expect(page).to_have_url(re.compile(r"/specialists/\?.*language=pl"))
    expect(cards(page)).to_have_text(["Bo Nowak"])
    expect(page.get_by_role("heading", name="1 specialist")).to_be_visible()

    # The filtered address is shareable: opened fresh, it shows the same list.
    filtered_url = page.url
    page.goto(filtered_url)
    expect(cards(page)).to_have_text(["Bo Nowak"])
    expect(filters.get_by_label("Language")).to_have_value("pl")

    page.get_by_role("link", name="Clear filters").click()
    filters.get_by_label("Offers a free 30-minute consultation").check()
    filters.get_by_role("button", name="Show specialists").click()
    expect(page).to_have_url(re.compile(r"free=1"))
    expect(cards(page)).to_have_text(["Dr Ada Moss"])

    page.get_by_role("link", name="Dr Ada Moss").click()
    expect(page).to_have_url(re.compile(r"/specialists/ada-moss/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dr Ada Moss")
    expect(page.locator(".profile-header")).to_contain_text("Verified credentials")
    expect(page.get_by_role("link", name="How the free consultation works").first).to_have_attribute(
        "href", "/free-consultation/"
    )
    # Until messages exist, the contact section offers no button or log-in prompt that leads nowhere.
    contact = page.get_by_role("region", name="Contact Dr Ada Moss")
    expect(contact).to_contain_text("Accepting new clients.")
    expect(contact.get_by_role("link", name="Log in")).to_have_count(0)
    expect(contact.get_by_role("button")).to_have_count(0)

    url = directory.ada.full_url
    assert url.startswith(live_server.url)
    encoded = quote(url, safe="")
    share = page.get_by_role("region", name="Share on other sites")
    for name, start in {
        "Facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "X": f"https://x.com/intent/post?url={encoded}",
        "LinkedIn": f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}",
        "WhatsApp": "https://wa.me/?text=",
        "Telegram": f"https://t.me/share/url?url={encoded}",
        "E-mail": "mailto:?subject=",
    }.items():
        link = share.get_by_role("link", name=re.compile(rf"^{re.escape(name)}\b"))
        href = link.get_attribute("href")
        assert href.startswith(start), (name, href)
        assert encoded in href, (name, href)


def test_member_creates_a_profile_and_sees_it_pending(page, context, directory, log_in, tmp_path):
    member = UserFactory(email="kit@example.com", display_name="Kit Ward")
    log_in(context, member)
    photo = tmp_path / "kit.png"
    PILImage.new("RGB", (400, 400), (120, 160, 140)).save(photo)

    page.goto("/specialists/")
    page.get_by_role("link", name="Create your profile").click()
    expect(page).to_have_url(re.compile(r"/specialists/join/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your specialist profile")
    expect(page.get_by_label("Name on your profile")).to_have_value("Kit Ward")

    page.get_by_label("Name on your profile").fill("Dr Kit Ward")
    page.get_by_label("Professional title").fill("Counselling psychologist")
    page.get_by_label("Photo").set_input_files(str(photo))
    page.get_by_label("Short introduction").fill("I work with adults living with anxiety, online.")
    page.get_by_label("About you and how you work").fill("Ten years in practice.\n\nI keep sessions practical.")
    page.get_by_role("group", name="Specialisations").get_by_label("Anxiety").check()
    page.get_by_role("group", name="Languages you work in").get_by_label("English").check()
    expect(page.get_by_label("Online sessions")).to_be_checked()
    page.get_by_label("Fees").fill("£60 for 50 minutes")
    page.get_by_label("I offer a free 30-minute initial consultation").check()
    page.get_by_label("Licence or registration number").fill("PYL-55555")
    page.get_by_label("Issuing body").fill("Health and Care Professions Council")
    page.get_by_label("Country").fill("United Kingdom")

    # Forgetting the declaration: told next to the box, nothing saved, the rest kept.
    page.get_by_role("button", name="Submit for review").click()
    declaration = page.get_by_label(re.compile(r"^The details above are true"))
    expect(declaration).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_declaration_error")).to_have_text("Please confirm that these details are true.")
    expect(page.get_by_label("Licence or registration number")).to_have_value("PYL-55555")
    assert not SpecialistPage.objects.filter(user=member).exists()

    page.get_by_label("Photo").set_input_files(str(photo))
    declaration.check()
    page.get_by_role("button", name="Submit for review").click()

    expect(page).to_have_url(re.compile(r"/specialists/me/edit/$"))
    expect(page.get_by_role("heading", name="Submitted for review")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("submitted for review")
    expect(page.get_by_label("Professional title")).to_have_value("Counselling psychologist")
    profile = SpecialistPage.objects.get(user=member)
    assert not profile.live
    assert profile.photo is not None
    assert profile.workflow_in_progress

    # Not in the directory, and its address is not public, until a moderator approves it.
    page.goto("/specialists/")
    expect(page.get_by_role("link", name="Dr Kit Ward")).to_have_count(0)
    assert page.goto("/specialists/dr-kit-ward/").status == 404

    # Coming back to the join page leads to the profile.
    page.goto("/specialists/join/")
    expect(page).to_have_url(re.compile(r"/specialists/me/edit/$"))


AXE_PAGES = {
    "directory": lambda d: "/specialists/",
    "directory filtered, with an ignored filter": lambda d: "/specialists/?language=pl&topic=nope&free=1",
    "directory without results": lambda d: "/specialists/?topic=anxiety&free=1",
    "landing page": lambda d: d.ada.url,
}


@pytest.mark.parametrize("name", AXE_PAGES)
def test_directory_and_landing_page_have_no_axe_violations(page, directory, name):
    page.goto(AXE_PAGES[name](directory))
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", ["join form", "join form with errors", "landing page as a member", "own profile"])
def test_member_pages_have_no_axe_violations(page, context, directory, log_in, name):
    member = UserFactory(email="lee@example.com", display_name="Lee")
    log_in(context, member)
    if name == "join form":
        page.goto("/specialists/join/")
    elif name == "join form with errors":
        page.goto("/specialists/join/")
        page.get_by_role("button", name="Submit for review").click()
        expect(page.locator(".form-errors")).to_be_visible()
    elif name == "landing page as a member":
        page.goto(directory.ada.url)
    else:
        page.goto("/specialists/join/")
        page.get_by_label("Professional title").fill("Counsellor")
        page.get_by_label("Short introduction").fill("Counselling for adults.")
        page.get_by_role("group", name="Specialisations").get_by_label("Anxiety").check()
        page.get_by_role("group", name="Languages you work in").get_by_label("English").check()
        page.get_by_label("Licence or registration number").fill("BACP-1")
        page.get_by_label("Issuing body").fill("BACP")
        page.get_by_label("Country").fill("United Kingdom")
        page.get_by_label(re.compile(r"^The details above are true")).check()
        page.get_by_role("button", name="Submit for review").click()
        expect(page.get_by_role("heading", name="Submitted for review")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("where", ["/specialists/", "/specialists/ada-moss/", "/specialists/join/"])
def test_specialist_pages_do_not_scroll_sideways_on_a_small_phone(browser, live_server, directory, log_in, where):
    context = browser.new_context(base_url=live_server.url, viewport={**PHONE, "width": 320})
    log_in(context, UserFactory(email="pat@example.com", display_name="Pat"))
    phone = context.new_page()
    phone.goto(where)
    assert_no_sideways_scroll(phone)
    context.close()
