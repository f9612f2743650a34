"""The admin's history of member content, and forgetting it."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry


def history_forget(*, model, pks):
    """Remove every admin history entry (Wagtail's and Django admin's) about
    the `model` rows `pks`, which are being erased with a member's account:
    the entries keep the item's title in their label, so they would outlive it."""
    object_ids = [str(pk) for pk in pks]
    if not object_ids:
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    LogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
