"""Plain-text helpers for StreamField bodies: word count, reading time, contents."""

import math
import re

from .blocks import heading_anchor

WORDS_PER_MINUTE = 220
_WORD = re.compile(r"\w+", re.UNICODE)


def _texts(stream_value):
    """Every piece of readable text in a StreamField value, through each
    block's own get_searchable_content (rich text comes back without tags)."""
    for child in stream_value or []:
        yield from child.block.get_searchable_content(child.value)


def word_count(stream_value):
    return sum(len(_WORD.findall(text)) for text in _texts(stream_value))


def reading_minutes(stream_value, extra_text=""):
    words = word_count(stream_value) + len(_WORD.findall(extra_text or ""))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def table_of_contents(stream_value):
    """The body's headings as [{'text', 'anchor', 'level'}], anchors unique."""
    seen = {}
    entries = []
    for block in stream_value or []:
        if block.block_type != "heading":
            continue
        anchor = heading_anchor(block.value["text"])
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        if count:
            anchor = f"{anchor}-{count + 1}"
        entries.append({"text": block.value["text"], "anchor": anchor, "level": block.value["level"]})
    return entries
