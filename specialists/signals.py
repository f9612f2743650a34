"""Wagtail's workflow signals, connected to the specialist services. The
receivers only find the page and call a service; the rules live there."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, page_unpublished, task_rejected, workflow_approved

from core import page_cache

from . import services
from .models import Approach, Availability, AvailabilityWindow, ConsultationRequest, DateOff, Language, SpecialistPage


def _specialist_page(workflow_state):
    page = workflow_state.content_object
    if page is None:
        return None
    page = page.specific
    return page if isinstance(page, SpecialistPage) else None


@receiver(workflow_approved, sender=WorkflowState)
def verify_approved_specialist(sender, instance, user=None, **kwargs):
    # Sent after the workflow's finish action has published the approved revision.
    page = _specialist_page(instance)
    if page is not None:
        services.specialist_verify(page=page, by=user)


@receiver(task_rejected)
def tell_specialist_about_rejection(sender, instance, user=None, **kwargs):
    # Wagtail's "Request changes" keeps the moderator's comment on the task state.
    if not isinstance(instance, TaskState):
        return
    page = _specialist_page(instance.workflow_state)
    if page is not None:
        services.specialist_reject(page=page, by=user, reason=instance.comment)


@receiver(page_published, sender=SpecialistPage)
def recheck_published_specialist(sender, instance, revision=None, **kwargs):
    # Any publish (the editor's button, a schedule, the workflow): a changed
    # account or credentials undo the verification.
    services.specialist_published(page=instance, by=getattr(revision, "user", None))


@receiver(page_unpublished, sender=SpecialistPage)
@receiver(pre_delete, sender=SpecialistPage)
def withdraw_removed_specialist_photos(sender, instance, **kwargs):
    # A profile that leaves the site takes its photos' public URLs with it.
    services.specialist_photos_withdraw(page=instance)


# What the directory and the specialist pages show beside the page itself:
# the next open consultation time (availability, dates off, held times) and
# the names of languages and approaches. Kept copies go once it commits.
page_cache.watch(Availability, urls=lambda availability: [availability.specialist.url])
page_cache.watch(AvailabilityWindow, urls=lambda window: [window.availability.specialist.url])
page_cache.watch(DateOff, urls=lambda day: [day.availability.specialist.url])
page_cache.watch(ConsultationRequest, urls=lambda consultation: [consultation.specialist.url])
page_cache.watch(Language)
page_cache.watch(Approach)
