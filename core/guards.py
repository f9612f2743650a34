"""What every write a member makes goes through, and the one error it raises.

Services that take member input (questions, answers, comments, contact
messages, specialist profiles) do, inside their transaction:

    user_row_lock(user)                      # one write at a time per member
    if (earlier := first_since(same_text, window=...)) is not None:
        return earlier                       # a double submit: what the first made
    if count_since(theirs, window=...) >= limit:
        raise SomeLimitReached(limit)        # a LimitReached subclass

Locking the member's row first makes the duplicate and limit checks hold when
two requests arrive together: the second waits for the first, then sees it.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DAY = timedelta(days=1)


class MemberError(Exception):
    """A member's write that cannot happen. `message` (translatable) is shown
    to the member, next to the form field or above the form; views catch this
    one class (or a subclass they treat differently)."""

    message = _("That could not be done.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotAllowed(MemberError):
    """What is not theirs to do: the one such error every app raises."""

    message = _("You cannot do that.")


class LimitReached(MemberError):
    """A member reached a limit. Subclasses give `message` with a %(limit)s
    placeholder; raise them with the limit: QuestionLimitReached(3)."""

    message = _("You have reached the limit of %(limit)s for now. Please try again later.")

    def __init__(self, limit):
        super().__init__(self.message % {"limit": limit})


def user_row_lock(user):
    """Lock `user`'s row until the transaction ends (call inside atomic())."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


def first_since(queryset, *, window, field="created_at"):
    """The oldest row of `queryset` made within `window` (a double submit's
    first copy), or None."""
    return queryset.filter(**{f"{field}__gte": timezone.now() - window}).order_by(field, "pk").first()


def count_since(queryset, *, window, field="created_at"):
    """How many rows of `queryset` were made within `window` (for a limit)."""
    return queryset.filter(**{f"{field}__gte": timezone.now() - window}).count()
