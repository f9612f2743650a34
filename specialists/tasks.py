"""Background work for specialists, through Django's task interface
(immediate in development and tests, the database queue in production)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from core import mail

# Which e-mail: the template names under templates/specialists/email/.
EMAIL_KINDS = frozenset({"approved", "changes_approved", "changes_requested"})


@task()
def send_specialist_email(*, user_id, page_id, kind, reason=""):
    """Tell a member what a moderator decided about their profile."""
    from .models import SpecialistPage

    if kind not in EMAIL_KINDS:
        raise ValueError(f"Unknown specialist e-mail: {kind}")
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    page = SpecialistPage.objects.filter(pk=page_id).first()
    if user is None or page is None or not user.email:
        return False
    directory = page.get_parent().specific
    context = {
        "user": user,
        "page": page,
        "reason": reason,
        "page_url": page.get_full_url() if page.live else "",
        "edit_url": directory.get_full_url() + directory.reverse_subpage("profile_edit"),
    }
    return mail.deliver(kind="verification", user=user, template=f"specialists/email/{kind}", context=context)
