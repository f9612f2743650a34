"""The main menu now comes from the page tree (pages under the home page
marked "Show in menus"): put the sections that were hard-coded in it there,
on the page and on its latest revision (what the editor opens)."""

from django.db import migrations

SECTIONS = [("articles", "articleindexpage"), ("specialists", "specialistindexpage")]


def show_sections_in_menus(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    types = ContentType.objects.filter(
        app_label__in=[app for app, _model in SECTIONS], model__in=[model for _app, model in SECTIONS]
    )
    for page in Page.objects.filter(content_type__in=types).select_related("latest_revision"):
        page.show_in_menus = True
        page.save(update_fields=["show_in_menus"])
        revision = page.latest_revision
        if revision is not None and isinstance(revision.content, dict):
            revision.content["show_in_menus"] = True
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_image_alt_text_and_grouped_questions"),
        ("articles", "0004_image_alt_text_and_grouped_questions"),
        ("specialists", "0004_verified_details_and_moderator_rights"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(show_sections_in_menus, migrations.RunPython.noop)]
