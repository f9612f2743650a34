"""Telling the on-call moderators about urgent posts, and telling them again.

A service that holds an item as urgent calls crisis_alert_enqueue(kind=...,
object_id=...) inside its transaction. After commit, send_crisis_alert runs
through the task interface: it e-mails the on-call address from the site
settings (the item's kind, when it was held and a link to it in the admin;
never anything the member wrote) and schedules itself again for
`crisis_alert_repeat_minutes` later. Each run first asks whether a moderator
has handled the item; once one has, the chain stops.

Core knows no apps above it: each app that holds urgent items says what they
are through the `crisis_alert_kinds` hook, returning a dict

    {"kind": "question", "label": _("question"),
     "is_unhandled": lambda object_id: bool, "admin_url": lambda object_id: "/admin/..."}

Repeats need a backend that runs tasks later (`supports_defer`: the
database worker in production). The immediate backend used in development
cannot wait, so there the first alert goes and the repeat is skipped, saying so
in the log.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail import hooks

logger = logging.getLogger(__name__)

# One alert and this many reminders at most (a day of reminders every 30 minutes).
MAX_ALERTS = 48


def alert_kinds():
    kinds = {}
    for hook in hooks.get_hooks("crisis_alert_kinds"):
        kind = hook()
        kinds[kind["kind"]] = kind
    return kinds


def crisis_alert_enqueue(*, kind, object_id):
    """Alert the on-call moderators about an urgent item once the current
    transaction commits."""
    transaction.on_commit(lambda: send_crisis_alert.enqueue(kind=kind, object_id=object_id, attempt=1))


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _schedule_repeat(*, kind, object_id, attempt, minutes):
    backend = send_crisis_alert.get_backend()
    if not backend.supports_defer:
        logger.warning("Crisis alert for %s %s not repeated: the task backend cannot run tasks later.", kind, object_id)
        return None
    run_after = timezone.now() + timedelta(minutes=minutes)
    return send_crisis_alert.using(run_after=run_after).enqueue(kind=kind, object_id=object_id, attempt=attempt)


@task()
def send_crisis_alert(*, kind, object_id, attempt=1):
    """E-mail the on-call moderators about one urgent item that no one has
    handled yet, then schedule the next reminder. Returns "sent", "handled"
    (nothing to do) or "unknown"."""
    from core.models import SiteSettings

    item = alert_kinds().get(kind)
    if item is None:
        return "unknown"
    if not item["is_unhandled"](object_id):
        return "handled"
    site_settings = SiteSettings.load()
    minutes = site_settings.crisis_alert_repeat_minutes
    label = str(item["label"])
    if attempt == 1:
        subject = _("Urgent: a %(kind)s may come from someone in crisis") % {"kind": label}
        opening = _("The crisis detector has held a %(kind)s as urgent. It may come from someone in danger.") % {
            "kind": label
        }
    else:
        subject = _("Still waiting: an urgent %(kind)s (reminder %(number)s)") % {"kind": label, "number": attempt - 1}
        opening = _("An urgent %(kind)s is still waiting for a moderator.") % {"kind": label}
    body = _(
        "%(opening)s\n\n"
        "Please look at it now and decide:\n%(url)s\n\n"
        "This e-mail does not quote what the member wrote; read it in the admin.\n"
        "If no one has handled it in %(minutes)s minutes, this alert is sent again.\n"
    ) % {"opening": opening, "url": _absolute(item["admin_url"](object_id)), "minutes": minutes}
    from core import mail

    mail.deliver(kind="staff", to=[site_settings.crisis_alert_address], subject=subject, text=body)
    if attempt < MAX_ALERTS:
        _schedule_repeat(kind=kind, object_id=object_id, attempt=attempt + 1, minutes=minutes)
    return "sent"
