"""Default crisis phrases, a few saved replies, and what moderators and
editors may do with Q&A.

Moderators moderate questions and answers (view, change) and keep the saved
replies. Editors keep the crisis phrases and may look at the question list,
where anonymous askers stay anonymous to them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRISIS_PHRASES = [
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my own life",
    "taking my own life",
    "want to die",
    "wish I was dead",
    "wish I were dead",
    "better off dead",
    "better off without me",
    "suicide",
    "suicidal",
    "no reason to live",
    "not worth living",
    "can't go on",
    "cannot go on",
    "hurt myself",
    "hurting myself",
    "harm myself",
    "harming myself",
    "self-harm",
    "self harm",
    "cut myself",
    "cutting myself",
    "overdose",
    "say goodbye to everyone",
]

SAVED_REPLIES = {
    "Identifying details": (
        "Your question includes details that could identify you or someone else. "
        "Please ask again without names, places or other personal details."
    ),
    "Needs urgent help, not Q&A": (
        "What you wrote sounds like you may need help sooner than a public answer can give. "
        "Please use the crisis lines on our Need help now? page, or call your local emergency number."
    ),
    "Not a question for specialists": (
        "Our specialists answer questions about mental health and relationships. "
        "This one is outside what they can help with here."
    ),
    "Published after review": "Thank you for your patience. Your question is now published.",
}

MODERATOR_PERMISSIONS = [
    ("qa", "view_question"),
    ("qa", "change_question"),
    ("qa", "view_answer"),
    ("qa", "change_answer"),
    ("qa", "view_savedreply"),
    ("qa", "add_savedreply"),
    ("qa", "change_savedreply"),
    ("qa", "delete_savedreply"),
]
EDITOR_PERMISSIONS = [
    ("qa", "view_question"),
    ("qa", "view_crisisphrase"),
    ("qa", "add_crisisphrase"),
    ("qa", "change_crisisphrase"),
    ("qa", "delete_crisisphrase"),
]


def ensure_permissions(apps):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    CrisisPhrase = apps.get_model("qa", "CrisisPhrase")
    SavedReply = apps.get_model("qa", "SavedReply")
    for phrase in CRISIS_PHRASES:
        CrisisPhrase.objects.get_or_create(phrase=phrase)
    for title, text in SAVED_REPLIES.items():
        SavedReply.objects.get_or_create(title=title, defaults={"text": text})

    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in (("Moderators", MODERATOR_PERMISSIONS), ("Editors", EDITOR_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *[Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in permissions]
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in (("Moderators", MODERATOR_PERMISSIONS), ("Editors", EDITOR_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="qa", codename__in=[c for _a, c in permissions])
            )


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0001_initial"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
