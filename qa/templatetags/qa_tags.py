from django import template
from django.utils.safestring import mark_safe

from core.sanitize import markdown_plain_text, render_markdown

register = template.Library()


@register.filter
def member_markdown(text):
    """Member-written text as light markdown, cleaned by nh3 (core.sanitize).
    The only way member text becomes HTML in Q&A templates."""
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 has cleaned it


@register.filter
def member_plain_text(text):
    """Member markdown as plain, unmarked text: the only form member text takes
    inside an attribute (meta description). Autoescaping then handles it."""
    return markdown_plain_text(text)
