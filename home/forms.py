from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MemberTextMixin

from .models.contact import ContactMessage


class ContactForm(MemberTextMixin, forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["subject", "message"]
        labels = {"subject": _("Subject"), "message": _("Your message")}
        help_texts = {
            "message": _("Up to 4,000 characters. Please don't include anything you'd rather we didn't keep.")
        }

    def clean_subject(self):
        subject = " ".join(self.cleaned_data["subject"].split())
        if len(subject) < 3:
            raise forms.ValidationError(_("Please write a subject of at least 3 characters."))
        return subject

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if "\x00" in message:
            raise forms.ValidationError(_("The message contains characters we cannot store."))
        if len(message) < 10:
            raise forms.ValidationError(_("Please write at least 10 characters so we can help."))
        return message
