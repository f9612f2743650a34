from django import template
from django.utils.safestring import mark_safe

from core.sanitize import render_markdown

register = template.Library()


@register.filter
def message_markdown(text):
    """A message as light markdown cleaned by nh3 (core.sanitize), as Q&A text.
    The only way message text becomes HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 has cleaned it
