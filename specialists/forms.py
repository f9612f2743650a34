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
from core.models import Topic

from .models import Approach, Language

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


class ProfileForm(MemberTextMixin, forms.Form):
    """What a member writes about themselves to create or edit their profile.

    The verification fields are not here: only moderators set them, by
    approving the profile."""

    display_name = forms.CharField(
        label=_("Name on your profile"),
        max_length=80,
        help_text=_("As clients know you, e.g. Dr Jane Smith."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    professional_title = forms.CharField(
        label=_("Professional title"), max_length=120, help_text=_("For example: Family psychologist")
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional. A JPEG, PNG or WebP picture of up to 5 MB, at least 200×200 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    short_bio = forms.CharField(
        label=_("Short introduction"),
        max_length=400,
        help_text=_("Two or three sentences shown in the directory (up to 400 characters)."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    long_bio = forms.CharField(
        label=_("About you and how you work"),
        max_length=5000,
        required=False,
        help_text=_("Shown on your page. Leave a blank line between paragraphs (up to 5,000 characters)."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Specialisations"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose up to six."),
        error_messages={"required": _("Choose at least one specialisation.")},
    )
    approaches = forms.ModelMultipleChoiceField(
        label=_("Approaches"),
        queryset=Approach.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages you work in"),
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    offers_online = forms.BooleanField(label=_("Online sessions"), required=False)
    offers_in_person = forms.BooleanField(label=_("In-person sessions"), required=False)
    location = forms.CharField(
        label=_("Location"),
        max_length=120,
        required=False,
        help_text=_("Where you see clients in person: a town or an area, never a home address."),
    )
    fees = forms.CharField(
        label=_("Fees"), max_length=200, required=False, help_text=_("For example: £70 for a 50-minute session.")
    )
    accepting_new_clients = forms.BooleanField(label=_("I am accepting new clients"), required=False)
    offers_free_consultation = forms.BooleanField(
        label=_("I offer a free 30-minute initial consultation"), required=False
    )
    licence_number = forms.CharField(label=_("Licence or registration number"), max_length=60)
    licence_issuing_body = forms.CharField(
        label=_("Issuing body"),
        max_length=160,
        help_text=_("The regulator or professional body that registered you."),
    )
    licence_country = forms.CharField(label=_("Country"), max_length=80)
    declaration = forms.BooleanField(
        label=_("The details above are true, and I am registered to practise where I see clients."),
        error_messages={"required": _("Please confirm that these details are true.")},
    )

    MAX_TOPICS = 6

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return clean_photo(upload)

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if len(topics) > self.MAX_TOPICS:
            raise forms.ValidationError(_("Choose up to six specialisations."))
        return topics

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("offers_online") and not cleaned.get("offers_in_person"):
            self.add_error("offers_online", _("Choose online sessions, in-person sessions or both."))
        if cleaned.get("offers_in_person") and not cleaned.get("location"):
            self.add_error("location", _("Say where you see clients in person."))
        return cleaned

    def profile_data(self):
        """The cleaned values the services take (everything but the photo and the declaration)."""
        data = {key: value for key, value in self.cleaned_data.items() if key not in ("photo", "declaration")}
        data["long_bio"] = plain_text_to_rich_text(data.get("long_bio", ""))
        return data

    @classmethod
    def initial_for(cls, page):
        """Initial values from a profile (its latest revision, so pending changes show)."""
        return {
            "display_name": page.title,
            "professional_title": page.professional_title,
            "short_bio": page.short_bio,
            "long_bio": rich_text_to_plain_text(page.long_bio),
            "topics": list(page.topics.all()),
            "approaches": list(page.approaches.all()),
            "languages": list(page.languages.all()),
            "offers_online": page.offers_online,
            "offers_in_person": page.offers_in_person,
            "location": page.location,
            "fees": page.fees,
            "accepting_new_clients": page.accepting_new_clients,
            "offers_free_consultation": page.offers_free_consultation,
            "licence_number": page.licence_number,
            "licence_issuing_body": page.licence_issuing_body,
            "licence_country": page.licence_country,
        }
