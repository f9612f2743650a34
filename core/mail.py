"""The one way the site sends e-mail.

    from core import mail

    # inside a task: render one e-mail and send it (in the worker, once the task's transaction commits)
    mail.deliver(kind="messages", user=recipient, template="messaging/email/new_message", context={...})
    mail.deliver(kind="moderation", user=author, subject=subject, text=body)

    # from a service, inside its transaction: send once it commits, through the task interface
    mail.deliver_after_commit(kind="verification", user_id=user.pk, template="...", context={...})

Every e-mail has a plain-text and an HTML body (the plain text with its
paragraphs and links marked up, in email/base.html) and a subject that names no health detail: subjects come from our
templates, never from member text.

Each e-mail has a kind. Apps say which kinds exist through the `email_kinds`
hook, returning a list of EmailKind; a kind with a `preference` (the name of a
boolean field on the user model, e.g. accounts' `notify_messages`) is sent
only while that preference is on, and carries a signed one-click unsubscribe
link for that kind alone, in the body and in the `List-Unsubscribe` and
`List-Unsubscribe-Post` headers (RFC 8058). Kinds without a preference (a
moderator's decision, a verification result) always go and carry none.
"""

import contextlib
import contextvars
import email
import email.policy
import logging
import re
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django_tasks import task
from wagtail import hooks

from .tokens import unsubscribe_token, unsubscribe_token_payload

logger = logging.getLogger("core.mail")

__all__ = [
    "EmailKind",
    "absolute_url",
    "deliver",
    "deliver_after_commit",
    "email_kinds",
    "preference_allows",
    "send_stored",
    "task_outbox",
    "unsubscribe_apply",
    "unsubscribe_token_read",
    "unsubscribe_url",
    "unsent_dropped_for",
]


@dataclass(frozen=True)
class EmailKind:
    name: str
    label: str
    preference: str | None = None  # a boolean field of the user model


def email_kinds():
    kinds = {}
    for hook in hooks.get_hooks("email_kinds"):
        for kind in hook():
            kinds[kind.name] = kind
    return kinds


def _kind(name):
    try:
        return email_kinds()[name]
    except KeyError:
        raise ValueError(f"Unknown e-mail kind: {name!r} (register it through the email_kinds hook)") from None


def absolute_url(path):
    """A site path as the full URL an e-mail links to: on the configured
    Wagtail site, like every other absolute link (core.http.site_url)."""
    from .http import site_url

    return site_url(path)


# Preferences and unsubscribing ------------------------------------------------


def preference_allows(*, user, kind):
    preference = _kind(kind).preference
    return preference is None or bool(getattr(user, preference))


def unsubscribe_token_read(token):
    """(user, kind) for a valid token whose kind has a preference, else None."""
    payload = unsubscribe_token_payload(token)
    if payload is None:
        return None
    user_pk, kind = payload
    known = email_kinds().get(kind)
    if known is None or known.preference is None:
        return None
    user = get_user_model().objects.filter(pk=user_pk).first()
    return (user, known) if user is not None else None


def unsubscribe_url(*, user, kind):
    return absolute_url(reverse("email_unsubscribe", kwargs={"token": unsubscribe_token(user=user, kind=kind)}))


def unsubscribe_apply(*, user, kind):
    """Turn the preference of `kind` off for `user` (the unsubscribe link)."""
    preference = _kind(kind).preference
    get_user_model().objects.filter(pk=user.pk).update(**{preference: False})
    setattr(user, preference, False)


# Sending ----------------------------------------------------------------------------


