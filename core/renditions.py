"""Image renditions made when an image is uploaded or a page that shows it is
published, through the task interface, so a reader's first visit never waits
for Pillow (README "Image renditions").

RENDITION_SPECS is the one list of what the templates and structured data
ask for, in their spelling (Wagtail keys a rendition on the spec string, so
"fill-80x80|format-webp" and "format-webp|fill-80x80" are two renditions);
tests/core/test_renditions.py fails on a template spec missing here."""

from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# Braces as in {% picture %}: format-{webp,jpeg} is both formats.
RENDITION_SPECS = (
    # {% picture %}: article hero, article card, figure block.
    "format-{webp,jpeg}|fill-{480x270,960x540,1440x810}",
    "format-{webp,jpeg}|fill-{400x225,800x450}",
    "format-{webp,jpeg}|width-{400,800,1200}",
    # {% image %}: specialist page, cards and author box, answers, profile form.
    "fill-240x240|format-webp",
    "fill-160x160|format-webp",
    "fill-120x120|format-webp",
    "fill-80x80|format-webp",
    # Social image (og:image, article structured data) and a specialist's photo in structured data.
    "fill-1200x630|format-jpeg",
    "fill-480x480|format-jpeg",
)


def rendition_filter_specs():
    """Every spec of RENDITION_SPECS, braces expanded."""
    return [spec for group in RENDITION_SPECS for spec in Filter.expand_spec(group)]


def renditions_make(*, image_ids):
    """Make every rendition of RENDITION_SPECS the images lack (existing
    ones are found, not redrawn)."""
    specs = rendition_filter_specs()
    for image in get_image_model().objects.filter(pk__in=image_ids):
        image.get_renditions(*specs)


@task()
def make_renditions(image_ids):
    renditions_make(image_ids=image_ids)


def renditions_enqueue(*, image_ids):
    """After the transaction commits, a task makes the images' renditions."""
    image_ids = sorted({pk for pk in image_ids if pk})
    if image_ids:
        transaction.on_commit(lambda: make_renditions.enqueue(image_ids=image_ids))


def page_image_ids(page, *, follow_pages=True):
    """The images a page shows: its own image fields (hero, photo, social
    image), its StreamField image blocks and, one step on, the image fields
    of the pages it links by a foreign key (an article's author photo)."""
    from wagtail.fields import StreamField
    from wagtail.models import Page

    image_model = get_image_model()
    ids = []
    for field in page._meta.get_fields():
        if getattr(field, "many_to_one", False) and field.related_model is image_model:
            ids.append(getattr(page, field.attname))
        elif isinstance(field, StreamField):
            ids.extend(_stream_image_ids(getattr(page, field.name)))
        elif (
            follow_pages
            and getattr(field, "many_to_one", False)
            and field.concrete
            and issubclass(field.related_model, Page)
            and field.related_model is not Page
            and getattr(page, field.attname)
        ):
            linked = getattr(page, field.name)
            ids.extend(page_image_ids(linked, follow_pages=False))
    return ids


def _stream_image_ids(stream):
    return [image.pk for image in stream_images(stream)]


def stream_images(stream):
    """The images a StreamField's blocks show (image blocks, and images in
    a StructBlock such as the figure), as loaded with the stream."""
    image_model = get_image_model()
    found = []
    for child in stream or ():
        value = child.value
        if isinstance(value, image_model):
            found.append(value)
        elif hasattr(value, "items"):  # a StructBlock's value
            found.extend(item for _, item in value.items() if isinstance(item, image_model))
    return found


def prefetch_renditions(images):
    """The stored renditions of every image in `images` (None and repeats
    allowed), in one query for all of them: a page that shows images from
    several places (its own, its author's photo, related cards) reads them
    together. Images whose renditions are already loaded are left alone."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([image for image in images if image is not None], "renditions")
