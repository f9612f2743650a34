"""What finishing an approved workflow does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Moderators hold no page permissions: the "Specialist verification" task's
group lets them open a profile under review, read it and approve it or ask for
changes, and nothing else (no delete, move, unpublish, directory edits).
Approving the task is what entitles the publish, so for that workflow the
approved revision is published as the workflow, without the approver's page
permissions. Every other workflow publishes as Wagtail does, with the
approver's permissions checked."""

from wagtail.workflows import publish_workflow_state


def publish_approved(workflow_state, user=None):
    from .models import SpecialistPage
    from .services import WORKFLOW_NAME

    content = workflow_state.content_object
    if workflow_state.workflow.name == WORKFLOW_NAME and isinstance(content.specific, SpecialistPage):
        content.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    publish_workflow_state(workflow_state, user=user)
