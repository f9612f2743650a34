"""Forms for a specialist's own profile.

Each form lists the fields a visitor may send; nothing else from the request
reaches a query or a page."""

import html
import io
import re
from dataclasses import dataclass

from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from accounts.forms import clean_display_name
from core.forms import MemberTextMixin

from .models import SpecialistPage

# --- Photo upload -------------------------------------------------------------

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 4000
PHOTO_MIN_SIDE = 200
# Pillow's name for the format -> the file extension we store.
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class CleanPhoto:
    """An uploaded photo that passed every check, re-encoded without its
    metadata (camera, GPS position...) and turned upright."""

    content: bytes
    extension: str
    width: int
    height: int


def clean_photo(upload):
    """Check an uploaded file by its content, not its name: JPEG, PNG or WebP,
    at most 5 MB, between 200×200 and 4000×4000 pixels, and readable to the
    end. Returns a CleanPhoto; raises ValidationError with a message for the
    field otherwise."""
    if upload.size > PHOTO_MAX_BYTES:
        raise forms.ValidationError(
            _("This file is %(size)s MB; photos can be up to 5 MB. Try a smaller or more compressed version."),
            code="photo_too_big",
            params={"size": f"{upload.size / 1024 / 1024:.1f}"},
        )
    upload.seek(0)
    try:
        with PILImage.open(upload) as picture:
            image_format = picture.format
            width, height = picture.size
            if image_format not in PHOTO_FORMATS:
                raise forms.ValidationError(_("Please upload a JPEG, PNG or WebP picture."), code="photo_type")
            if width > PHOTO_MAX_SIDE or height > PHOTO_MAX_SIDE:
                raise forms.ValidationError(
                    _("This photo is %(width)s×%(height)s pixels; the largest we take is 4000×4000."),
                    code="photo_too_large",
                    params={"width": width, "height": height},
                )
            if width < PHOTO_MIN_SIDE or height < PHOTO_MIN_SIDE:
                raise forms.ValidationError(
                    _("This photo is %(width)s×%(height)s pixels; it needs to be at least 200×200 to look sharp."),
                    code="photo_too_small",
                    params={"width": width, "height": height},
                )
            picture.load()  # decodes every pixel: a truncated or damaged file fails here
            content, (width, height) = _reencode(picture, image_format)
    except forms.ValidationError:
        raise
    except PILImage.DecompressionBombError as error:
        raise forms.ValidationError(
            _("This photo has too many pixels; the largest we take is 4000×4000."), code="photo_too_large"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise forms.ValidationError(
            _("We could not read this file as a picture. Please upload a JPEG, PNG or WebP photo."),
            code="photo_type",
        ) from error
    finally:
        upload.seek(0)
    return CleanPhoto(content=content, extension=PHOTO_FORMATS[image_format], width=width, height=height)


def _reencode(picture, image_format):
    """The picture saved again without its metadata, the right way up: (bytes, (width, height))."""
    upright = ImageOps.exif_transpose(picture)
    options = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    if image_format == "JPEG":
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        options.update(quality=88, optimize=True)
    elif image_format == "WEBP":
        options.update(quality=88)
    else:
        options.update(optimize=True)
    buffer = io.BytesIO()
    upright.save(buffer, image_format, **options)
    return buffer.getvalue(), upright.size


# --- The profile ----------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def plain_text_to_rich_text(text):
    """Member text as rich-text HTML: every character escaped, blank lines
    start a paragraph, single line breaks stay line breaks."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if p.strip()]
    return "".join("<p>" + "<br/>".join(escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs)


def rich_text_to_plain_text(value):
    """The inverse for the edit form: paragraphs and list items become lines."""
    text = _BLOCK_END.sub(lambda m: "\n" if m.group(0).lower().startswith("<br") else "\n\n", value or "")
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class ProfileForm(MemberTextMixin, forms.ModelForm):
    """What a member writes about themselves to create or edit their profile:
    a ModelForm over their SpecialistPage (for an edit, its latest revision, so
    pending changes show). Meta.fields is the list of what a member may set;
    not the verification, the account, the slug or the publishing state, which
    only moderators and the services set."""

    display_name = forms.CharField(
        label=_("Name on your profile"),
        max_length=80,
        help_text=_("As clients know you, e.g. Dr Jane Smith."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional. A JPEG, PNG or WebP picture of up to 5 MB, at least 200×200 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    # Plain text for the member; rich text (every character escaped) on the page.
    long_bio = forms.CharField(
        label=_("About you and how you work"),
        max_length=5000,
        required=False,
        help_text=_("Shown on your page. Leave a blank line between paragraphs (up to 5,000 characters)."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    declaration = forms.BooleanField(
        label=_("The details above are true, and I am registered to practise where I see clients."),
        error_messages={"required": _("Please confirm that these details are true.")},
    )

    MAX_TOPICS = 6

    class Meta:
        model = SpecialistPage
        fields = [
            "professional_title",
            "short_bio",
            "long_bio",
            "topics",
            "approaches",
            "languages",
            "offers_online",
            "offers_in_person",
            "location",
            "fees",
            "accepting_new_clients",
            "offers_free_consultation",
            "licence_number",
            "licence_issuing_body",
            "licence_country",
        ]
        labels = {
            "professional_title": _("Professional title"),
            "short_bio": _("Short introduction"),
            "topics": _("Specialisations"),
            "approaches": _("Approaches"),
            "languages": _("Languages you work in"),
            "offers_online": _("Online sessions"),
            "offers_in_person": _("In-person sessions"),
            "location": _("Location"),
            "fees": _("Fees"),
            "accepting_new_clients": _("I am accepting new clients"),
            "offers_free_consultation": _("I offer a free 30-minute initial consultation"),
            "licence_number": _("Licence or registration number"),
            "licence_issuing_body": _("Issuing body"),
            "licence_country": _("Country"),
        }
        help_texts = {
            "short_bio": _("Two or three sentences shown in the directory (up to 400 characters)."),
            "topics": _("Choose up to six."),
            "licence_issuing_body": _("The regulator or professional body that registered you."),
        }
        error_messages = {
            "topics": {"required": _("Choose at least one specialisation.")},
            "languages": {"required": _("Choose at least one language.")},
        }
        widgets = {
            "short_bio": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "approaches": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }

    # Optional for editors' pages in the admin; a member must give them.
    REQUIRED = ("topics", "languages", "licence_number", "licence_issuing_body", "licence_country")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.REQUIRED:
            self.fields[name].required = True
        if not self.is_bound:
            self.initial.setdefault("display_name", self.instance.title)
            self.initial["long_bio"] = rich_text_to_plain_text(self.initial.get("long_bio"))

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return clean_photo(upload)

    def clean_long_bio(self):
        return plain_text_to_rich_text(self.cleaned_data["long_bio"])

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if len(topics) > self.MAX_TOPICS:
            raise forms.ValidationError(_("Choose up to six specialisations."))
        return topics

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("offers_online") and not cleaned.get("offers_in_person"):
            self.add_error("offers_online", _("Choose online sessions, in-person sessions or both."))
        return cleaned

    def profile_data(self):
        """What the services set on the page: the name and Meta.fields."""
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        data["display_name"] = self.cleaned_data["display_name"]
        return data
