"""The one StoryBlock used for editorial bodies, and its blocks.

Each block has a template named after it and, for the admin's block chooser, a
label, a description, an icon of its own and a preview value (drawn by
templates/wagtailcore/shared/block_preview.html with the site's stylesheet).
A list, a set of steps or a group of questions is one block with items inside.
There is no raw HTML block and no third-party embed: editors cannot add
scripts or trackers."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

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
        label = _("Heading")
        description = _("A section or subsection title; headings make the article's table of contents.")
        template = "core/blocks/heading_block.html"
        preview_value = {"text": "What helps at night", "level": "h2"}

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
    items = blocks.ListBlock(
        blocks.RichTextBlock(label=_("Item"), features=INLINE_FEATURES), label=_("Items"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Bulleted list")
        description = _("One list of points in no particular order; add an item for each point.")
        template = "core/blocks/bulleted_list_block.html"
        preview_value = {
            "items": [
                "<p>Notice the feeling before you act on it</p>",
                "<p>Name it, even silently</p>",
                "<p>Decide what you need next</p>",
            ]
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.RichTextBlock(label=_("Explanation"), features=INLINE_FEATURES, required=False)

    class Meta:
        icon = "arrow-right"
        label = _("Step")


class NumberedStepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        description = _("Steps to take in order, each with a short title and an optional explanation.")
        template = "core/blocks/numbered_steps_block.html"
        preview_value = {
            "steps": [
                {"title": "Write the worry down", "text": "<p>A few words on paper are enough.</p>"},
                {"title": "Breathe out slowly", "text": "<p>Longer out than in, five times.</p>"},
            ]
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("Words someone said or wrote, set apart from the text, with who said them.")
        template = "core/blocks/quote_block.html"
        preview_value = {
            "quote": "Rest is not a reward for finishing. It is part of the work.",
            "attribution": "A client",
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=[("note", _("Note")), ("important", _("Important"))], default="note"
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = _("Callout")
        description = _("A boxed note or warning that stands out from the text, such as when to seek urgent help.")
        template = "core/blocks/callout_block.html"
        preview_value = {
            "kind": "important",
            "title": "If it lasts for weeks",
            "text": "<p>Talk to your doctor if sleep does not come back after a few weeks.</p>",
        }


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text (Wagtail's ImageBlock: the text for
    this use, or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        description = _(
            "A picture across the text column, with alternative text for people who cannot see it "
            "and an optional caption."
        )
        template = "core/blocks/figure_block.html"

    def get_preview_value(self):
        # The newest image in the library, if there is one: the chooser has no picture of its own.
        image = get_image_model().objects.order_by("-created_at").first()
        image_value = {"image": image, "alt_text": image.default_alt_text, "decorative": False} if image else None
        return self.normalize({"image": image_value, "caption": _("A caption says what the picture shows.")})


class QuestionAndAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    items = blocks.ListBlock(QuestionAndAnswerBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        description = _("Questions readers often ask, each opening to show its answer.")
        template = "core/blocks/faq_block.html"
        preview_value = {
            "items": [
                {"question": "Is it normal to worry at night?", "answer": "<p>Very common, and it can change.</p>"},
                {"question": "When should I ask for help?", "answer": "<p>When it gets in the way of your days.</p>"},
            ]
        }


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80, default=_("Key takeaways"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Takeaway"), max_length=300), label=_("Takeaways"), min_num=1)

    class Meta:
        icon = "tick-inverse"
        label = _("Key takeaways")
        description = _("A short summary box of the points to remember, usually near the end.")
        template = "core/blocks/key_takeaways_block.html"
        preview_value = {
            "title": "Key takeaways",
            "items": ["Worry is louder at night.", "Small, regular steps help more than big plans."],
        }


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="core/blocks/paragraph_block.html",
        description=_("Paragraphs of text, with bold, italic, links and simple lists inside the text."),
        preview_value=(
            "<p>When the day goes quiet, <b>worries</b> often get louder. That is common, "
            "and there are ways to turn the volume down.</p>"
        ),
    )
    bulleted_list = BulletedListBlock()
    numbered_steps = NumberedStepsBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    image = FigureBlock()
    faq = FaqBlock()
    key_takeaways = KeyTakeawaysBlock()

    class Meta:
        template = "core/blocks/story_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["children"] = list(zip(value, heading_anchors(value), strict=True))
        return context
