"""/specialists/join/ and /specialists/me/edit/: who may use them, what a
member sees, and that nobody reaches anyone else's profile."""

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.models import Revision

from accounts.factories import UserFactory
from specialists import services
from specialists.models import SpecialistPage

pytestmark = pytest.mark.django_db

JOIN = "/specialists/join/"
EDIT = "/specialists/me/edit/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def member_client(client, a_member):
    client.force_login(a_member)
    return client


# --- Visitors -------------------------------------------------------------------


@pytest.mark.parametrize("url", [JOIN, EDIT])
def test_visitor_gets_the_login_prompt_that_brings_them_back(client, a_directory, url):
    response = client.get(url)
    assert response.status_code == 403
    prompt = soup(response).select_one(".login-prompt")
    assert "You need to be logged in to" in prompt.get_text()
    hrefs = {a["href"] for a in prompt.find_all("a")}
    assert hrefs == {f"/accounts/login/?next={url}", f"/accounts/signup/?next={url}"}


def test_visitor_cannot_post_a_profile(client, a_directory, form_data):
    assert client.post(JOIN, form_data).status_code == 403
    assert not SpecialistPage.objects.exists()


def test_member_with_an_unverified_address_is_asked_to_verify_it(client, a_directory, form_data):
    member = UserFactory(email="new@example.com", verified=False)
    client.force_login(member)
    response = client.get(JOIN)
    assert response.status_code == 403
    assert "Please verify your e-mail address" in response.content.decode()
    assert client.post(JOIN, form_data).status_code == 403
    assert not SpecialistPage.objects.exists()
    EmailAddress.objects.filter(user=member).update(verified=True)
    assert client.get(JOIN).status_code == 200


# --- Creating a profile ---------------------------------------------------------


def test_join_form_has_no_verification_fields(member_client, a_directory):
    response = member_client.get(JOIN)
    assert response.status_code == 200
    names = {field["name"] for field in soup(response).select("form [name]")}
    assert {"display_name", "licence_number", "licence_issuing_body", "licence_country", "photo"} <= names
    assert not names & {"verified_at", "verified_by", "user", "owner", "live", "slug"}
    assert soup(response).find("input", {"name": "display_name"})["value"] == "Rowan"


def test_member_creates_a_profile_and_sees_it_submitted_for_review(member_client, a_directory, a_member, form_data):
    response = member_client.post(JOIN, form_data)
    assert response.status_code == 302
    assert response["Location"] == EDIT

    page = SpecialistPage.objects.get(user=a_member)
    assert not page.live and page.workflow_in_progress
    response = member_client.get(EDIT)
    html = soup(response)
    assert html.select_one(".profile-status h2").get_text(strip=True) == "Submitted for review"
    assert "submitted for review" in html.select_one(".messages").get_text()
    # The draft is not public.
    assert member_client.get(page.url or "/specialists/dr-rowan-vale/").status_code == 404


def test_fields_outside_the_form_are_ignored(member_client, a_directory, a_member, another_member, form_data):
    forged = {
        **form_data,
        "verified_at": "2020-01-01T00:00:00Z",
        "verified_by": str(a_member.pk),
        "user": str(another_member.pk),
        "owner": str(another_member.pk),
        "live": "on",
        "slug": "admin",
    }
    assert member_client.post(JOIN, forged).status_code == 302
    page = SpecialistPage.objects.get(user=a_member)
    assert (page.verified_at, page.verified_by, page.owner, page.live) == (None, None, a_member, False)
    assert page.slug == "dr-rowan-vale"


def test_double_submit_creates_one_profile(member_client, a_directory, a_member, form_data):
    first = member_client.post(JOIN, form_data)
    second = member_client.post(JOIN, form_data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == EDIT
    assert SpecialistPage.objects.filter(user=a_member).count() == 1


def test_member_with_a_profile_is_sent_from_join_to_edit(member_client, a_directory, a_member, profile_data):
    services.specialist_profile_submit(user=a_member, data=profile_data)
    response = member_client.get(JOIN)
    assert (response.status_code, response["Location"]) == (302, EDIT)


def test_member_without_a_profile_is_sent_from_edit_to_join(member_client, a_directory):
    response = member_client.get(EDIT)
    assert (response.status_code, response["Location"]) == (302, JOIN)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"display_name": ""}, "display_name", "This field is required."),
        ({"short_bio": "x" * 401}, "short_bio", "at most 400 characters"),
        ({"licence_number": ""}, "licence_number", "This field is required."),
        ({"languages": []}, "languages", "Choose at least one language."),
        ({"topics": ["999999"]}, "topics", "Select a valid choice."),
        ({"offers_online": "", "offers_in_person": ""}, "offers_online", "online sessions, in-person sessions or both"),
        ({"location": ""}, "location", "Say where you see clients in person."),
        ({"declaration": ""}, "declaration", "Please confirm"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    member_client, a_directory, form_data, change, field, message
):
    response = member_client.post(JOIN, {**form_data, **change})
    assert response.status_code == 400
    error = soup(response).find(id=f"id_{field}_error")
    assert error is not None and message in error.get_text()
    assert not SpecialistPage.objects.exists()
    # What the member typed is still there.
    assert soup(response).find("input", {"name": "licence_issuing_body"})["value"] == form_data["licence_issuing_body"]


