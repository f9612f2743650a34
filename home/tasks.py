"""Background work for the home app, through Django's task interface."""

from django.core.mail import EmailMessage
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def send_contact_message(*, contact_id):
    """E-mail a member's message to the team. The member's address goes in
    Reply-To so the team can answer; the subject carries no message text."""
    from core.models import SiteSettings

    from .models import ContactMessage

    contact = ContactMessage.objects.select_related("user").filter(pk=contact_id).first()
    if contact is None:  # deleted with the account before the worker ran
        return False
    to = SiteSettings.load().contact_email
    body = _("From: %(name)s\nSent: %(sent)s UTC\n\n%(message)s\n") % {
        "name": contact.user.display_name,
        "sent": f"{contact.created_at:%Y-%m-%d %H:%M}",
        "message": contact.message,
    }
    EmailMessage(
        subject=_("Contact form #%(number)s: %(subject)s") % {"number": contact.pk, "subject": contact.subject},
        body=body,
        to=[to],
        reply_to=[contact.user.email],
    ).send()
    return True
