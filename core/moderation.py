"""What waits for moderators, counted once per admin request.

Apps say what they hold for review through the `moderation_counts` hook: a
function of the request returning rows the user may see,

    {"name": "questions", "label": _("Questions"), "pending": 3, "urgent": 1, "url": "/admin/..."}

(pending: waiting for a decision; urgent: of those, held by the crisis
detector). The dashboard panel and the menu's labels read the same rows, so
an admin page costs each app's count queries once."""

from wagtail import hooks

_REQUEST_ATTRIBUTE = "_moderation_counts"


def moderation_counts(request):
    rows = getattr(request, _REQUEST_ATTRIBUTE, None)
    if rows is None:
        rows = []
        for hook in hooks.get_hooks("moderation_counts"):
            rows.extend(hook(request))
        setattr(request, _REQUEST_ATTRIBUTE, rows)
    return rows
