"""The words of a moderation decision e-mail, shared by every app that
moderates member posts (questions, answers, comments).

A decision is told as what happened to the post, from where it stood:
a post no reader ever saw was "not published", never "taken off the site";
a post hidden after reports and approved is "back on the site". Subjects
never carry the member's text; the body names the post so its author knows
which one it is."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

# Where the post stood before the decision.
WAS_PENDING = "pending"  # never published
WAS_PUBLISHED = "published"  # readers could see it
WAS_HIDDEN = "hidden"  # published, then hidden after reports from members
WAS_REJECTED = "rejected"  # rejected earlier

APPROVED = "approved"
REJECTED = "rejected"

# What happened, as the author would say it.
PUBLISHED = "published"
RESTORED = "restored"
NOT_PUBLISHED = "not_published"
REMOVED = "removed"


def decision_outcome(*, decision, was):
    if decision == APPROVED:
        return RESTORED if was == WAS_HIDDEN else PUBLISHED
    if was in (WAS_PUBLISHED, WAS_HIDDEN):
        return REMOVED
    return NOT_PUBLISHED


def _subjects():
    return {
        ("question", PUBLISHED): _("Your question is published"),
        ("question", RESTORED): _("Your question is back on the site"),
        ("question", NOT_PUBLISHED): _("Your question was not published"),
        ("question", REMOVED): _("Your question was taken off the site"),
        ("answer", PUBLISHED): _("Your answer is published"),
        ("answer", RESTORED): _("Your answer is back on the site"),
        ("answer", NOT_PUBLISHED): _("Your answer was not published"),
        ("answer", REMOVED): _("Your answer was taken off the site"),
        ("comment", PUBLISHED): _("Your comment is published"),
        ("comment", RESTORED): _("Your comment is back on the site"),
        ("comment", NOT_PUBLISHED): _("Your comment was not published"),
        ("comment", REMOVED): _("Your comment was removed"),
    }


def _openings():
    return {
        ("question", PUBLISHED): _(
            "A moderator has read your question “%(name)s” and published it. You can see it here:\n%(url)s"
        ),
        ("question", RESTORED): _(
            "Your question “%(name)s” was hidden after reports from members. A moderator has looked at it "
            "and put it back on the site:\n%(url)s"
        ),
        ("question", NOT_PUBLISHED): _(
            "A moderator has read your question “%(name)s” and decided not to publish it. "
            "No one but you and the moderators has seen it."
        ),
        ("question", REMOVED): _(
            "A moderator has taken your question “%(name)s” off the site. Readers no longer see it."
        ),
        ("answer", PUBLISHED): _("A moderator has published your answer to “%(name)s”. You can see it here:\n%(url)s"),
        ("answer", RESTORED): _(
            "Your answer to “%(name)s” was hidden after reports from members. A moderator has looked at it "
            "and put it back on the site:\n%(url)s"
        ),
        ("answer", NOT_PUBLISHED): _(
            "A moderator has read your answer to “%(name)s” and decided not to publish it. "
            "No one but you and the moderators has seen it."
        ),
        ("answer", REMOVED): _(
            "A moderator has taken your answer to “%(name)s” off the site. Readers no longer see it."
        ),
        ("comment", PUBLISHED): _(
            "A moderator has published your comment on “%(name)s”. You can see it here:\n%(url)s"
        ),
        ("comment", RESTORED): _(
            "Your comment on “%(name)s” was hidden. A moderator has looked at it and put it back:\n%(url)s"
        ),
        ("comment", NOT_PUBLISHED): _(
            "A moderator has read your comment on “%(name)s” and decided not to publish it. "
            "No one but you and the moderators has seen it."
        ),
        ("comment", REMOVED): _("A moderator has removed your comment on “%(name)s”. Readers no longer see it."),
    }


def decision_email(*, kind, outcome, name, url, reason, recipient):
    """(subject, body) telling `recipient` (a display name) that their `kind`
    ("question", "answer" or "comment") named `name` was `outcome`."""
    subject = _subjects()[(kind, outcome)]
    opening = _openings()[(kind, outcome)] % {"name": name, "url": url}
    note = (_("The moderator's note:\n%(reason)s") % {"reason": reason}) if reason else ""
    body = _("Hello %(name)s,\n\n%(opening)s\n\n%(note)s\n\nThe Steady Ground team\n") % {
        "name": recipient,
        "opening": opening,
        "note": note,
    }
    return subject, body.replace("\n\n\n\n", "\n\n")


class ReasonFormatter(LogFormatter):
    """A history line for a decision, with the moderator's reason when there is one."""

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason")
        if reason:
            return gettext_lazy("%(message)s: “%(reason)s”") % {"message": self.message, "reason": reason}
        return self.message
