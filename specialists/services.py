"""Writes on specialist profiles that have rules or side effects: a member's
own profile, the "Specialist verification" workflow and what its outcome does.

A member's profile is a Wagtail page they own. Creating it saves a draft and
submits it to the workflow; editing it saves a new revision and submits that,
while the live page stays as it was until a moderator approves. Approval
(Wagtail publishes the revision) records the verification, adds the member to
the Specialists group and e-mails them; a request for changes e-mails them the
moderator's reason. The workflow's signals call specialist_verify and
specialist_reject (see specialists/signals.py); nothing here is a receiver.
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from accounts import roles

from .models import RESERVED_SLUGS, SpecialistIndexPage, SpecialistPage
from .tasks import send_specialist_email

WORKFLOW_NAME = "Specialist verification"
TASK_NAME = "Check credentials"
PHOTO_COLLECTION_NAME = "Specialist photos"
# What moderators may do on the directory and the profiles under it: approve
# profiles in the workflow (finishing it publishes the page, which needs
# publish_page) and open them in the editor to read the credentials or fix a
# typo (change_page). Nothing anywhere else in the page tree.
MODERATOR_DIRECTORY_PERMISSIONS = ("change_page", "publish_page")

# Fields a member's form may set on their page. Not the verification, the
# owner, the account, the slug or the publishing state.
PROFILE_PAGE_FIELDS = (
    "professional_title",
    "short_bio",
    "long_bio",
    "offers_online",
    "offers_in_person",
    "location",
    "fees",
    "accepting_new_clients",
    "offers_free_consultation",
    "licence_number",
    "licence_issuing_body",
    "licence_country",
)
PROFILE_RELATIONS = ("topics", "approaches", "languages")


class ProfileError(Exception):
    """A profile that cannot be submitted; `message` is shown to the member."""

    message = "Your profile could not be saved."

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class ProfileAlreadyExists(ProfileError):
    message = "You already have a specialist profile."


class DirectoryMissing(ProfileError):
    message = "The specialist directory is not open yet."


# --- Workflow set-up ---------------------------------------------------------


def specialist_workflow():
    """The "Specialist verification" workflow: one task, approved by Moderators.

    Created by a migration; made again here if someone deleted or deactivated it."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        return workflow
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([Group.objects.get(name=roles.MODERATORS)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def directory_moderation_setup(*, index):
    """Make sure profiles under `index` go through the verification workflow
    and that moderators can review them. Idempotent; returns the workflow."""
    workflow = specialist_workflow()
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    moderators = Group.objects.get(name=roles.MODERATORS)
    for codename in MODERATOR_DIRECTORY_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return workflow


# --- A member's own profile --------------------------------------------------


def unique_profile_slug(index, name):
    base = slugify(name, allow_unicode=True)[:60].strip("-") or "specialist"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _photo_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PHOTO_COLLECTION_NAME).first()
    return collection or root.add_child(name=PHOTO_COLLECTION_NAME)


def _store_photo(*, photo, user, name):
    """A Wagtail image from a CleanPhoto (see specialists.forms.clean_photo)."""
    filename = f"{slugify(name) or 'specialist'}.{photo.extension}"
    image = get_image_model()(
        title=f"Photo: {name}"[:255],
        file=ImageFile(BytesIO(photo.content), name=filename),
        collection=_photo_collection(),
        uploaded_by_user=user,
    )
    image._set_image_file_metadata()  # size, hash and dimensions, as Wagtail's upload form does
    image.save()
    return image


def _apply(page, data):
    page.title = data["display_name"]
    for field in PROFILE_PAGE_FIELDS:
        if field in data:
            setattr(page, field, data[field])
    for relation in PROFILE_RELATIONS:
        if relation in data:
            getattr(page, relation).set(list(data[relation]))


def _lock_user(user):
    """One profile write at a time per member: a double submit waits for the
    first, then sees the profile it made."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


def _quiet_admin_notifications(user):
    """Members have no admin access: Wagtail's own approval and rejection
    e-mails (with links into the admin) are not for them; ours are."""
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def _run_with_photo_cleanup(write, *, photo, user, name):
    """Run write(image) in a transaction. If anything fails, the stored photo
    file goes too: no orphan files, no half-made page."""
    image = None
    try:
        with transaction.atomic():
            if photo is not None:
                image = _store_photo(photo=photo, user=user, name=name)
            return write(image)
    except BaseException:
        if image is not None:
            image.file.delete(save=False)
        raise


def specialist_profile_submit(*, user, data, photo=None):
    """Create `user`'s profile as a draft page they own and submit it to the
    verification workflow. `data` comes from ProfileForm.profile_data(),
    `photo` is a CleanPhoto or None. Returns the page.

    Raises ProfileAlreadyExists when the member already has a profile (a
    double submit included) and DirectoryMissing when there is no directory."""
    index = SpecialistIndexPage.objects.first()
    if index is None:
        raise DirectoryMissing()

    def write(image):
        _lock_user(user)
        if SpecialistPage.objects.filter(user=user).exists():
            raise ProfileAlreadyExists()
        workflow = directory_moderation_setup(index=index)
        page = SpecialistPage(
            slug=unique_profile_slug(index, data["display_name"]),
            user=user,
            owner=user,
            live=False,
            has_unpublished_changes=True,
            photo=image,
        )
        _apply(page, data)
        try:
            with transaction.atomic():
                index.add_child(instance=page)
        except IntegrityError as error:  # the one-profile-per-account constraint
            raise ProfileAlreadyExists() from error
        page.save_revision(user=user, log_action=True)
        _quiet_admin_notifications(user)
        workflow.start(page, user)
        return page

    return _run_with_photo_cleanup(write, photo=photo, user=user, name=data["display_name"])


def specialist_profile_update(*, page, user, data, photo=None):
    """Save `user`'s changes to their own profile as a new revision and submit
    it to the verification workflow. The live page does not change until a
    moderator approves. Returns the revision."""
    if page.user_id is None or page.user_id != user.pk:
        raise PermissionDenied("Only the owner may edit this profile.")

    def write(image):
        _lock_user(user)
        current = SpecialistPage.objects.select_for_update().get(pk=page.pk)
        draft = current.get_latest_revision_as_object()
        _apply(draft, data)
        if image is not None:
            draft.photo = image
        revision = draft.save_revision(user=user, log_action=True)
        _quiet_admin_notifications(user)
        _submit(current, user)
        return revision

    return _run_with_photo_cleanup(write, photo=photo, user=user, name=data["display_name"])


def _submit(page, user):
    """Send the latest revision to the workflow, as Wagtail's editor does: a
    request for changes resumes; a review in progress starts again on the new
    revision; otherwise a new review starts."""
    index = page.get_parent().specific
    workflow = directory_moderation_setup(index=index)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        state.cancel(user=user)
    workflow.start(page, user)


# --- Outcomes of the workflow ------------------------------------------------


def can_verify(user):
    return bool(user and user.is_active and (user.is_superuser or roles.in_group(user, roles.MODERATORS)))


def specialist_verify(*, page, by):
    """A moderator approved `page`: record the check, make its member a
    specialist and tell them. Does nothing when `by` is not a moderator (an
    editor publishing a page does not verify credentials)."""
    if not can_verify(by):
        return False
    now = timezone.now()
    with transaction.atomic():
        page = SpecialistPage.objects.select_for_update().get(pk=page.pk)
        first_time = page.verified_at is None
        # update(): verification is not part of any revision (see with_content_json).
        SpecialistPage.objects.filter(pk=page.pk).update(verified_at=now, verified_by=by)
        page.verified_at, page.verified_by = now, by
        if page.user_id:
            page.user.groups.add(Group.objects.get(name=roles.SPECIALISTS))
            kind = "approved" if first_time else "changes_approved"
            user_id, page_id = page.user_id, page.pk
            transaction.on_commit(lambda: send_specialist_email.enqueue(user_id=user_id, page_id=page_id, kind=kind))
    return True


def specialist_reject(*, page, by, reason):
    """A moderator asked for changes to `page`: tell its member why."""
    if not page.user_id:
        return False
    user_id, page_id, reason = page.user_id, page.pk, (reason or "").strip()
    transaction.on_commit(
        lambda: send_specialist_email.enqueue(user_id=user_id, page_id=page_id, kind="changes_requested", reason=reason)
    )
    return True
