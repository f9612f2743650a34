"""What accounts tells the rest of the site through hooks: the e-mail kinds a
member can turn off, and what accounts answers for in a member's export and
erasure (accounts.member_data): the account itself and what the libraries keep
of it. No rules here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.mail import EmailKind

from .member_data import MemberData


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


@hooks.register("register_member_data", order=100)  # last: the apps' pages go before their records are kept
def accounts_member_data():
    from .services import member_erase

    return MemberData(
        fields=(
            "accounts.consent.user",
            "account.emailaddress.user",
            "mfa.authenticator.user",
            "usersessions.usersession.user",
            "admin.logentry.user",
            "wagtailusers.userprofile.user",
            "wagtailadmin.editingsession.user",
            "wagtailadmin.formstate.user",
            "wagtailcore.apitoken.user",
            "wagtailcore.uploadedfile.uploaded_by_user",
            "wagtaildocs.document.uploaded_by_user",
            "wagtailcore.revision.user",
            "wagtailcore.modellogentry.user",
            "wagtailcore.pagelogentry.user",
            "wagtailcore.page.owner",
            "wagtailcore.page.locked_by",
            "wagtailcore.workflowstate.requested_by",
            "wagtailcore.taskstate.finished_by",
            "wagtailcore.comment.user",
            "wagtailcore.comment.resolved_by",
            "wagtailcore.commentreply.user",
            "wagtailcore.pagesubscription.user",
        ),
        erase=member_erase,
        # Secrets that would let the file's reader take over the account.
        export_excluded={
            "mfa.authenticator": {"data"},
            "usersessions.usersession": {"session_key", "data"},
            "account.emailconfirmation": {"key"},
        },
    )
