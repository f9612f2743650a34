"""A verification is about one account, one name and one set of credentials;
moderators hold exactly the rights the verification workflow needs; a removed
or unapproved profile's photos are not public at guessable URLs."""

from pathlib import Path

import pytest
from wagtail.models import GroupPagePermission, WorkflowState

from accounts.factories import give_totp
from accounts.roles import is_specialist
from specialists import services
from specialists.models import SpecialistPage
from tests.two_factor import TOTP_SECRET, log_in_with_two_factor

from .conftest import upload

pytestmark = pytest.mark.django_db


def approve(page, moderator, captured):
    state = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state
    with captured(execute=True):
        state.approve(user=moderator)


@pytest.fixture
def verified_profile(a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    approve(page, a_moderator, django_capture_on_commit_callbacks)
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.is_verified and is_specialist(type(a_member).objects.get(pk=a_member.pk))
    return page


@pytest.fixture
def editor_client(client, an_editor):
    give_totp(an_editor, TOTP_SECRET)
    return log_in_with_two_factor(client, an_editor)


@pytest.fixture
def moderator_client(client, a_moderator):
    give_totp(a_moderator, TOTP_SECRET)
    return log_in_with_two_factor(client, a_moderator)


# --- Identity and credentials go back through verification ------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("licence_number", "FORGED-1"),
        ("licence_issuing_body", "A body nobody checked"),
        ("licence_country", "Elsewhere"),
        ("title", "Dr Somebody Else"),
    ],
)
def test_publishing_changed_credentials_withdraws_the_verification(
    verified_profile, an_editor, a_member, field, value, django_capture_on_commit_callbacks
):
    draft = verified_profile.get_latest_revision_as_object()
    setattr(draft, field, value)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=an_editor).publish(user=an_editor)

    page = SpecialistPage.objects.get(pk=verified_profile.pk)
    assert page.live and not page.is_verified
    assert page.verified_by is None
    assert not is_specialist(type(a_member).objects.get(pk=a_member.pk))
    assert page not in SpecialistPage.objects.verified()
    # Back in front of the moderators.
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_reassigning_a_verified_page_makes_neither_account_a_specialist(
    verified_profile, a_member, another_member, an_editor, django_capture_on_commit_callbacks
):
    draft = verified_profile.get_latest_revision_as_object()
    draft.user = another_member
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=an_editor).publish(user=an_editor)

    page = SpecialistPage.objects.get(pk=verified_profile.pk)
    assert not page.is_verified
    assert not is_specialist(type(another_member).objects.get(pk=another_member.pk))
    assert not is_specialist(type(a_member).objects.get(pk=a_member.pk))


def test_other_changes_keep_the_verification(verified_profile, an_editor):
    draft = verified_profile.get_latest_revision_as_object()
    draft.fees = "£55"
    draft.save_revision(user=an_editor).publish(user=an_editor)
    page = SpecialistPage.objects.get(pk=verified_profile.pk)
    assert page.is_verified
    assert page.verified_at == verified_profile.verified_at


def test_a_moderator_approving_the_changed_credentials_verifies_them_again(
    verified_profile, an_editor, a_moderator, a_member, django_capture_on_commit_callbacks
):
    draft = verified_profile.get_latest_revision_as_object()
    draft.licence_number = "PYL-67890"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=an_editor).publish(user=an_editor)
    approve(verified_profile, a_moderator, django_capture_on_commit_callbacks)

    page = SpecialistPage.objects.get(pk=verified_profile.pk)
    assert page.is_verified and page.verified_at > verified_profile.verified_at
    assert page.verified_details["licence_number"] == "PYL-67890"
    assert is_specialist(type(a_member).objects.get(pk=a_member.pk))


def test_the_account_is_not_editable_in_the_page_editor(verified_profile, editor_client, another_member):
    html = editor_client.get(f"/admin/pages/{verified_profile.pk}/edit/").content.decode()
    assert 'name="user"' not in html
    assert another_member.display_name not in html  # no chooser listing every member


def test_posting_another_account_through_the_editor_changes_nothing(verified_profile, editor_client, another_member):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    page = verified_profile
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "user": another_member.pk,
            "professional_title": page.professional_title,
            "short_bio": page.short_bio,
            "long_bio": rich_text(""),
            "location": page.location,
            "fees": page.fees,
            "licence_number": page.licence_number,
            "licence_issuing_body": page.licence_issuing_body,
            "licence_country": page.licence_country,
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = editor_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.latest_revision_id != verified_profile.latest_revision_id  # the publish went through
    assert page.user_id == verified_profile.user_id
    assert page.get_latest_revision_as_object().user_id == verified_profile.user_id


# --- Moderators: exactly what the workflow needs ----------------------------------


