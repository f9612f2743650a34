"""Word count, reading time and table of contents of StreamField bodies."""

import pytest

from core.blocks import StoryBlock
from core.text import WORDS_PER_MINUTE, reading_minutes, table_of_contents, word_count


def story(*blocks):
    return StoryBlock().to_python([{"type": name, "value": raw} for name, raw in blocks])


def test_word_count_reads_text_inside_every_block():
    body = story(
        ("heading", {"text": "Where to begin", "level": "h2"}),
        ("paragraph", "<p>Notice <b>the</b> feeling.</p>"),
        ("bulleted_list", {"items": ["<p>Name it</p>", "<p>Breathe</p>"]}),
        ("numbered_steps", {"steps": [{"title": "Write it down", "text": "<p>On paper.</p>"}]}),
        ("quote", {"quote": "Rest is a need.", "attribution": "A client"}),
        ("faq", {"items": [{"question": "Is it normal?", "answer": "<p>Very common.</p>"}]}),
        ("key_takeaways", {"title": "Key takeaways", "items": ["Worry is louder at night."]}),
    )

    # 3 + 3 + 2 + 1 + 3 + 2 + 4 + 2 + 3 + 2 + 2 + 5
    assert word_count(body) == 32


@pytest.mark.django_db
def test_word_count_reads_an_images_alt_text_and_caption(make_image):
    image = make_image(size=(400, 225))
    body = story(
        ("image", {"image": {"image": image.pk, "alt_text": "A hill", "decorative": False}, "caption": "Dusk light"}),
    )

    assert word_count(body) == 4


def test_word_count_leaves_out_block_settings():
    """The heading level and callout kind are choices, not words on the page."""
    body = story(
        ("heading", {"text": "Begin", "level": "h2"}),
        ("callout", {"kind": "important", "title": "", "text": "<p>See a GP.</p>"}),
    )

    assert word_count(body) == 4


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 1), (1, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2), (WORDS_PER_MINUTE * 5, 5)],
)
def test_reading_minutes_rounds_up_and_is_at_least_one(words, minutes):
    body = story(("paragraph", "<p>" + "word " * words + "</p>"))

    assert reading_minutes(body) == minutes


def test_reading_minutes_counts_the_summary_too():
    body = story(("paragraph", "<p>" + "word " * WORDS_PER_MINUTE + "</p>"))

    assert reading_minutes(body, "one more") == 2


def test_reading_minutes_of_an_empty_body_is_one():
    assert reading_minutes(None) == 1
    assert reading_minutes(story()) == 1


def test_table_of_contents_lists_headings_with_levels():
    body = story(
        ("heading", {"text": "Why it happens", "level": "h2"}),
        ("paragraph", "<p>Text.</p>"),
        ("heading", {"text": "At night", "level": "h3"}),
    )

    assert table_of_contents(body) == [
        {"text": "Why it happens", "anchor": "why-it-happens", "level": "h2"},
        {"text": "At night", "anchor": "at-night", "level": "h3"},
    ]


def test_table_of_contents_anchors_are_unique():
    body = story(
        ("heading", {"text": "What helps", "level": "h2"}),
        ("heading", {"text": "What helps", "level": "h2"}),
        ("heading", {"text": "What helps 2", "level": "h2"}),
        ("heading", {"text": "What helps", "level": "h2"}),
        ("heading", {"text": "!!!", "level": "h2"}),
    )

    anchors = [entry["anchor"] for entry in table_of_contents(body)]

    assert anchors == ["what-helps", "what-helps-2", "what-helps-2-2", "what-helps-3", "section"]


def test_table_of_contents_anchors_match_rendered_headings():
    body = story(
        ("heading", {"text": "What helps", "level": "h2"}),
        ("heading", {"text": "What helps", "level": "h3"}),
        ("heading", {"text": "Main", "level": "h2"}),
    )

    html = body.render_as_block()

    for entry in table_of_contents(body):
        assert f'id="{entry["anchor"]}"' in html
    assert 'id="main"' not in html  # the page's <main id="main"> keeps its id


def test_table_of_contents_of_an_empty_body_is_empty():
    assert table_of_contents(None) == []
    assert table_of_contents(story(("paragraph", "<p>No headings.</p>"))) == []
