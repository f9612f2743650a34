"""Every block of the StoryBlock (and the crisis resource block) renders the
markup readers and assistive technology rely on."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.factories import UserFactory, give_totp
from core.blocks import StoryBlock
from core.models import CrisisResourceBlock
from tests.two_factor import log_in_with_two_factor

pytestmark = pytest.mark.django_db

TESTED_BLOCKS = {
    "heading",
    "paragraph",
    "bulleted_list",
    "numbered_steps",
    "quote",
    "callout",
    "image",
    "faq",
    "key_takeaways",
}


def render(name, raw):
    """Render one StoryBlock child from its stored (JSON) form."""
    block = StoryBlock().child_blocks[name]
    return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


def render_story(raw_blocks):
    story = StoryBlock()
    value = story.to_python([{"type": name, "value": raw} for name, raw in raw_blocks])
    return BeautifulSoup(value.render_as_block(), "html.parser")


def test_every_story_block_has_a_rendering_test():
    assert set(StoryBlock().child_blocks) == TESTED_BLOCKS


@pytest.mark.parametrize("level", ["h2", "h3"])
def test_heading_renders_at_its_level_with_an_anchor(level):
    soup = render("heading", {"text": "Why the mind races", "level": level})

    heading = soup.find(level)
    assert heading.get_text() == "Why the mind races"
    assert heading["id"] == "why-the-mind-races"


def test_heading_text_is_escaped():
    soup = render("heading", {"text": "<b>Loud</b> & clear", "level": "h2"})

    assert soup.find("b") is None
    assert soup.find("h2").get_text() == "<b>Loud</b> & clear"


def test_paragraph_renders_rich_text():
    soup = render("paragraph", '<p>When the day goes <b>quiet</b>, <a href="https://example.org/">read on</a>.</p>')

    assert soup.select_one(".rich-text p b").get_text() == "quiet"
    assert soup.select_one(".rich-text a")["href"] == "https://example.org/"


def test_bulleted_list_renders_a_ul():
    soup = render("bulleted_list", {"items": ["<p>Notice the feeling</p>", "<p>Name <i>it</i></p>"]})

    items = soup.select("ul > li")
    assert [item.get_text() for item in items] == ["Notice the feeling", "Name it"]
    assert items[1].find("i").get_text() == "it"


def test_numbered_steps_render_an_ol_with_titles():
    soup = render(
        "numbered_steps",
        {
            "steps": [
                {"title": "Write it down", "text": "<p>Park the worry on paper.</p>"},
                {"title": "Breathe out slowly", "text": ""},
            ]
        },
    )

    steps = soup.select("ol > li")
    assert [step.select_one(".steps__title").get_text() for step in steps] == ["Write it down", "Breathe out slowly"]
    assert steps[0].select_one(".steps__text").get_text() == "Park the worry on paper."
    assert steps[1].select_one(".steps__text") is None


def test_quote_renders_blockquote_with_attribution():
    soup = render("quote", {"quote": "Rest is not a reward.\nIt is a need.", "attribution": "A client"})

    figure = soup.find("figure")
    assert figure.find("blockquote").get_text() == "Rest is not a reward.It is a need."
    assert figure.find("blockquote").find("br") is not None
    assert figure.find("figcaption").get_text() == "A client"


def test_quote_without_attribution_has_no_figcaption():
    soup = render("quote", {"quote": "Rest is not a reward.", "attribution": ""})

    assert soup.find("blockquote") is not None
    assert soup.find("figcaption") is None


@pytest.mark.parametrize(("kind", "label"), [("note", "Note"), ("important", "Important")])
def test_callout_kinds(kind, label):
    soup = render("callout", {"kind": kind, "title": "", "text": "<p>See a GP if it lasts.</p>"})

    callout = soup.find("aside")
    assert f"callout--{kind}" in callout["class"]
    assert callout["aria-label"] == label
    assert callout.find("p").get_text() == "See a GP if it lasts."


def test_callout_title_names_the_region():
    soup = render("callout", {"kind": "important", "title": "Before you start", "text": "<p>Text.</p>"})

    callout = soup.find("aside")
    assert callout["aria-label"] == "Before you start"
    assert callout.select_one(".callout__title").get_text() == "Before you start"


def image_value(image, alt_text="", decorative=False, caption=""):
    """The stored form of an image block: Wagtail's ImageBlock and a caption."""
    return {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}, "caption": caption}


