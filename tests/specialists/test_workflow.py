"""The "Specialist verification" workflow end to end, through the services
and through the Wagtail admin: submit, approve, reject with a reason, edit
again while the live page stays as it was."""

import pytest
from django.core import mail
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState

from accounts.factories import give_totp
from accounts.roles import is_specialist
from specialists import services
from specialists.models import SpecialistPage
from specialists.selectors import profile_status
from tests.two_factor import TOTP_SECRET, log_in_with_two_factor

pytestmark = pytest.mark.django_db


def current_task_state(page):
    return WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state


def approve(page, moderator, captured):
    with captured(execute=True):
        current_task_state(page).approve(user=moderator)


def reject(page, moderator, captured, comment):
    with captured(execute=True):
        current_task_state(page).reject(user=moderator, comment=comment)


def test_migration_creates_the_workflow_for_moderators():
    workflow = Workflow.objects.get(name=services.WORKFLOW_NAME)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_moderation_setup_assigns_the_workflow_and_no_page_rights(a_directory):
    assert a_directory.get_workflow().name == services.WORKFLOW_NAME
    services.directory_moderation_setup(index=a_directory)  # idempotent
    # The workflow's task is the moderators' only way to the profiles.
    assert not GroupPagePermission.objects.filter(group__name="Moderators").exists()


def test_only_the_directory_has_a_workflow(a_directory, a_specialist_page, an_article, root_page):
    # Wagtail's default "Moderators approval" on the root is retired (specialists/0004):
    # the verifiers are not offered articles or any other page outside the directory.
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [services.WORKFLOW_NAME]
    assert list(WorkflowPage.objects.values_list("page_id", flat=True)) == [a_directory.pk]
    assert a_specialist_page.get_workflow().name == services.WORKFLOW_NAME
    assert an_article.get_workflow() is None
    assert an_article.get_parent().get_workflow() is None
    assert Page.objects.get(depth=2).get_workflow() is None


def test_moderation_setup_takes_the_workflow_off_pages_outside_the_directory(a_directory, an_article, root_page):
    workflow = Workflow.objects.get(name=services.WORKFLOW_NAME)
    WorkflowPage.objects.create(page=root_page, workflow=workflow)
    assert an_article.get_workflow() == workflow

    services.directory_moderation_setup(index=a_directory)

    assert an_article.get_workflow() is None
    assert a_directory.get_workflow() == workflow


def test_submit_creates_a_draft_owned_by_the_member_in_review(a_directory, a_member, profile_data):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)

    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.user == a_member
    assert page.owner == a_member
    assert not page.live
    assert not page.is_verified
    assert page.get_parent().pk == a_directory.pk
    assert page.slug == "dr-rowan-vale"
    assert page.title == "Dr Rowan Vale"
    assert {t.slug for t in page.topics.all()} == {"relationships", "anxiety"}
    assert {lang.code for lang in page.languages.all()} == {"en", "pl"}
    assert page.long_bio == ("<p>I have worked with families for ten years.</p><p>Sessions are online or in Leeds.</p>")
    assert page.workflow_in_progress
    assert page.current_workflow_state.requested_by == a_member
    assert profile_status(page)["code"] == "pending"
    assert not is_specialist(a_member)


def test_submit_twice_keeps_one_profile(a_directory, a_member, profile_data):
    services.specialist_profile_submit(user=a_member, data=profile_data)
    with pytest.raises(services.ProfileAlreadyExists):
        services.specialist_profile_submit(user=a_member, data=profile_data)
    assert SpecialistPage.objects.filter(user=a_member).count() == 1


def test_moderators_are_told_of_a_submission(a_directory, a_member, a_moderator, profile_data):
    services.specialist_profile_submit(user=a_member, data=profile_data)
    assert [message.to for message in mail.outbox] == [[a_moderator.email]]


