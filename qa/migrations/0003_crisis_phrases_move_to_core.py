"""The crisis lexicon moves to core, where the one detector lives.

Every existing phrase is copied to core.CrisisPhrase with a note. The 27
phrases the first list shipped with are kept but switched off: the built-in
detector now covers them with word forms and context, and as exact phrases
some of them flagged harmless text ("I can't go on dates..."). Phrases
editors added stay on. Editors' permissions move to the new model. Questions
get a field for what matched, shown to moderators only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

FIRST_LIST = {
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my own life",
    "taking my own life",
    "want to die",
    "wish i was dead",
    "wish i were dead",
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
}
PERMISSIONS = ["view", "add", "change", "delete"]


def forwards(apps, schema_editor):
    OldPhrase = apps.get_model("qa", "CrisisPhrase")
    NewPhrase = apps.get_model("core", "CrisisPhrase")
    for old in OldPhrase.objects.all():
        shipped = old.phrase.casefold() in FIRST_LIST
        NewPhrase.objects.get_or_create(
            phrase=old.phrase,
            defaults={
                "kind": "phrase",
                "active": not shipped,
                "note": (
                    "From the first list. Off: the built-in detector covers it, with word forms and context."
                    if shipped
                    else "Added by an editor to the first list."
                ),
            },
        )

    core_config = apps.get_app_config("core")
    core_config.models_module = True
    create_permissions(core_config, apps=apps, verbosity=0)
    core_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    new_permissions = list(
        Permission.objects.filter(
            content_type__app_label="core", codename__in=[f"{action}_crisisphrase" for action in PERMISSIONS]
        )
    )
    for group in Group.objects.filter(
        permissions__content_type__app_label="qa", permissions__codename__endswith="_crisisphrase"
    ).distinct():
        group.permissions.add(*new_permissions)
    Group.objects.get_or_create(name="Editors")[0].permissions.add(*new_permissions)
    # The old model's permissions and content type go with it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission.objects.filter(content_type__app_label="qa", codename__endswith="_crisisphrase").delete()
    ContentType.objects.filter(app_label="qa", model="crisisphrase").delete()


def backwards(apps, schema_editor):
    OldPhrase = apps.get_model("qa", "CrisisPhrase")
    NewPhrase = apps.get_model("core", "CrisisPhrase")
    for new in NewPhrase.objects.filter(kind="phrase"):
        OldPhrase.objects.get_or_create(phrase=new.phrase[:100])


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0002_crisis_phrases_and_roles"),
        ("core", "0003_crisis_lexicon_and_alert_settings"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="CrisisPhrase"),
        migrations.AddField(
            model_name="question",
            name="crisis_match",
            field=models.CharField(
                blank=True,
                help_text="Why the crisis detector held this question. For moderators only.",
                max_length=300,
                verbose_name="what matched",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="urgent",
            field=models.BooleanField(
                default=False,
                help_text="Matched the crisis detector. Never shown to the public.",
                verbose_name="urgent",
            ),
        ),
    ]
