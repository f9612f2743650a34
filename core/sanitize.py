"""Member-written text: light markdown rendered to HTML, then cleaned by nh3.

Never pass member text through Wagtail's |richtext (it does not sanitise)."""

import html

import markdown
import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def render_markdown(text):
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def markdown_plain_text(text):
    """Member markdown as one line of plain text, for attribute values
    (descriptions, Open Graph), JSON-LD and e-mail previews.

    The result is an ordinary str, never marked safe: templates escape it
    like any other value. (nh3's output keeps `"` as it is in text, so its
    HTML, even with the tags stripped, must never go into an attribute.)"""
    return " ".join(html.unescape(strip_tags(render_markdown(text))).split())
