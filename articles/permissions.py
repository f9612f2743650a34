"""Who may do what with comments. Pure checks on the user (and the comment):
the services enforce them, views and templates ask them to show or hide
actions. What needs the comment library (a comment's replies) stays in
articles.comments, which uses these."""

from accounts.roles import has_verified_email

MODERATE_PERMISSION = "django_comments.can_moderate"

# Who is looking at a comment form.
ANONYMOUS = "anonymous"
UNVERIFIED = "unverified"
MEMBER = "member"


def member_can_comment(*, user):
    """Logged-in, active members whose e-mail address is verified."""
    return bool(user and user.is_active and has_verified_email(user))


def comment_access(user):
    """ANONYMOUS, UNVERIFIED (logged in, e-mail not verified) or MEMBER."""
    if not user.is_authenticated:
        return ANONYMOUS
    return MEMBER if member_can_comment(user=user) else UNVERIFIED


def is_own(*, comment, user):
    return bool(user and user.is_authenticated and comment.user_id is not None and comment.user_id == user.pk)


def member_can_flag(*, comment, user):
    """Nobody flags their own comment (it would put it in the queue)."""
    return not is_own(comment=comment, user=user)


def can_moderate(user):
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))
