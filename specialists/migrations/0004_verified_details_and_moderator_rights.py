"""Verification covers who and what was checked; moderators lose page rights.

- `verified_details`: the account, name and credentials a moderator checked.
  Pages verified before this migration get their current details.
- Moderators' page permissions on the directory (change, publish) go: the
  verification workflow's task is their only way in (specialists/workflows.py).
- Wagtail's first migrations made a "Moderators approval" workflow on the root
  page, which would let moderators open and edit any page an editor submits:
  it is unhooked from the page tree and deactivated.
"""

from django.db import migrations, models

VERIFIED_FIELDS = ("user_id", "title", "licence_number", "licence_issuing_body", "licence_country")
WORKFLOW_NAME = "Specialist verification"


def forwards(apps, schema_editor):
    SpecialistPage = apps.get_model("specialists", "SpecialistPage")
    for page in SpecialistPage.objects.filter(verified_at__isnull=False, verified_details__isnull=True):
        SpecialistPage.objects.filter(pk=page.pk).update(
            verified_details={field: getattr(page, field) for field in VERIFIED_FIELDS}
        )

    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    GroupPagePermission.objects.filter(group=moderators).delete()
    for workflow in Workflow.objects.filter(workflow_tasks__task__groupapprovaltask__groups=moderators).exclude(
        name=WORKFLOW_NAME
    ):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("specialists", "0003_reference_data_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="specialistpage",
            name="verified_details",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="verified details"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
