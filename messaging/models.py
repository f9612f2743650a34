"""Private conversations between a member and a specialist.

A conversation's id is a random UUID (the only id in its URL): nobody can walk
from one conversation to the next. Only its two participants read it; staff
see a message only through a report of it (messaging.wagtail_hooks), and every
such read is logged. The rules live in messaging.services, the reads in
messaging.selectors."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

__all__ = [
    "DELETED_NAME",
    "Conversation",
    "Message",
    "MessageReport",
    "MessagingSettings",
]

DELETED_NAME = _("Deleted member")
BODY_MAX = 4000


class ConversationQuerySet(models.QuerySet):
    def of(self, user):
        """Conversations `user` takes part in, on either side."""
        return self.filter(Q(member=user) | Q(specialist=user))

    def unread_total(self, user):
        """Unread messages for `user` across their conversations: one query."""
        totals = self.filter(Q(member=user) | Q(specialist=user)).aggregate(
            as_member=Sum("member_unread", filter=Q(member=user)),
            as_specialist=Sum("specialist_unread", filter=Q(specialist=user)),
        )
        return (totals["as_member"] or 0) + (totals["as_specialist"] or 0)


class Conversation(models.Model):
    """The one conversation between a member and a specialist.

    `member` and `specialist` become empty when that person deletes their
    account: the other side then sees a closed conversation with a
    "Deleted member". Unread counters are kept per side by the services, so
    the inbox and the header read them without counting messages."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_conversations",
    )
    specialist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("specialist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist_conversations",
    )
    # Kept so the member still sees whom they wrote to, and for links.
    specialist_page = models.ForeignKey(
        "specialists.SpecialistPage",
        verbose_name=_("specialist's page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True, db_index=True)
    member_unread = models.PositiveIntegerField(default=0)
    specialist_unread = models.PositiveIntegerField(default=0)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    blocked_at = models.DateTimeField(_("blocked at"), null=True, blank=True)
    # A participant deleted their account: nobody can write any more.
    member_deleted = models.BooleanField(default=False)
    specialist_deleted = models.BooleanField(default=False)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = [F("last_message_at").desc(nulls_last=True), "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "specialist"],
                condition=Q(member__isnull=False, specialist__isnull=False),
                name="messaging_one_conversation_per_pair",
            )
        ]
        indexes = [
            models.Index(fields=["member", "-last_message_at"], name="messaging_member_recent_idx"),
            models.Index(fields=["specialist", "-last_message_at"], name="messaging_spec_recent_idx"),
        ]

    def __str__(self):
        return str(_("Conversation %(id)s") % {"id": str(self.pk)[:8]})

    def get_absolute_url(self):
        return reverse("messaging:conversation", kwargs={"pk": self.pk})

    def is_participant(self, user):
        return bool(user.is_authenticated and user.pk in (self.member_id, self.specialist_id))

    def side_of(self, user):
        """ "member" or "specialist" for a participant, else None."""
        if not user.is_authenticated:
            return None
        if user.pk == self.member_id:
            return "member"
        if user.pk == self.specialist_id:
            return "specialist"
        return None

    def other_user(self, user):
        return self.specialist if self.side_of(user) == "member" else self.member

    @property
    def is_closed(self):
        return bool(self.blocked_by_id or self.blocked_at or self.member_deleted or self.specialist_deleted)


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sent_messages",
    )
    # Which side wrote it, kept when the sender's account is deleted.
    sender_side = models.CharField(
        _("written by"), max_length=12, choices=[("member", _("member")), ("specialist", _("specialist"))]
    )
    body = models.TextField(_("message"), max_length=BODY_MAX)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    # The crisis detector matched: the sender saw the crisis panel, the
    # specialist sees resources to pass on. What matched is not kept.
    crisis = models.BooleanField(_("crisis words"), default=False)
    # The form's one-time token: a double submit finds the first message.
    token = models.UUIDField(_("form token"), null=True, blank=True, editable=False)
    erased = models.BooleanField(_("erased"), default=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "sender", "token"], name="messaging_one_message_per_token")
        ]

    def __str__(self):
        return str(_("Message %(id)s") % {"id": self.pk})


class ReportReason(models.TextChoices):
    ABUSE = "abuse", _("Abusive or harassing")
    SPAM = "spam", _("Spam or advertising")
    UNSAFE = "unsafe", _("Someone may be in danger")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a moderator")
    RESOLVED = "resolved", _("Handled")


class MessageReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)


class MessageReport(models.Model):
    """A participant reports one message. Moderators read that message, and
    only that message, through the report."""

    Reason = ReportReason
    Status = ReportStatus

    message = models.ForeignKey(Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="message_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField(_("what was done"), max_length=500, blank=True)

    objects = MessageReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("message report")
        verbose_name_plural = _("message reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "reporter"],
                condition=Q(reporter__isnull=False),
                name="messaging_one_report_per_member",
            )
        ]

    def __str__(self):
        return str(_("Report of message %(id)s") % {"id": self.message_id})


class MessagingSettings(models.Model):
    """A specialist's choice to take new conversations or not."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_settings", primary_key=True
    )
    taking_new_conversations = models.BooleanField(_("taking new conversations"), default=True)

    class Meta:
        verbose_name = _("messaging settings")
        verbose_name_plural = _("messaging settings")

    def __str__(self):
        return str(self.user)
