"""Receivers that call services; no rules here."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CrisisPhrase


@receiver([post_save, post_delete], sender=CrisisPhrase, dispatch_uid="core_crisis_lexicon_changed")
def crisis_lexicon_changed(sender, **kwargs):
    """Editors changed the lexicon: the detector compiles it afresh."""
    from .crisis import lexicon_changed

    lexicon_changed()
