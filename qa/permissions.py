"""Who may do what in Q&A. Pure checks on the user (and the question): the
services enforce them, views and templates ask them to show or hide actions."""

from accounts.roles import has_verified_email, is_specialist

MODERATE_PERMISSION = "qa.change_question"


def member_can_ask(*, user):
    return bool(user and user.is_authenticated and user.is_active and has_verified_email(user))


def member_can_answer(*, user, question):
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and question.is_open
        and question.author_id != user.pk
        and is_specialist(user)
    )


def can_moderate(user):
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))
