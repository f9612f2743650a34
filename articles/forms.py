"""Forms for comments beyond posting (articles.comments.ArticleCommentForm):
a member editing their own comment, and a moderator removing one."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.forms import MemberTextMixin


class CommentEditForm(MemberTextMixin, forms.Form):
    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your comment before saving it."),
            "max_length": _(
                "Your comment is %(show_value)s characters long and the limit is %(limit_value)s. Please shorten it."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        limit = settings.COMMENTS_XTD_MAX_LENGTH
        field = self.fields["comment"]
        field.max_length = limit
        field.widget.attrs["maxlength"] = limit
        field.validators.append(MaxLengthValidator(limit))
        field.help_text = _("Up to %(limit)s characters.") % {"limit": limit}

    def clean_comment(self):
        text = self.cleaned_data["comment"].strip()
        if "\x00" in text:
            raise forms.ValidationError(_("The text contains characters we cannot store."))
        if not text:
            raise forms.ValidationError(self.fields["comment"].error_messages["required"])
        return text


def saved_replies(decision):
    """Saved replies other apps offer for `decision` (Q&A keeps them), through
    the `moderation_saved_replies` hook."""
    replies = []
    for hook in hooks.get_hooks("moderation_saved_replies"):
        replies.extend(hook(decision))
    return replies


class CommentRemovalForm(MemberTextMixin, forms.Form):
    """A moderator removes a comment, saying why. Choosing a saved reply fills
    the reason in the browser; without JavaScript an empty reason takes it."""

    saved_reply = forms.TypedChoiceField(
        label=_("Start from a saved reply"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Fills in the reason below, which you can then change."),
    )
    reason = forms.CharField(
        label=_("Reason (sent to the author)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.replies = {reply.pk: reply for reply in saved_replies("reject")}
        self.fields["saved_reply"].choices = [("", _("Write my own"))] + [
            (pk, reply.title) for pk, reply in self.replies.items()
        ]
        if not self.replies:
            del self.fields["saved_reply"]

    def saved_reply_texts(self):
        return {str(pk): reply.text for pk, reply in self.replies.items()}

    def clean(self):
        cleaned_data = super().clean()
        reason = (cleaned_data.get("reason") or "").strip()
        reply = self.replies.get(cleaned_data.get("saved_reply"))
        if not reason and reply is not None:
            reason = reply.text
        if not reason and "reason" not in self.errors:
            self.add_error("reason", _("Say why, so the author understands."))
        cleaned_data["reason"] = reason
        return cleaned_data
