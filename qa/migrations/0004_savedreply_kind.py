"""Saved replies are kept for approvals or for rejections; the one that
publishes is marked as an approval so it is never offered to reject."""

from django.db import migrations, models

# Saved replies that publish: never offered when rejecting.
APPROVAL_REPLIES = ["Published after review"]


def mark_approval_replies(apps, schema_editor):
    SavedReply = apps.get_model("qa", "SavedReply")
    SavedReply.objects.filter(title__in=APPROVAL_REPLIES).update(kind="approval")


class Migration(migrations.Migration):

    dependencies = [
        ('qa', '0003_crisis_phrases_move_to_core'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='savedreply',
            options={'ordering': ['kind', 'title'], 'verbose_name': 'saved reply', 'verbose_name_plural': 'saved replies'},
        ),
        migrations.AddField(
            model_name='savedreply',
            name='kind',
            field=models.CharField(choices=[('approval', 'Approval: sent when publishing'), ('rejection', 'Rejection: sent when rejecting or removing')], default='rejection', help_text='Only offered for this kind of decision.', max_length=20, verbose_name='used for'),
        ),
        migrations.RunPython(mark_approval_replies, migrations.RunPython.noop),
    ]
