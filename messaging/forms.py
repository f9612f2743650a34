from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MemberTextMixin

from .models import BODY_MAX, MessageReport
from .tokens import message_form_token


class MessageForm(MemberTextMixin, forms.Form):
    """One message. `token` is new with every blank form: a second submit of
    the same form finds the message the first one sent."""

    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Up to 4,000 characters. You can use *emphasis*, **bold** and lists."),
        error_messages={
            "required": _("Write a message first."),
            "max_length": _("Please keep it to %(limit_value)s characters (it has %(show_value)s)."),
        },
    )
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["token"].validators = []  # a UUID, not member text (MemberTextMixin)
        if not self.is_bound:
            self.initial.setdefault("token", message_form_token())

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a message first."))
        return body


class ReportForm(MemberTextMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this message?"),
        choices=MessageReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the reason closest to what happened.")},
    )
    note = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class MessagingSettingsForm(forms.Form):
    taking_new_conversations = forms.BooleanField(
        label=_("Take new conversations"),
        required=False,
        help_text=_("When this is off, members cannot start a conversation with you. Conversations you have go on."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