def _tidy(text):
    """The body as sent: no trailing spaces, at most one blank line between
    paragraphs (a template's skipped branches leave more), none at either
    end, so the HTML part has no empty paragraph."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def _text_as_html(text):
    """The plain body as HTML: escaped, paragraphs kept, links made clickable."""
    return mark_safe(urlize(linebreaks(escape(text)), autoescape=False))  # noqa: S308 - escaped first


def deliver(
    *, kind, user=None, to=None, template=None, context=None, subject=None, text=None, reply_to=None, attachments=()
):
    """Send one e-mail now (call it from a task). Give either `template`
    (renders <template>_subject.txt and <template>.txt) or `subject` and
    `text`; the HTML body is the text marked up (email/base.html). `user` is the recipient when
    it is a member (their address, preference and unsubscribe link);
    `to` a list of addresses otherwise. `attachments`: (file name, content,
    MIME type) triples, e.g. a calendar invitation. Returns False when nothing was sent.

    In the task worker nothing is sent here: each e-mail has a key
    (TaskOutbox.next_key) and is stored, rendered, in a SentEmail row
    written in the task's transaction; the worker sends it once that commits
    (send_stored). A key an earlier run of the same task already stored is
    not stored again. Outside the worker (immediate tasks, tests) it is sent
    at once."""
    outbox = _current_outbox.get()
    kind_info = _kind(kind)
    key = outbox.next_key() if outbox is not None else None  # drawn first: each keeps its key on every run
    if user is not None:
        if not user.is_active or not user.email or not preference_allows(user=user, kind=kind):
            return False
        to = [user.email]
    if not to:
        return False
    context = dict(context or {}, recipient=user, site_name=settings.WAGTAIL_SITE_NAME)
    unsubscribe = unsubscribe_url(user=user, kind=kind) if user is not None and kind_info.preference else None
    context["unsubscribe_url"] = unsubscribe
    context["kind_label"] = kind_info.label
    if template is not None:
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
    subject = " ".join(str(subject).split())
    text = str(text)
    footer_context = {"unsubscribe_url": unsubscribe, "kind_label": kind_info.label}
    text = _tidy(text.rstrip() + "\n" + render_to_string("email/footer.txt", footer_context))
    html = render_to_string("email/base.html", {"subject": subject, "body_html": _text_as_html(text)})
    headers = {}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if key is not None:
        headers["Message-ID"] = f"<{key}@{_message_id_domain()}>"
    message = EmailMultiAlternatives(subject=subject, body=text, to=to, reply_to=reply_to, headers=headers)
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    if key is None:
        message.send()
        return True
    stored = _sent_email_record(key=key, kind=kind, message=message)
    if stored is None:
        return False
    outbox.stored.append(stored)
    return True


def _sent_email_record(*, key, kind, message):
    """Store `message` under `key` in the task's transaction, to be sent once it
    commits: the row's id, or None when an earlier run already stored it (a
    concurrent run waits here for the first to end)."""
    from .models import SentEmail

    with transaction.atomic():  # a savepoint: a clash leaves the task's transaction usable
        row, created = SentEmail.objects.get_or_create(
            key=key, defaults={"kind": kind, "message": message.message().as_bytes()}
        )
    return row.pk if created else None


# The worker's outbox -------------------------------------------------------------

_current_outbox = contextvars.ContextVar("core_mail_task_outbox", default=None)


class TaskOutbox:
    """The e-mails of one run of a task in the worker (core.worker). Each has a
    key, the task's id and its place among the task's e-mails (the same on
    every run of the task), and is stored in the task's transaction; send()
    sends them once it has committed."""

    def __init__(self, task_id):
        self.task_id = task_id
        self.sends = 0
        self.stored = []  # SentEmail ids

    def next_key(self):
        self.sends += 1
        return f"{self.task_id}:{self.sends}"

    def send(self):
        for sent_email_id in self.stored:
            send_stored(sent_email_id)


@contextlib.contextmanager
def task_outbox(task_id):
    """While the worker runs task `task_id`: deliver() stores e-mails in the
    TaskOutbox this yields instead of sending them."""
    outbox = TaskOutbox(task_id)
    token = _current_outbox.set(outbox)
    try:
        yield outbox
    finally:
        _current_outbox.reset(token)


# A stored e-mail the mail server refuses this many times is dropped (logged),
# its message cleared: a permanent refusal must not be retried for ever.
SEND_ATTEMPTS = 5


class _StoredBytes:
    """A stored e-mail's bytes as Django's backends read a message: as_bytes()
    with the line ends asked for (SMTP wants CRLF). They were written with
    "\n" line ends only (Django's as_bytes()), so this is what as_bytes(linesep)
    of the message itself gives."""

    def __init__(self, raw):
        self.raw = raw

    def as_bytes(self, unixfrom=False, linesep="\n"):  # noqa: ARG002, FBT002 - email.message's signature
        return self.raw if linesep == "\n" else self.raw.replace(b"\n", linesep.encode())

    def get_charset(self):
        return None  # the console backend's question: the bytes are ASCII or declare their own


class StoredEmail(EmailMessage):
    """An e-mail rendered earlier (SentEmail.message), sent byte for byte as it
    was stored: the envelope's sender and recipients are read from its From,
    To and Cc headers (deliver() sets no Bcc)."""

    def __init__(self, raw):
        whole = email.message_from_bytes(raw, policy=email.policy.default)
        addressed = [str(header) for header in whole.get_all("To", []) + whole.get_all("Cc", [])]
        recipients = [address for _name, address in getaddresses(addressed)]
        super().__init__(from_email=parseaddr(str(whole.get("From", "")))[1], to=[r for r in recipients if r])
        self.raw = raw
        # Subject, text and headers read back for whoever looks at the message
        # object rather than its bytes (the in-memory backend, the console).
        self.subject = str(whole.get("Subject", ""))
        text = whole.get_body(preferencelist=("plain",))
        self.body = text.get_content() if text is not None else ""
        self.extra_headers = {name: str(value) for name, value in whole.items() if name.lower().startswith("list-")}
        self.alternatives = [
            (part.get_content(), part.get_content_type())
            for part in whole.walk()
            if part.get_content_type() == "text/html"
        ]
        self.attachments = [
            (part.get_filename(), part.get_content(), part.get_content_type()) for part in whole.iter_attachments()
        ]

    def message(self):
        return _StoredBytes(self.raw)


def send_stored(sent_email_id):
    """Send one stored e-mail and mark it sent, clearing its bytes; True when
    this call sent it. Its row is locked while it is sent, and one another
    worker is sending (locked) or has sent is left alone, so two workers never
    both send it. A refused send is counted and left for the sweep to try
    again (core.worker). The window left: the mail server has the message and
    the process dies before the row's UPDATE commits; it is sent again."""
    from .models import SentEmail

    with transaction.atomic():
        row = (
            SentEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=sent_email_id, sent_at__isnull=True, message__isnull=False)
            .first()
        )
        if row is None:
            return False
        try:
            StoredEmail(bytes(row.message)).send()
        except Exception:
            attempts = row.attempts + 1
            given_up = attempts >= SEND_ATTEMPTS
            logger.exception(
                "E-mail %s refused (attempt %d of %d)%s",
                row.key,
                attempts,
                SEND_ATTEMPTS,
                ": dropped" if given_up else "",
            )
            changes = {"attempts": attempts, "tried_at": timezone.now()}
            if given_up:
                changes["message"] = None
            SentEmail.objects.filter(pk=row.pk).update(**changes)
            return False
        SentEmail.objects.filter(pk=row.pk).update(sent_at=timezone.now(), message=None)
    return True