def test_moderators_hold_no_page_permissions(a_directory):
    assert not GroupPagePermission.objects.filter(group__name="Moderators").exists()


def test_moderator_approves_a_profile_in_the_admin_without_page_permissions(
    a_directory, a_member, a_moderator, profile_data, moderator_client, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    assert moderator_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    state = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""})
    assert response.status_code == 302
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.live and page.is_verified and page.verified_by == a_moderator


@pytest.mark.parametrize(
    "action",
    ["delete/", "move/", "unpublish/", "copy/"],
)
def test_moderator_cannot_remove_or_move_a_profile(verified_profile, moderator_client, action):
    response = moderator_client.get(f"/admin/pages/{verified_profile.pk}/{action}")
    assert response.status_code in (302, 403)
    response = moderator_client.post(f"/admin/pages/{verified_profile.pk}/{action}")
    assert response.status_code in (302, 403)
    page = SpecialistPage.objects.filter(pk=verified_profile.pk).first()
    assert page is not None and page.live
    assert page.get_parent().pk == verified_profile.get_parent().pk


def test_moderator_cannot_edit_a_profile_not_in_review_or_the_directory(verified_profile, moderator_client):
    assert moderator_client.get(f"/admin/pages/{verified_profile.pk}/edit/").status_code in (302, 403)
    directory = verified_profile.get_parent()
    assert moderator_client.get(f"/admin/pages/{directory.pk}/edit/").status_code in (302, 403)
    assert moderator_client.get(f"/admin/pages/add/specialists/specialistpage/{directory.pk}/").status_code in (
        302,
        403,
    )


def test_wagtails_default_moderators_workflow_is_unhooked():
    from wagtail.models import Page, Workflow

    root_workflows = {page.get_workflow() for page in Page.objects.filter(depth__lte=2)}
    assert {w.name for w in root_workflows if w} == set()
    moderated = Workflow.objects.filter(active=True, workflow_tasks__task__groupapprovaltask__groups__name="Moderators")
    assert list(moderated.values_list("name", flat=True)) == [services.WORKFLOW_NAME]


# --- Photos ------------------------------------------------------------------------


def _public_files(image):
    """The file names of an image and its renditions, as URLs would use them."""
    return [image.file.name, *(r.file.name for r in image.renditions.all())]


def test_profile_photos_have_unguessable_names(client, a_member, a_directory, form_data):
    client.force_login(a_member)
    client.post("/specialists/join/", {**form_data, "photo": upload("me.jpg")})
    photo = SpecialistPage.objects.get(user=a_member).photo
    name = Path(photo.file.name).stem
    assert "rowan" not in name.lower() and "vale" not in name.lower() and name != "me"
    assert len(name) >= 20


def _profile_with_photo(a_directory, member, profile_data, moderator, captured):
    from specialists.forms import clean_photo

    page = services.specialist_profile_submit(user=member, data=profile_data, photo=clean_photo(upload("me.jpg")))
    approve(page, moderator, captured)
    page = SpecialistPage.objects.get(pk=page.pk)
    page.photo.get_rendition("fill-240x240")  # as the public page makes it
    return page


def test_unpublishing_a_profile_withdraws_its_photo_urls(
    a_directory, a_member, a_moderator, profile_data, settings, django_capture_on_commit_callbacks
):
    page = _profile_with_photo(a_directory, a_member, profile_data, a_moderator, django_capture_on_commit_callbacks)
    before = _public_files(page.photo)
    # The original and its renditions: the public page's, and those made on
    # publish (core/renditions.py), every one of them a public URL.
    assert len(before) >= 2 and any("fill-240x240" in name for name in before[1:])

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    media = Path(settings.MEDIA_ROOT)
    assert [name for name in before if (media / name).exists()] == []
    photo = type(page.photo).objects.get(pk=page.photo_id)
    assert photo.file.name not in before and (media / photo.file.name).exists()
    # Renditions made again for the renamed file (on save, core/renditions.py)
    # carry its new name: none of the old public names comes back.
    assert not [r.file.name for r in photo.renditions.all() if r.file.name in before]


def test_deleting_a_profile_withdraws_its_photo_urls(
    a_directory, a_member, a_moderator, profile_data, settings, django_capture_on_commit_callbacks
):
    page = _profile_with_photo(a_directory, a_member, profile_data, a_moderator, django_capture_on_commit_callbacks)
    before = _public_files(page.photo)

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    assert [name for name in before if (Path(settings.MEDIA_ROOT) / name).exists()] == []


def test_library_images_chosen_by_editors_are_left_alone(
    specialist_index, make_image, django_capture_on_commit_callbacks
):
    from specialists.factories import SpecialistPageFactory

    image = make_image()
    page = SpecialistPageFactory(parent=specialist_index, photo=image)
    name = image.file.name
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    image.refresh_from_db()
    assert image.file.name == name
