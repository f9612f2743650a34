"""The one StoryBlock used for editorial bodies, and its blocks.

Each block has an icon and a template named after it. There is no raw HTML
block and no third-party embed: editors cannot add scripts or trackers."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # StoryBlock passes the de-duplicated anchor (the same one the table of
        # contents links to); a heading rendered on its own falls back to its slug.
        context["anchor"] = context.get("heading_anchor") or heading_anchor(value["text"])
        return context


def heading_anchor(text):
    return slugify(text, allow_unicode=True) or "section"


# ids the page templates use around a body; a heading never takes one of them.
RESERVED_ANCHORS = frozenset(
    {
        "main",
        "site-search-q",
        "footer-crisis",
        "toc-heading",
        "share-heading-main",
        "author-box-heading",
        "cta-heading",
        "related-heading",
        "comments",
        "comments-heading",
        "comment-form-heading",
    }
)


def heading_anchors(stream_value):
    """One anchor per block of a StoryBlock value, in order: a unique id for
    each heading ("-2", "-3"... for repeats) and None for every other block.

    The table of contents and the rendered headings both come from here, so
    every link in the contents reaches its heading."""
    taken = set(RESERVED_ANCHORS)
    anchors = []
    for child in stream_value or []:
        if child.block_type != "heading":
            anchors.append(None)
            continue
        base = heading_anchor(child.value["text"])
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        anchors.append(anchor)
    return anchors


class BulletedListBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.RichTextBlock(features=INLINE_FEATURES), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "core/blocks/bulleted_list_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.RichTextBlock(label=_("Explanation"), features=INLINE_FEATURES, required=False)


class NumberedStepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "core/blocks/numbered_steps_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=[("note", _("Note")), ("important", _("Important"))], default="note"
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "core/blocks/callout_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "core/blocks/image_block.html"


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "core/blocks/faq_block.html"


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80, default=_("Key takeaways"))
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Takeaways"), min_num=1)

    class Meta:
        icon = "tick-inverse"
        template = "core/blocks/key_takeaways_block.html"


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=TEXT_FEATURES, icon="pilcrow", template="core/blocks/paragraph_block.html"
    )
    bulleted_list = BulletedListBlock()
    numbered_steps = NumberedStepsBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    faq = FaqBlock()
    key_takeaways = KeyTakeawaysBlock()

    class Meta:
        template = "core/blocks/story_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["children"] = list(zip(value, heading_anchors(value), strict=True))
        return context
