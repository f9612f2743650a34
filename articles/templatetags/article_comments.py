from django import template
from django.contrib.auth.models import AnonymousUser

from articles.comments import article_comment_section

register = template.Library()


@register.simple_tag(takes_context=True)
def article_comments(context, article):
    """{% article_comments page as comments %}: the comment tree, its size, who
    is reading and (for verified members) a form, in a fixed number of queries."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    return article_comment_section(article=article, user=user)
