"""Snippets around the words a visitor searched for, with those words marked.

Built from escaped text only: every piece of the source text goes through
`escape`, and the one piece of markup added is the `<mark>` around a matched
(escaped) word, so member text never reaches the page as markup. Works on the
text itself, not on what a search backend returns, so any backend does."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 220
ELLIPSIS = "…"
# Words too common to be worth marking (the database backend ignores them too).
_COMMON = frozenset(
    {"and", "are", "but", "can", "for", "from", "has", "have", "how", "its", "not", "that", "the", "this", "was"}
    | {"what", "when", "who", "why", "with", "you", "your"}
)
_SUFFIXES = ("ingly", "ings", "ing", "edly", "ed", "es", "s", "ly", "ness", "ment")
# Light markdown that reads as noise in a one-line snippet.
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"[*_`~]+|^\s*(?:#+|>+)", re.MULTILINE)
_SPACE = re.compile(r"\s+")


def _stem(word):
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def term_pattern(terms):
    """A regular expression matching the words of `terms` (already reduced to
    words by core.text.search_terms) and their inflections, or None."""
    # Words of one or two letters ("t" of "can't") would mark half the text.
    words = [word.lower() for word in terms.split() if len(word) > 2 and word.lower() not in _COMMON]
    stems = sorted({_stem(word) for word in words}, key=len)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in reversed(stems)) + r")\w*", re.IGNORECASE)


def plain(text):
    """Text as one line: light markdown marks and links' addresses dropped."""
    text = _MARKDOWN_LINK.sub(r"\1", str(text or ""))
    return _SPACE.sub(" ", _MARKDOWN_MARKS.sub(" ", text)).strip()


def highlight(text, pattern):
    """`text` escaped, with every match of `pattern` inside <mark>."""
    text = str(text or "")
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


def first_match(texts, pattern):
    """The first of `texts` in which `pattern` matches, else the first non-empty one."""
    texts = [plain(text) for text in texts if text]
    if pattern is not None:
        for text in texts:
            if pattern.search(text):
                return text
    return texts[0] if texts else ""


def snippet(texts, pattern, length=SNIPPET_LENGTH):
    """About `length` characters of the first of `texts` that matches, starting
    a little before the first matched word, cut at word boundaries."""
    text = first_match(texts, pattern)
    match = pattern.search(text) if pattern is not None else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    end = len(text)
    if end - start > length:
        end = text.rfind(" ", start, start + length)
        if end <= start:
            end = start + length
    cut = text[start:end].strip()
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{lead}{highlight(cut, pattern)}{tail}")  # noqa: S308 - highlight escapes
