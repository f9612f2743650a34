"""Images carry their alternative text the Wagtail way.

- The hero image's alternative text moves into the image's description (the
  description Wagtail uses as an image's default alt text); an image that
  already has a different description keeps it.
- Body image blocks become Wagtail's ImageBlock (image, alt text, decorative)
  plus a caption; the alt text each article gave stays with that use.
- One-question FAQ blocks next to each other become one "Questions and
  answers" block with an item per question.

MigrateStreamData also rewrites the pages' revisions, so drafts and history
open in the new shape. Not reversible in data (the old shapes are gone)."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from core.stream_migrations import GroupQuestionsOperation, ImageToImageBlockOperation


def hero_alt_text_to_image_description(apps, schema_editor):
    ArticlePage = apps.get_model("articles", "ArticlePage")
    Image = apps.get_model("wagtailimages", "Image")
    pages = ArticlePage.objects.exclude(hero_image=None).exclude(hero_alt_text="").order_by("pk")
    for image_id, alt_text in pages.values_list("hero_image_id", "hero_alt_text"):
        Image.objects.filter(pk=image_id, description="").update(description=alt_text[:255])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_comment_safety"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(hero_alt_text_to_image_description, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="articlepage",
            name="hero_alt_text",
        ),
        migrations.AlterField(
            model_name="articlepage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 2),
                    ("paragraph", 3),
                    ("bulleted_list", 6),
                    ("numbered_steps", 11),
                    ("quote", 14),
                    ("callout", 18),
                    ("image", 21),
                    ("faq", 26),
                    ("key_takeaways", 30),
                ],
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 120}),
                    1: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {"choices": [("h2", "Section (h2)"), ("h3", "Subsection (h3)")], "label": "Level"},
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                    3: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "description": "Paragraphs of text, with bold, italic, links and simple lists inside the text.",
                            "features": ["bold", "italic", "link", "ol", "ul"],
                            "icon": "pilcrow",
                            "label": "Rich text",
                            "preview_value": "<p>When the day goes quiet, <b>worries</b> often get louder. That is common, and there are ways to turn the volume down.</p>",
                            "template": "core/blocks/paragraph_block.html",
                        },
                    ),
                    4: ("wagtail.blocks.RichTextBlock", (), {"features": ["bold", "italic", "link"], "label": "Item"}),
                    5: ("wagtail.blocks.ListBlock", (4,), {"label": "Items", "min_num": 1}),
                    6: ("wagtail.blocks.StructBlock", [[("items", 5)]], {}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Step", "max_length": 120}),
                    8: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"features": ["bold", "italic", "link"], "label": "Explanation", "required": False},
                    ),
                    9: ("wagtail.blocks.StructBlock", [[("title", 7), ("text", 8)]], {}),
                    10: ("wagtail.blocks.ListBlock", (9,), {"label": "Steps", "min_num": 1}),
                    11: ("wagtail.blocks.StructBlock", [[("steps", 10)]], {}),
                    12: ("wagtail.blocks.TextBlock", (), {"label": "Quote", "max_length": 600}),
                    13: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Who said it", "max_length": 120, "required": False},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("quote", 12), ("attribution", 13)]], {}),
                    15: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {"choices": [("note", "Note"), ("important", "Important")], "label": "Kind"},
                    ),
                    16: ("wagtail.blocks.CharBlock", (), {"label": "Title", "max_length": 120, "required": False}),
                    17: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"features": ["bold", "italic", "link", "ol", "ul"], "label": "Text"},
                    ),
                    18: ("wagtail.blocks.StructBlock", [[("kind", 15), ("title", 16), ("text", 17)]], {}),
                    19: ("wagtail.images.blocks.ImageBlock", [], {"label": "Image"}),
                    20: ("wagtail.blocks.CharBlock", (), {"label": "Caption", "max_length": 250, "required": False}),
                    21: ("wagtail.blocks.StructBlock", [[("image", 19), ("caption", 20)]], {}),
                    22: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 200}),
                    23: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"features": ["bold", "italic", "link", "ol", "ul"], "label": "Answer"},
                    ),
                    24: ("wagtail.blocks.StructBlock", [[("question", 22), ("answer", 23)]], {}),
                    25: ("wagtail.blocks.ListBlock", (24,), {"label": "Questions", "min_num": 1}),
                    26: ("wagtail.blocks.StructBlock", [[("items", 25)]], {}),
                    27: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"default": "Key takeaways", "label": "Title", "max_length": 80},
                    ),
                    28: ("wagtail.blocks.CharBlock", (), {"label": "Takeaway", "max_length": 300}),
                    29: ("wagtail.blocks.ListBlock", (28,), {"label": "Takeaways", "min_num": 1}),
                    30: ("wagtail.blocks.StructBlock", [[("title", 27), ("items", 29)]], {}),
                },
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="articlepage",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                help_text="The image's description (edit it in Images) is read out as its alternative text; an image without a description is treated as decorative.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="hero image",
            ),
        ),
        MigrateStreamData(
            app_name="articles",
            model_name="articlepage",
            field_name="body",
            operations_and_block_paths=[
                (ImageToImageBlockOperation(), "image"),
                (GroupQuestionsOperation(), ""),
            ],
        ),
    ]
