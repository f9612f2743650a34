"""E-mails about comments, through Django's task interface and the site's
one e-mail module (core.mail). Enqueued after commit by articles.services."""

from django_tasks import task

from core import mail
from core.decisions import decision_email, decision_outcome


@task()
def send_comment_decision(*, comment_id, decision, was, reason):
    """Tell a comment's author what a moderator decided, naming the article."""
    from .comments import all_comments

    comment = all_comments().filter(pk=comment_id).first()
    if comment is None or comment.user is None:
        return False
    article = comment.content_object
    url = mail.absolute_url(article.url if article is not None else "/")
    subject, body = decision_email(
        kind="comment",
        outcome=decision_outcome(decision=decision, was=was),
        name=article.title if article is not None else "",
        url=url,
        reason=reason,
        recipient=comment.user.display_name,
    )
    return mail.deliver(kind="moderation", user=comment.user, subject=subject, text=body)


@task()
def send_comment_reply_notification(*, comment_id):
    """Tell the author of a comment that someone replied to it, once the reply
    is public, unless they turned "replies to my comments" off. Never to the
    replier themselves; the e-mail names the article, not the reply's text."""
    from .comments import all_comments

    reply = all_comments().filter(pk=comment_id, is_public=True, is_removed=False).first()
    if reply is None or reply.level == 0:
        return False
    parent = all_comments().filter(pk=reply.parent_id).first()
    if parent is None or parent.user is None or parent.user_id == reply.user_id or parent.is_removed:
        return False
    article = reply.content_object
    if article is None:
        return False
    return mail.deliver(
        kind="comment_replies",
        user=parent.user,
        template="articles/email/comment_reply",
        context={"article_title": article.title, "url": mail.absolute_url(f"{article.url}#c{reply.pk}")},
    )