def unsent_dropped_for(addresses):
    """Drop the stored e-mails not yet sent whose every recipient is one of
    `addresses` (a member erasing their account: an e-mail waiting in the
    outbox, at most TASK_WORKER_OUTBOX_SECONDS, must not reach them after it).
    A row a worker is sending at this moment is locked and left to it. The row
    stays, without its bytes, so a rerun of its task does not store it again.
    Returns how many were dropped."""
    from .models import SentEmail

    wanted = {address.strip().lower() for address in addresses if address}
    if not wanted:
        return 0
    dropped = []
    with transaction.atomic():
        rows = SentEmail.objects.select_for_update(skip_locked=True).filter(sent_at__isnull=True, message__isnull=False)
        for pk, raw in rows.values_list("pk", "message"):
            headers = BytesHeaderParser(policy=email.policy.default).parsebytes(bytes(raw))
            recipients = {
                address.lower()
                for _name, address in getaddresses([*headers.get_all("to", []), *headers.get_all("cc", [])])
                if address
            }
            if recipients and recipients <= wanted:
                dropped.append(pk)
        SentEmail.objects.filter(pk__in=dropped).update(message=None)
    return len(dropped)


def _message_id_domain():
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"


@task()
def send_email(*, kind, template, context=None, user_id=None, to=None):
    """The task behind deliver_after_commit: `context` holds JSON values only."""
    user = None
    if user_id is not None:
        user = get_user_model().objects.filter(pk=user_id).first()
        if user is None:  # the account went before the worker ran
            return False
    return deliver(kind=kind, user=user, to=to, template=template, context=context)


def deliver_after_commit(*, kind, template, context=None, user_id=None, to=None):
    """Send a templated e-mail through the task interface once the current
    transaction commits (at once outside one)."""
    _kind(kind)  # fail now, in the caller, for an unknown kind
    transaction.on_commit(
        lambda: send_email.enqueue(kind=kind, template=template, context=context or {}, user_id=user_id, to=to)
    )
