"""The questions page's introduction is the page's own now
(qa.QuestionIndexPage, whose migration copies it there first)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_crisis_lexicon_and_alert_settings'),
        ('qa', '0005_question_index_page'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='sitesettings',
            name='questions_intro',
        ),
    ]
