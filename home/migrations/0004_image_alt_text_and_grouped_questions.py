"""Standard pages' bodies move to the current StoryBlock shapes: image
blocks become Wagtail's ImageBlock plus a caption, neighbouring one-question
FAQ blocks become one "Questions and answers" block (see articles 0004)."""

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from core.stream_migrations import GroupQuestionsOperation, ImageToImageBlockOperation


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_contact_page"),
    ]

    operations = [
        migrations.AlterField(
            model_name="standardpage",
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
                blank=True,
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
        MigrateStreamData(
            app_name="home",
            model_name="standardpage",
            field_name="body",
            operations_and_block_paths=[
                (ImageToImageBlockOperation(), "image"),
                (GroupQuestionsOperation(), ""),
            ],
        ),
    ]
