"""Background work for the home app, through Django's task interface."""

from django.utils.translation import gettext as _
from django_tasks import task

from core import mail


@task()
def send_contact_message(*, contact_id):
    """E-mail a member's message to the team. The member's address goes in
    Reply-To so the team can answer; the e-mail's subject carries nothing the
    member wrote (their subject line may name a health matter): it is in the body."""
    from core.models import SiteSettings

    from .models.contact import ContactMessage

    contact = ContactMessage.objects.select_related("user").filter(pk=contact_id).first()
    if contact is None:  # deleted with the account before the worker ran
        return False
    to = SiteSettings.load().contact_email
    body = _("From: %(name)s\nSent: %(sent)s UTC\nSubject: %(subject)s\n\n%(message)s\n") % {
        "name": contact.user.display_name,
        "sent": f"{contact.created_at:%Y-%m-%d %H:%M}",
        "subject": contact.subject,
        "message": contact.message,
    }
    return mail.deliver(
        kind="staff",
        to=[to],
        subject=_("Contact form #%(number)s") % {"number": contact.pk},
        text=body,
        reply_to=[contact.user.email],
    )
