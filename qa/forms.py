from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MemberTextMixin
from core.models import Topic

from .models import Answer, Question, Report, SavedReply

TITLE_MIN, TITLE_MAX = 15, 150
BODY_MIN, BODY_MAX = 30, 5000
ANSWER_MIN, ANSWER_MAX = 30, 8000


def _clean_text(value, *, minimum, too_short):
    value = value.strip()
    if "\x00" in value:
        raise forms.ValidationError(_("The text contains characters we cannot store."))
    if len(value) < minimum:
        raise forms.ValidationError(too_short)
    return value


class QuestionForm(MemberTextMixin, forms.ModelForm):
    """What a member types to ask. `anonymous` starts at their preference."""

    class Meta:
        model = Question
        fields = ["title", "body", "topic", "anonymous"]
        labels = {
            "title": _("Your question in one sentence"),
            "body": _("Tell us more"),
            "topic": _("Topic"),
            "anonymous": _("Post anonymously"),
        }
        help_texts = {
            "title": _("Between 15 and 150 characters."),
            "body": _(
                "Between 30 and 5,000 characters. You can use *emphasis*, **bold** and lists. "
                "Leave out names or details that could identify you or someone else."
            ),
            "topic": _("Helps the right specialist find your question."),
            "anonymous": _("Others see “Anonymous member” instead of your display name."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not self.is_bound:
            self.initial.setdefault("anonymous", user.default_anonymous)
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["topic"].required = True
        self.fields["topic"].empty_label = _("Choose a topic")
        self.fields["topic"].error_messages["required"] = _("Choose the topic closest to your question.")
        self.fields["title"].widget.attrs.update({"minlength": TITLE_MIN, "autocomplete": "off"})
        self.fields["title"].error_messages.update(
            {
                "required": _("Write your question in one sentence."),
                "max_length": _("Please keep the title to %(limit_value)s characters (it has %(show_value)s)."),
            }
        )
        self.fields["body"].max_length = BODY_MAX
        self.fields["body"].error_messages.update(
            {
                "required": _("Tell us a little more about your question."),
                "max_length": _("Please keep it to %(limit_value)s characters (it has %(show_value)s)."),
            }
        )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        return _clean_text(
            title,
            minimum=TITLE_MIN,
            too_short=_("Please write at least %(min)s characters so specialists understand the question.")
            % {"min": TITLE_MIN},
        )

    def clean_body(self):
        return _clean_text(
            self.cleaned_data["body"],
            minimum=BODY_MIN,
            too_short=_("Please write at least %(min)s characters.") % {"min": BODY_MIN},
        )


class TitleCheckForm(MemberTextMixin, forms.Form):
    """The first step without JavaScript: check for similar questions."""

    title = forms.CharField(label=_("Your question in one sentence"), max_length=TITLE_MAX, required=False)


class AnswerForm(MemberTextMixin, forms.ModelForm):
    class Meta:
        model = Answer
        fields = ["body"]
        labels = {"body": _("Your answer")}
        help_texts = {
            "body": _("Between 30 and 8,000 characters. You can use *emphasis*, **bold** and lists."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = ANSWER_MAX
        self.fields["body"].error_messages.update(
            {
                "required": _("Write your answer before posting it."),
                "max_length": _("Please keep it to %(limit_value)s characters (it has %(show_value)s)."),
            }
        )

    def clean_body(self):
        return _clean_text(
            self.cleaned_data["body"],
            minimum=ANSWER_MIN,
            too_short=_("Please write at least %(min)s characters.") % {"min": ANSWER_MIN},
        )


class ReportForm(MemberTextMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason."), "invalid_choice": _("Choose one of the reasons.")},
    )
    note = forms.CharField(
        label=_("Anything else we should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


class ModerationForm(MemberTextMixin, forms.Form):
    """Approve or reject in the admin, with a reason that may start from a
    saved reply. Only the replies made for this kind of decision are offered.
    Choosing one fills the reason in the browser (static/js/admin-saved-replies.js);
    without JavaScript, an empty reason takes the chosen reply's text."""

    saved_reply = forms.ModelChoiceField(
        label=_("Start from a saved reply"),
        queryset=SavedReply.objects.none(),
        required=False,
        help_text=_("Fills in the reason below, which you can then change."),
    )
    reason = forms.CharField(
        label=_("Reason (sent to the author)"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = decision
        self.fields["saved_reply"].queryset = SavedReply.objects.for_decision(decision)
        self.fields["saved_reply"].empty_label = _("Write my own")

    def saved_reply_texts(self):
        """{pk: text} for the browser, which fills the reason from it."""
        return {str(reply.pk): reply.text for reply in self.fields["saved_reply"].queryset}

    def clean(self):
        cleaned_data = super().clean()
        reply = cleaned_data.get("saved_reply")
        reason = (cleaned_data.get("reason") or "").strip()
        if not reason and reply is not None:
            reason = reply.text
        if self.decision == "reject" and not reason:
            self.add_error("reason", _("Say why, so the author understands."))
        cleaned_data["reason"] = reason
        return cleaned_data
