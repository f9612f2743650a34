"""E-mails about comments, through Django's task interface. Enqueued after
commit by articles.services."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

from core.decisions import decision_email, decision_outcome


@task()
def send_comment_decision(*, comment_id, decision, was, reason):
    """Tell a comment's author what a moderator decided, naming the article."""
    from django_comments_xtd.models import XtdComment

    comment = XtdComment.norel_objects.select_related("user").filter(pk=comment_id).first()
    if comment is None or comment.user is None or not comment.user.is_active or not comment.user.email:
        return False
    article = comment.content_object
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (article.url if article is not None else "/")
    subject, body = decision_email(
        kind="comment",
        outcome=decision_outcome(decision=decision, was=was),
        name=article.title if article is not None else "",
        url=url,
        reason=reason,
        recipient=comment.user.display_name,
    )
    EmailMessage(subject=subject, body=body, to=[comment.user.email]).send()
    return True
