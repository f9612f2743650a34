"""What accounts tells the rest of the site through hooks. No rules here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.mail import EmailKind


@hooks.register("email_kinds")
def member_email_kinds():
    """Each e-mail kind a member can turn off, with the preference (a field of
    accounts.User, on the account page) that turns it off; and the kinds that
    always go, because the member asked for the result."""
    return [
        EmailKind("answers", _("answers to my questions"), preference="notify_answers"),
        EmailKind("comment_replies", _("replies to my comments"), preference="notify_comment_replies"),
        EmailKind("messages", _("new messages"), preference="notify_messages"),
        EmailKind("consultations", _("consultation request updates"), preference="notify_consultations"),
        EmailKind("moderation", _("moderators' decisions on my posts")),
        EmailKind("verification", _("the verification of my specialist profile")),
    ]
