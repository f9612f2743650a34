"""Plain-text helpers: StreamField word count, reading time, contents; search terms."""

import math
import re
import unicodedata

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .blocks import heading_anchors

WORDS_PER_MINUTE = 220
_WORD = re.compile(r"\w+", re.UNICODE)


def _block_texts(block, value):
    """The readable text of one block value. Choice blocks are left out: their
    labels ("Section (h2)", "Note") are settings, not words a reader reads."""
    if value is None or isinstance(block, blocks.ChoiceBlock):
        return
    if isinstance(block, ImageBlock):
        # A StructBlock whose value is the image itself: its words are the alt text.
        yield from block.get_searchable_content(value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_texts(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_texts(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_texts(child.block, child.value)
    else:
        # Rich text comes back from get_searchable_content without its tags.
        yield from block.get_searchable_content(value)


def _texts(stream_value):
    """Every piece of readable text in a StreamField value."""
    for child in stream_value or []:
        yield from _block_texts(child.block, child.value)


def plain_text(stream_value):
    """The readable text of a StreamField value, one block's text after another
    (for search snippets)."""
    return "\n".join(text for text in _texts(stream_value) if text)


def word_count(stream_value):
    return sum(len(_WORD.findall(text)) for text in _texts(stream_value))


def reading_minutes(stream_value, extra_text=""):
    words = word_count(stream_value) + len(_WORD.findall(extra_text or ""))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def table_of_contents(stream_value):
    """The body's headings as [{'text', 'anchor', 'level'}], with the same unique
    anchors the rendered headings carry (see core.blocks.heading_anchors)."""
    return [
        {"text": child.value["text"], "anchor": anchor, "level": child.value["level"]}
        for child, anchor in zip(stream_value or [], heading_anchors(stream_value), strict=True)
        if anchor is not None
    ]


SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_MAX_TERMS = 12


def search_terms(query):
    """What a visitor typed into a search box, as the words a search backend
    is given: letters and digits only, space-separated, at most 12 words.

    Every search backend has its own syntax (FTS5 on SQLite reads `"` and `*`,
    PostgreSQL refuses NUL): handing it words and nothing else means no input
    is ever read as syntax. Returns "" when nothing searchable is left."""
    text = unicodedata.normalize("NFKC", str(query or ""))[: SEARCH_QUERY_MAX_LENGTH * 2]
    words = [word for word in _WORD.findall(text) if word.strip("_")]
    return " ".join(words[:SEARCH_MAX_TERMS])[:SEARCH_QUERY_MAX_LENGTH].strip()
