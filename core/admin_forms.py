"""Forms of the Wagtail admin's own views in core."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .crisis import phrase_pattern
from .models import CrisisPhrase


class CrisisPhraseForm(forms.ModelForm):
    """An editor's lexicon entry. A phrase must keep a word once normalised
    like member text; the model checks patterns (it cannot ask the detector,
    which reads the model)."""

    class Meta:
        model = CrisisPhrase
        fields = ["phrase", "kind", "note", "active"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == CrisisPhrase.Kind.PHRASE and phrase_pattern(cleaned.get("phrase") or "") is None:
            self.add_error("phrase", _("Write at least one word."))
        return cleaned
