"""Reference data and the verification workflow.

- Languages and approaches members choose from when they create a profile
  (editors add more under Snippets, and may edit these).
- The "Specialist verification" workflow: one Group approval task for the
  Moderators group. It is assigned to the specialist directory page by
  specialists.services.directory_moderation_setup (the directory page does
  not exist yet when migrations run on a fresh database).
- Editors may add and change languages and approaches.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LANGUAGES = [
    ("ar", "Arabic"),
    ("bn", "Bengali"),
    ("zh", "Chinese (Mandarin)"),
    ("yue", "Chinese (Cantonese)"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("nl", "Dutch"),
    ("en", "English"),
    ("fa", "Persian (Farsi)"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("de", "German"),
    ("el", "Greek"),
    ("gu", "Gujarati"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hu", "Hungarian"),
    ("ig", "Igbo"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("ku", "Kurdish"),
    ("no", "Norwegian"),
    ("pa", "Punjabi"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("so", "Somali"),
    ("es", "Spanish"),
    ("sw", "Swahili"),
    ("sv", "Swedish"),
    ("ta", "Tamil"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("vi", "Vietnamese"),
    ("cy", "Welsh"),
    ("yo", "Yoruba"),
    ("bfi", "British Sign Language"),
]

APPROACHES = [
    ("Acceptance and commitment therapy (ACT)", "acceptance-and-commitment-therapy"),
    ("Cognitive behavioural therapy (CBT)", "cognitive-behavioural-therapy"),
    ("CBT for insomnia (CBT-I)", "cbt-for-insomnia"),
    ("Compassion-focused therapy", "compassion-focused-therapy"),
    ("Dialectical behaviour therapy (DBT)", "dialectical-behaviour-therapy"),
    ("EMDR", "emdr"),
    ("Emotionally focused therapy (EFT)", "emotionally-focused-therapy"),
    ("Integrative counselling", "integrative-counselling"),
    ("Interpersonal therapy (IPT)", "interpersonal-therapy"),
    ("Mindfulness-based approaches", "mindfulness-based-approaches"),
    ("Person-centred counselling", "person-centred-counselling"),
    ("Play therapy", "play-therapy"),
    ("Psychiatric assessment and medication review", "psychiatric-assessment"),
    ("Psychodynamic therapy", "psychodynamic-therapy"),
    ("Schema therapy", "schema-therapy"),
    ("Solution-focused brief therapy", "solution-focused-brief-therapy"),
    ("Systemic family therapy", "systemic-family-therapy"),
    ("Trauma-informed practice", "trauma-informed-practice"),
]

WORKFLOW_NAME = "Specialist verification"
TASK_NAME = "Check credentials"
EDITOR_PERMISSIONS = [
    ("specialists", codename)
    for codename in (
        "add_language",
        "change_language",
        "view_language",
        "add_approach",
        "change_approach",
        "view_approach",
    )
]


def ensure_permissions(apps):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    Language = apps.get_model("specialists", "Language")
    Approach = apps.get_model("specialists", "Approach")
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})
    for name, slug in APPROACHES:
        Approach.objects.get_or_create(slug=slug, defaults={"name": name})

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    if not Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    ensure_permissions(apps)
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in EDITOR_PERMISSIONS
        ]
    )


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("specialists", "0002_profile_fields"),
        ("accounts", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
