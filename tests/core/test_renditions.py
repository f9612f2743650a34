"""Renditions are made when an image is uploaded or a page is published,
through the task interface, so no reader's visit makes one; and the one list
of specs (core.renditions) covers every spec the templates ask for."""

import re
from pathlib import Path

import pytest
from wagtail.images.models import Filter, Rendition

from core.renditions import rendition_filter_specs

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
IMAGE_TAG = re.compile(r"{%\s*(?:image|picture)\s+\S+\s+(.*?)%}")
SPEC_WORD = re.compile(r"^(?:fill|width|height|max|min|scale|format|original|jpegquality|webpquality)[-{]")


def template_specs():
    """(template, spec) for every {% image %} and {% picture %} tag, braces expanded."""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        for arguments in IMAGE_TAG.findall(path.read_text(encoding="utf-8")):
            words = [word for word in arguments.split() if SPEC_WORD.match(word)]
            for spec in Filter.expand_spec("|".join(words)):
                found.append((path.relative_to(TEMPLATES).as_posix(), spec))
    return found


def test_every_template_rendition_is_in_the_one_list():
    specs = template_specs()
    listed = set(rendition_filter_specs())

    assert len(specs) >= 8  # the scan found the tags (hero, cards, avatars, social image...)
    assert [(name, spec) for name, spec in specs if spec not in listed] == []


def test_structured_data_renditions_are_in_the_one_list():
    from articles.structured_data import SOCIAL_IMAGE_FILTER
    from specialists.structured_data import PHOTO_FILTER

    assert {SOCIAL_IMAGE_FILTER, PHOTO_FILTER} <= set(rendition_filter_specs())


def test_an_uploaded_image_has_every_rendition(make_image, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(size=(64, 36))

    made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert made == set(rendition_filter_specs())


def test_a_published_article_renders_without_making_a_rendition(
    realistic_content, client, django_capture_on_commit_callbacks
):
    article = realistic_content.add_articles(1)[0]
    Rendition.objects.all().delete()  # as if the images had come before this feature

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    made = Rendition.objects.count()
    response = client.get(article.url)

    assert response.status_code == 200
    assert made > 0
    assert Rendition.objects.count() == made