def test_image_renders_a_responsive_lazy_picture_with_alt_text(make_image):
    image = make_image(size=(1600, 900), description="A library's description, not this use's")

    soup = render("image", image_value(image, alt_text="A hill at dusk", caption="Evening light"))

    picture = soup.select_one("figure picture")
    assert picture.find("source")["type"] == "image/webp"
    assert len(picture.find("source")["srcset"].split(",")) == 3
    img = picture.find("img")
    assert img["alt"] == "A hill at dusk"
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert soup.find("figcaption").get_text() == "Evening light"


def test_decorative_image_has_empty_alt_text_and_no_caption(make_image):
    image = make_image(size=(800, 450), description="Soft hills")

    soup = render("image", image_value(image, decorative=True))

    assert soup.select_one("figure picture img")["alt"] == ""
    assert soup.find("figcaption") is None


def test_image_block_needs_alt_text_unless_decorative(make_image):
    from django.core.exceptions import ValidationError

    block = StoryBlock().child_blocks["image"]
    image = make_image(size=(800, 450))
    with pytest.raises(ValidationError):
        block.clean(block.to_python(image_value(image)))
    assert block.clean(block.to_python(image_value(image, decorative=True)))["image"].decorative


def qa(question, answer):
    return {"question": question, "answer": answer}


def test_questions_and_answers_render_one_details_per_question():
    soup = render("faq", {"items": [qa("Is it normal?", "<p>Very common.</p>"), qa("Will it pass?", "<p>Often.</p>")]})

    details = soup.find_all("details")
    assert [d.find("summary").get_text() for d in details] == ["Is it normal?", "Will it pass?"]
    assert details[0].select_one(".faq__answer p").get_text() == "Very common."


def test_key_takeaways_render_a_titled_list():
    soup = render("key_takeaways", {"title": "Key takeaways", "items": ["Worry is louder at night.", "Steps help."]})

    section = soup.find("section")
    assert section["aria-label"] == "Key takeaways"
    assert section.select_one(".takeaways__title").get_text() == "Key takeaways"
    assert [li.get_text() for li in section.select("ul > li")] == ["Worry is louder at night.", "Steps help."]


def test_story_gives_repeated_headings_unique_anchors():
    soup = render_story(
        [
            ("heading", {"text": "What helps", "level": "h2"}),
            ("paragraph", "<p>Text.</p>"),
            ("heading", {"text": "What helps", "level": "h3"}),
            ("heading", {"text": "What helps", "level": "h2"}),
            ("heading", {"text": "Main", "level": "h2"}),
        ]
    )

    assert [h["id"] for h in soup.find_all(["h2", "h3"])] == ["what-helps", "what-helps-2", "what-helps-3", "main-2"]


def test_story_renders_blocks_in_order():
    soup = render_story(
        [
            ("heading", {"text": "First", "level": "h2"}),
            ("bulleted_list", {"items": ["<p>One</p>"]}),
            ("faq", {"items": [qa("Why?", "<p>Because.</p>")]}),
        ]
    )

    assert [tag.name for tag in soup.find_all(recursive=False)] == ["h2", "ul", "details"]


def test_crisis_resource_renders_call_and_text_lines():
    block = CrisisResourceBlock()
    value = block.to_python(
        {
            "name": "Samaritans",
            "phone": "116 123",
            "text_line": "SHOUT to 85258",
            "url": "https://www.samaritans.org/",
            "hours": "24/7",
            "description": "Someone to talk to.",
        }
    )

    soup = BeautifulSoup(block.render(value), "html.parser")

    assert soup.select_one(".crisis-line__name").get_text() == "Samaritans"
    assert soup.find("a", href="tel:116123").get_text() == "Call 116 123"
    assert "Text: SHOUT to 85258" in soup.get_text()
    assert soup.find("a", href="https://www.samaritans.org/") is not None


# --- The block chooser in the admin ------------------------------------------


def test_every_block_has_a_label_a_description_and_its_own_icon():
    children = StoryBlock().child_blocks.values()
    for block in children:
        assert block.meta.label, block.name  # set by us, not made from the block's name
        assert block.get_description(), block.name
    icons = [block.meta.icon for block in children]
    assert len(set(icons)) == len(icons), icons
    assert StoryBlock().child_blocks["faq"].label == "Questions and answers"


def test_every_block_has_a_preview_drawn_with_the_site_styles(make_image, client):
    editor = UserFactory(email="editor.blocks@example.com", is_staff=True, is_superuser=True)
    give_totp(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    log_in_with_two_factor(client, editor)
    make_image(description="Soft hills under a pale sun")
    for block in StoryBlock().child_blocks.values():
        assert block.is_previewable, block.name
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, block.name
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("link", rel="stylesheet")["href"].endswith("css/site.css")
        assert soup.select_one("main .prose").get_text(strip=True) or soup.select_one("main .prose img"), block.name