def test_approval_publishes_verifies_grants_the_group_and_emails_the_member(
    a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    mail.outbox.clear()

    approve(page, a_moderator, django_capture_on_commit_callbacks)

    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.live
    assert page.is_verified
    assert page.verified_by == a_moderator
    member = type(a_member).objects.get(pk=a_member.pk)
    assert member.groups.filter(name="Specialists").exists()
    assert is_specialist(member)
    assert profile_status(page)["code"] == "live"
    # Ours only: Wagtail's admin e-mail (with links into the admin) is not for members.
    assert [message.to for message in mail.outbox] == [[a_member.email]]
    assert mail.outbox[0].subject == "Your specialist profile is live on Steady Ground"
    assert page.get_full_url() in mail.outbox[0].body


def test_rejection_emails_the_reason_and_leaves_the_profile_unpublished(
    a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    mail.outbox.clear()

    reject(page, a_moderator, django_capture_on_commit_callbacks, "The register lists a different number.")

    page = SpecialistPage.objects.get(pk=page.pk)
    assert not page.live
    assert not page.is_verified
    assert not type(a_member).objects.get(pk=a_member.pk).groups.filter(name="Specialists").exists()
    assert profile_status(page) == {"code": "changes_requested", "note": "The register lists a different number."}
    assert [message.to for message in mail.outbox] == [[a_member.email]]
    assert "The register lists a different number." in mail.outbox[0].body
    assert "/specialists/me/edit/" in mail.outbox[0].body


def test_resubmitting_after_a_rejection_resumes_the_review(
    a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    reject(page, a_moderator, django_capture_on_commit_callbacks, "Please add your registration number.")

    services.specialist_profile_update(page=page, user=a_member, data={**profile_data, "licence_number": "PYL-99999"})

    page = SpecialistPage.objects.get(pk=page.pk)
    assert profile_status(page)["code"] == "pending"
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1  # the same review, resumed
    approve(page, a_moderator, django_capture_on_commit_callbacks)
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.live and page.is_verified
    assert page.licence_number == "PYL-99999"


def test_edit_of_a_live_profile_waits_for_review_while_the_live_page_stays(
    a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks, client
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    approve(page, a_moderator, django_capture_on_commit_callbacks)
    verified_at = SpecialistPage.objects.get(pk=page.pk).verified_at
    mail.outbox.clear()

    services.specialist_profile_update(
        page=page, user=a_member, data={**profile_data, "display_name": "Dr Rowan Vale-Smith", "fees": "£65"}
    )

    live = SpecialistPage.objects.get(pk=page.pk)
    assert live.title == "Dr Rowan Vale"
    assert live.fees == "£60 for 50 minutes"
    assert live.is_verified
    assert profile_status(live)["code"] == "changes_pending"
    assert live.get_latest_revision_as_object().fees == "£65"
    assert "Dr Rowan Vale-Smith" not in client.get(live.url).content.decode()

    approve(live, a_moderator, django_capture_on_commit_callbacks)

    live = SpecialistPage.objects.get(pk=page.pk)
    assert live.title == "Dr Rowan Vale-Smith"
    assert live.fees == "£65"
    assert live.slug == "dr-rowan-vale"  # shared links keep working
    assert live.verified_at > verified_at
    assert mail.outbox[-1].subject == "Your profile changes are live"


def test_editing_during_a_review_restarts_it_on_the_new_revision(
    a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    services.specialist_profile_update(page=page, user=a_member, data={**profile_data, "fees": "£50"})

    states = WorkflowState.objects.filter(object_id=str(page.pk))
    assert [s.status for s in states.order_by("pk")] == ["cancelled", "in_progress"]
    approve(page, a_moderator, django_capture_on_commit_callbacks)
    assert SpecialistPage.objects.get(pk=page.pk).fees == "£50"


def test_publishing_an_old_revision_keeps_the_verification(
    a_directory, a_member, a_moderator, profile_data, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    first_revision = page.get_latest_revision()
    approve(page, a_moderator, django_capture_on_commit_callbacks)

    first_revision.publish()

    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.is_verified
    assert page.verified_by == a_moderator


def test_only_a_moderator_verifies(a_directory, a_member, an_editor, profile_data):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    assert services.specialist_verify(page=page, by=an_editor) is False
    assert services.specialist_verify(page=page, by=a_member) is False
    assert not SpecialistPage.objects.get(pk=page.pk).is_verified


def test_editor_publishing_directly_does_not_verify(specialist_index, an_editor):
    from specialists.factories import SpecialistPageFactory

    page = SpecialistPageFactory(parent=specialist_index, unverified=True)
    page.save_revision(user=an_editor).publish(user=an_editor)
    assert not SpecialistPage.objects.get(pk=page.pk).is_verified


def test_update_refuses_someone_elses_profile(a_directory, a_member, another_member, profile_data):
    from django.core.exceptions import PermissionDenied

    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    with pytest.raises(PermissionDenied):
        services.specialist_profile_update(page=page, user=another_member, data=profile_data)


def test_submit_without_a_directory_fails_clearly(home_page, a_member, profile_data):
    with pytest.raises(services.DirectoryMissing):
        services.specialist_profile_submit(user=a_member, data=profile_data)


# --- In the Wagtail admin, as a moderator would ----------------------------------


@pytest.fixture
def moderator_client(client, a_moderator):
    give_totp(a_moderator, TOTP_SECRET)
    log_in_with_two_factor(client, a_moderator)
    return client


def test_moderator_sees_the_credentials_in_the_admin_editor(a_directory, a_member, profile_data, moderator_client):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)

    response = moderator_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Credentials" in html
    assert "PYL-12345" in html
    assert "Health and Care Professions Council" in html
    assert "Approve" in html


def test_moderator_approves_in_the_admin(
    a_directory, a_member, profile_data, moderator_client, a_moderator, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    task_state = current_task_state(page)

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )

    assert response.status_code == 302
    page = SpecialistPage.objects.get(pk=page.pk)
    assert page.live
    assert page.verified_by == a_moderator


def test_moderator_requests_changes_with_a_reason_in_the_admin(
    a_directory, a_member, profile_data, moderator_client, django_capture_on_commit_callbacks
):
    page = services.specialist_profile_submit(user=a_member, data=profile_data)
    task_state = current_task_state(page)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
            {"comment": "Your registration has lapsed."},
        )

    assert response.status_code == 302
    assert profile_status(SpecialistPage.objects.get(pk=page.pk))["note"] == "Your registration has lapsed."
    assert "Your registration has lapsed." in mail.outbox[-1].body


def test_moderator_cannot_edit_pages_outside_the_directory(a_directory, moderator_client, an_article):
    assert moderator_client.get(f"/admin/pages/{an_article.pk}/edit/").status_code in (302, 403)
    home = Page.objects.get(depth=2)
    assert moderator_client.get(f"/admin/pages/{home.pk}/edit/").status_code in (302, 403)


def test_moderator_finds_the_submission_on_the_admin_dashboard(a_directory, a_member, profile_data, moderator_client):
    services.specialist_profile_submit(user=a_member, data=profile_data)
    response = moderator_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Awaiting your review" in html
    assert "Dr Rowan Vale" in html