# --- Editing your own profile, and only your own -------------------------------


def test_edit_form_shows_the_latest_version(member_client, a_directory, a_member, profile_data):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    services.specialist_profile_update(page=page, user=a_member, data={**profile_data, "fees": "£75"})
    html = soup(member_client.get(EDIT))
    assert html.find("input", {"name": "fees"})["value"] == "£75"
    assert html.find("textarea", {"name": "long_bio"}).get_text().strip() == (
        "I have worked with families for ten years.\n\nSessions are online or in Leeds."
    )
    checked = {box["value"] for box in html.select('input[name="topics"][checked]')}
    assert checked == {str(topic.pk) for topic in profile_data["topics"]}
    assert html.find("input", {"name": "display_name"})["value"] == profile_data["display_name"]


def test_in_person_without_a_location_is_explained_once(member_client, a_directory, form_data):
    response = member_client.post(JOIN, {**form_data, "location": "  "})
    assert soup(response).find(id="id_location_error").get_text().count("Say where you see clients in person.") == 1


def test_owner_edits_and_the_change_waits_for_review(member_client, a_directory, a_member, form_data, profile_data):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    response = member_client.post(EDIT, {**form_data, "fees": "£90"})
    assert (response.status_code, response["Location"]) == (302, EDIT)
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.get_latest_revision_as_object().fees == "£90"
    assert page.workflow_in_progress


def test_nobody_can_edit_another_specialists_page(client, a_directory, a_member, form_data, profile_data):
    """Walk every profile id: whatever id the request names, only the
    member's own profile changes."""
    others = []
    for n in range(3):
        other = UserFactory(email=f"other{n}@example.com")
        others.append(
            services.specialist_profile_submit(user=other, data={**profile_data, "display_name": f"Dr Other {n}"})
        )
    own = services.specialist_profile_submit(user=a_member, data=profile_data)
    before = {page.pk: Revision.objects.filter(object_id=str(page.pk)).count() for page in others}
    client.force_login(a_member)

    for page in SpecialistPage.objects.all():
        for key in ("page", "page_id", "pk", "id"):
            client.get(f"{EDIT}?{key}={page.pk}")
            client.post(f"{EDIT}?{key}={page.pk}", {**form_data, key: page.pk, "fees": f"hacked {page.pk}"})
            assert client.get(f"/specialists/{page.pk}/edit/").status_code == 404

    for page in others:
        assert Revision.objects.filter(object_id=str(page.pk)).count() == before[page.pk]
        assert "hacked" not in page.get_latest_revision().content["fees"]
    assert SpecialistPage.objects.get(pk=own.pk).get_latest_revision_as_object().fees.startswith("hacked")


def test_members_have_no_admin_access_to_profiles(member_client, a_directory, a_member, profile_data):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    response = member_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 403
    assert "No access to the admin" in response.content.decode()


def test_a_failed_submission_leaves_no_image_and_no_file(
    member_client, a_directory, a_member, form_data, monkeypatch, settings
):
    from specialists.models import SpecialistIndexPage

    from .conftest import upload

    def explode(self, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(SpecialistIndexPage, "add_child", explode)
    with pytest.raises(RuntimeError):
        member_client.post(JOIN, {**form_data, "photo": upload()})

    assert not get_image_model().objects.exists()
    assert not SpecialistPage.objects.exists()
    originals = settings.MEDIA_ROOT / "original_images"
    assert not originals.exists() or not any(originals.iterdir())


def test_deleting_the_account_removes_the_profile_and_its_photo(client, a_directory, a_member, form_data):
    from .conftest import upload

    client.force_login(a_member)
    client.post(JOIN, {**form_data, "photo": upload()})
    page = SpecialistPage.objects.get(user=a_member)
    assert page.photo is not None

    response = client.post("/accounts/delete/", {"password": "a-long-test-password", "confirm": "on"})

    assert response.status_code == 302
    assert not SpecialistPage.objects.filter(pk=page.pk).exists()
    assert not get_image_model().objects.exists()
