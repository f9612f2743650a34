"""Who may do what in home: pure checks on the user."""

from accounts.roles import has_verified_email


def member_can_contact(*, user):
    """Members with a verified address write to the team; visitors are asked to log in."""
    return bool(user and user.is_authenticated and has_verified_email(user))
