"""Validators for text that members type."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (tab and line breaks are fine in multi-line
# text), lone surrogates and the two non-characters at the end of each plane.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")
# Bidirectional embeddings, overrides and isolates reorder the text around a
# name or title in lists and e-mails (a name could appear to be someone
# else's); right-to-left text itself needs none of them.
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def refuse_control_characters(value):
    """For text on one line: names, titles, locations."""
    if _CONTROL.search(value) or _LINE_BREAKS.search(value) or _BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("Remove the invisible control characters from this text (they may come from copying and pasting)."),
            code="control_characters",
        )


def refuse_control_characters_multiline(value):
    """For text with paragraphs: questions, answers, comments, messages."""
    if _CONTROL.search(value) or _BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("Remove the invisible control characters from this text (they may come from copying and pasting)."),
            code="control_characters",
        )


def xml_safe(text):
    """`text` without the characters XML 1.0 cannot carry (for feeds and
    sitemaps of content written before these validators existed)."""
    return _CONTROL.sub("", text or "")
