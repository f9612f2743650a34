"""The Q&A list becomes a page editors title, introduce and place: create it
under the default site's home page at the old address (/questions/), with
the introduction that was a site setting (core drops the setting next)."""

import uuid

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone
from django.utils.html import escape

SLUG = "questions"
TITLE = "Questions"
OLD_DEFAULT_INTRO = (
    "Members ask, anonymously if they wish. Verified specialists answer in public, "
    "so everyone can learn from the answer."
)
STEP = 4  # treebeard's path segment length (Wagtail's pages)
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def next_child_path(Page, parent):
    last = Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path).order_by("-path").first()
    number = int(last.path[-STEP:], 36) + 1 if last else 1
    segment = ""
    while number:
        number, digit = divmod(number, 36)
        segment = ALPHABET[digit] + segment
    return parent.path + segment.rjust(STEP, "0")


def create_questions_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    SiteSettings = apps.get_model("core", "SiteSettings")
    QuestionIndexPage = apps.get_model("qa", "QuestionIndexPage")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or QuestionIndexPage.objects.exists():
        return
    home = site.root_page
    if Page.objects.filter(depth=home.depth + 1, path__startswith=home.path, slug=SLUG).exists():
        return  # an editor's page holds the address: leave it to them
    settings_row = SiteSettings.objects.first()
    intro = settings_row.questions_intro if settings_row else OLD_DEFAULT_INTRO
    now = timezone.now()
    QuestionIndexPage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=ContentType.objects.get_or_create(app_label="qa", model="questionindexpage")[0],
        path=next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        show_in_menus=True,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        intro=f"<p>{escape(intro)}</p>" if intro else "",
    )
    Page.objects.filter(pk=home.pk).update(numchild=models.F("numchild") + 1)


def delete_questions_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    QuestionIndexPage = apps.get_model("qa", "QuestionIndexPage")
    for page in QuestionIndexPage.objects.all():
        parent_path = page.path[:-STEP]
        Page.objects.filter(path=parent_path).update(numchild=models.F("numchild") - 1)
        Page.objects.filter(pk=page.pk).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('qa', '0004_savedreply_kind'),
        ('core', '0003_crisis_lexicon_and_alert_settings'),
        ('home', '0002_create_homepage'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='QuestionIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('social_text', models.CharField(blank=True, help_text='Shown under the title when the page is shared. Defaults to the search description.', max_length=200, verbose_name='social text')),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared. 1200×630 works best.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'questions index',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.RunPython(create_questions_page, delete_questions_page),
    ]
