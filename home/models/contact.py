"""What members write to the team through the contact page."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="contact_messages"
    )
    subject = models.CharField(_("subject"), max_length=120)
    message = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return self.subject
