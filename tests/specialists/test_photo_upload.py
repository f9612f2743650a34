"""Profile photos are checked by their content: type, size and pixels. A bad
file gets a clear message next to the field and nothing is stored."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage
from wagtail.images import get_image_model

from specialists.forms import clean_photo
from specialists.models import SpecialistPage

from .conftest import picture_bytes, upload

pytestmark = pytest.mark.django_db

JOIN = "/specialists/join/"


def jpeg_with_gps():
    picture = PILImage.new("RGB", (600, 400), (200, 120, 90))
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0112] = 6  # orientation: rotate 90° to show upright
    exif[0x8825] = {1: "N", 2: (53.0, 48.0, 0.0)}  # GPS latitude
    buffer = BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def truncated_jpeg():
    return picture_bytes(size=(800, 800))[:2000]


BAD_UPLOADS = {
    "text named .jpg": (upload("me.jpg", b"not a picture at all", "image/jpeg"), "could not read this file"),
    "GIF": (upload("me.gif", picture_bytes(image_format="GIF"), "image/gif"), "JPEG, PNG or WebP"),
    "BMP named .png": (upload("me.png", picture_bytes(image_format="BMP"), "image/png"), "JPEG, PNG or WebP"),
    "too small": (upload("me.jpg", picture_bytes(size=(150, 400))), "at least 200×200"),
    "too many pixels": (
        upload("me.png", picture_bytes(size=(4001, 300), image_format="PNG"), "image/png"),
        "4000×4000",
    ),
    "damaged": (upload("me.jpg", truncated_jpeg()), "could not read this file"),
    "over 5 MB": (upload("me.jpg", b"\xff" * (5 * 1024 * 1024 + 1)), "up to 5 MB"),
}


@pytest.mark.parametrize("name", BAD_UPLOADS)
def test_bad_upload_is_refused_next_to_the_field_and_nothing_is_stored(
    client, a_member, a_directory, form_data, settings, name
):
    file, message = BAD_UPLOADS[name]
    client.force_login(a_member)

    response = client.post(JOIN, {**form_data, "photo": file})

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    error = html.find(id="id_photo_error")
    assert error is not None and message in error.get_text()
    assert html.find(id="id_photo")["aria-describedby"] == "id_photo_helptext id_photo_error"
    assert "please choose it again" in html.select_one(".form-errors").get_text()
    assert not SpecialistPage.objects.exists()
    assert not get_image_model().objects.exists()
    originals = settings.MEDIA_ROOT / "original_images"
    assert not originals.exists() or not any(originals.iterdir())


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_good_photo_is_stored_with_the_profile(client, a_member, a_directory, form_data, image_format):
    client.force_login(a_member)
    content = picture_bytes(size=(300, 300), image_format=image_format)
    response = client.post(JOIN, {**form_data, "photo": upload(f"me.{image_format.lower()}", content)})
    assert response.status_code == 302
    photo = SpecialistPage.objects.get(user=a_member).photo
    assert (photo.width, photo.height) == (300, 300)
    assert photo.uploaded_by_user == a_member
    assert photo.collection.name == "Specialist photos"
    # Size and hash as Wagtail's own upload form records them (through its public API).
    with photo.open_file() as stored:
        assert photo.file_size == len(stored.read())
    recomputed = get_image_model().objects.get(pk=photo.pk)
    recomputed.file_hash = ""
    assert photo.file_hash and recomputed.get_file_hash() == photo.file_hash


def test_photo_metadata_is_removed_and_the_picture_turned_upright():
    photo = clean_photo(upload("me.jpg", jpeg_with_gps()))
    stored = PILImage.open(BytesIO(photo.content))
    assert stored.format == "JPEG"
    assert stored.size == (photo.width, photo.height) == (400, 600)  # upright
    assert dict(stored.getexif()) == {}


def test_the_extension_comes_from_the_content_not_the_name():
    photo = clean_photo(upload("me.jpg", picture_bytes(image_format="PNG"), "image/jpeg"))
    assert photo.extension == "png"
