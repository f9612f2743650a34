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
from pathlib import PurePosixPath

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from accounts import roles
from core.guards import MemberError, user_row_lock
from core.models import route_slugs
from core.page_cache import content_changed

from . import permissions
from .models import SpecialistIndexPage, SpecialistPage
from .tasks import send_specialist_email
from .tokens import unguessable_file_name

WORKFLOW_NAME = "Specialist verification"
TASK_NAME = "Check credentials"
PHOTO_COLLECTION_NAME = "Specialist photos"
# Moderators get no page permissions for the workflow: its task's group lets
# them open, approve or send back a profile under review, and finishing it
# publishes as the workflow (specialists/workflows.py).


class ProfileAlreadyExists(MemberError):
    message = _("You already have a specialist profile.")


class DirectoryMissing(MemberError):
    message = _("The specialist directory is not open yet.")


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
    """Make sure profiles under `index` go through the verification workflow.
    Idempotent; returns the workflow.

    The workflow applies to the directory's subtree only: an assignment
    anywhere else (which would offer articles to the verifiers) is removed."""
    workflow = specialist_workflow()
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    WorkflowPage.objects.filter(workflow=workflow).exclude(page=index).delete()
    return workflow


# --- A member's own profile --------------------------------------------------


def unique_profile_slug(index, name):
    base = slugify(name, allow_unicode=True)[:60].strip("-") or "specialist"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True)) | route_slugs(index)
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
    filename = unguessable_file_name(f".{photo.extension}")
    image = get_image_model()(
        title=f"Photo: {name}"[:255],
        file=ImageFile(BytesIO(photo.content), name=filename),
        file_size=len(photo.content),
        collection=_photo_collection(),
        uploaded_by_user=user,
    )
    image.save()
    image.get_file_hash()  # stores the hash Wagtail's admin finds duplicates by
    return image


def _apply(page, data):
    """Set what the member wrote on `page` (in memory, relations included):
    the name as its title, every other key on the model field of that name.
    The keys are ProfileForm's allow-list (see ProfileForm.profile_data)."""
    for name, value in data.items():
        if name == "display_name":
            page.title = value
        else:
            page._meta.get_field(name).save_form_data(page, value)


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
        user_row_lock(user)  # a double submit waits for the first, then sees its profile
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
    if not permissions.owns(page, user):
        raise PermissionDenied("Only the owner may edit this profile.")

    def write(image):
        user_row_lock(user)
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


def _move_to_new_name(image):
    """Give `image` a new random file name; drop its renditions. Every URL of
    it that was ever handed out stops working (files go once committed)."""
    storage, old_name = image.file.storage, image.file.name
    with storage.open(old_name) as content:
        new_name = storage.save(image.get_upload_to(unguessable_file_name(PurePosixPath(old_name).suffix)), content)
    image.file.name = new_name
    image.save(update_fields=["file"])
    image.renditions.all().delete()  # Wagtail deletes rendition files on commit
    transaction.on_commit(lambda: storage.delete(old_name))


def specialist_photos_withdraw(*, page):
    """`page` left the public site (unpublished or deleted): the photos it
    shows or was given in any revision, when members uploaded them (the
    "Specialist photos" collection, not the editors' library), move to new
    unguessable names, so their public URLs stop working. The images stay,
    for a later republish; account deletion deletes them."""
    photo_ids = {page.photo_id}
    for content in page.revisions.values_list("content", flat=True):
        photo_ids.add((content or {}).get("photo"))
    photos = get_image_model().objects.filter(pk__in=photo_ids - {None}, collection__name=PHOTO_COLLECTION_NAME)
    for image in photos:
        _move_to_new_name(image)
    return len(photos)


# --- Outcomes of the workflow ------------------------------------------------


def specialist_verify(*, page, by):
    """A moderator approved `page`: record the check, make its member a
    specialist and tell them. Does nothing when `by` is not a moderator (an
    editor publishing a page does not verify credentials)."""
    if not permissions.can_verify(by):
        return False
    now = timezone.now()
    with transaction.atomic():
        page = SpecialistPage.objects.select_for_update().get(pk=page.pk)
        first_time = page.verified_at is None and page.verified_details is None
        # update(): verification is not part of any revision (see with_content_json).
        details = page.verification_details()
        SpecialistPage.objects.filter(pk=page.pk).update(verified_at=now, verified_by=by, verified_details=details)
        page.verified_at, page.verified_by, page.verified_details = now, by, details
        # The badge, and a place in the directory and on the home page.
        content_changed(pages=[page])
        if page.user_id:
            page.user.groups.add(Group.objects.get(name=roles.SPECIALISTS))
            kind = "approved" if first_time else "changes_approved"
            user_id, page_id = page.user_id, page.pk
            transaction.on_commit(lambda: send_specialist_email.enqueue(user_id=user_id, page_id=page_id, kind=kind))
    return True


def specialist_published(*, page, by=None):
    """A version of `page` went live. If its account, name or credentials are
    not those a moderator checked, the check no longer holds: the page loses
    its verification (so it leaves the directory and its badge), the accounts
    involved leave the Specialists group, and the page goes back to the
    verification workflow. Returns whether the verification was withdrawn."""
    with transaction.atomic():
        page = SpecialistPage.objects.select_for_update().get(pk=page.pk)
        if page.verified_at is None or page.verified_details == page.verification_details():
            return False
        checked = page.verified_details or {}
        # verified_details stays: what was last checked (whose account, and that
        # a check happened before, for the wording of the next approval e-mail).
        SpecialistPage.objects.filter(pk=page.pk).update(verified_at=None, verified_by=None)
        content_changed(pages=[page])
        specialists = Group.objects.get(name=roles.SPECIALISTS)
        for user_id in {checked.get("user_id"), page.user_id} - {None}:
            specialists.user_set.remove(user_id)
        page_id, by_id = page.pk, getattr(by, "pk", None)
        transaction.on_commit(lambda: _verification_restart(page_id=page_id, by_id=by_id))
    return True


def _verification_restart(*, page_id, by_id):
    """Put a page whose verification was withdrawn in front of the moderators
    again, unless it was verified meanwhile (approving a change in the
    workflow publishes it first, then verifies it) or is already in review."""
    page = SpecialistPage.objects.filter(pk=page_id).first()
    if page is None or page.verified_at is not None or page.current_workflow_state is not None:
        return
    by = get_user_model().objects.filter(pk=by_id).first()
    directory_moderation_setup(index=page.get_parent().specific).start(page, by)


def specialist_reject(*, page, by, reason):
    """A moderator asked for changes to `page`: tell its member why."""
    if not page.user_id:
        return False
    user_id, page_id, reason = page.user_id, page.pk, (reason or "").strip()
    transaction.on_commit(
        lambda: send_specialist_email.enqueue(user_id=user_id, page_id=page_id, kind="changes_requested", reason=reason)
    )
    return True


def member_erase(*, user):
    """What the directory holds of `user`, removed when they delete their
    account (through the registry in accounts.member_data).

    A profile the member made themselves is their personal data and goes,
    unless articles name it as their author; one editors made for an author
    stays, without the account. Members upload pictures only as their profile
    photo (staff upload site images through the admin, which stay): the
    photos go, and Wagtail removes the files and their renditions."""
    page = SpecialistPage.objects.filter(user=user).first()
    if page is not None:
        if page.owner_id == user.pk and not page.authored_articles.exists():
            page.delete()
        else:
            SpecialistPage.objects.filter(pk=page.pk).update(user=None)
    if not (user.is_staff or user.is_superuser):
        for image in get_image_model().objects.filter(uploaded_by_user=user):
            image.delete()
