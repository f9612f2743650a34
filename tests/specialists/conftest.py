"""Fixtures for the specialist profile tests: a directory wired to the
verification workflow, a moderator, and what a member types into the form."""

from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from accounts.factories import UserFactory
from core.factories import TopicFactory
from specialists.models import Approach, Language
from specialists.services import directory_moderation_setup


@pytest.fixture
def a_directory(specialist_index):
    """The directory, with its workflow and moderators' rights in place."""
    directory_moderation_setup(index=specialist_index)
    return specialist_index


@pytest.fixture
def an_editor(db):
    editor = UserFactory(email="editor.fixture@example.com", display_name="Eddie", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


@pytest.fixture
def profile_topics(db):
    return [TopicFactory(name="Relationships", slug="relationships"), TopicFactory(name="Anxiety", slug="anxiety")]


def picture_bytes(size=(400, 400), image_format="JPEG", colour=(90, 140, 120), **save_options):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, image_format, **save_options)
    return buffer.getvalue()


def upload(name="me.jpg", content=None, content_type="image/jpeg"):
    return SimpleUploadedFile(name, picture_bytes() if content is None else content, content_type=content_type)


@pytest.fixture
def form_data(profile_topics):
    """A complete, valid profile as the form posts it."""
    return {
        "display_name": "Dr Rowan Vale",
        "professional_title": "Family psychologist",
        "short_bio": "I help families find calmer ways to talk.",
        "long_bio": "I have worked with families for ten years.\n\nSessions are online or in Leeds.",
        "topics": [str(t.pk) for t in profile_topics],
        "approaches": [str(Approach.objects.get(slug="systemic-family-therapy").pk)],
        "languages": [str(Language.objects.get(code="en").pk), str(Language.objects.get(code="pl").pk)],
        "offers_online": "on",
        "offers_in_person": "on",
        "location": "Leeds",
        "fees": "£60 for 50 minutes",
        "accepting_new_clients": "on",
        "offers_free_consultation": "on",
        "licence_number": "PYL-12345",
        "licence_issuing_body": "Health and Care Professions Council",
        "licence_country": "United Kingdom",
        "declaration": "on",
    }


@pytest.fixture
def profile_data(form_data):
    """The same profile as ProfileForm.profile_data() hands it to the services."""
    from specialists.forms import ProfileForm

    form = ProfileForm(form_data)
    assert form.is_valid(), form.errors
    return form.profile_data()


# --- Free consultations -----------------------------------------------------------


@pytest.fixture
def a_consultant(specialist_index):
    """A verified specialist's page offering the free consultation, online
    and in person, open every day 09:00-17:00 in London (24 hours' notice,
    three weeks ahead)."""
    from datetime import time

    from django.contrib.auth.models import Group

    from specialists.consultation_services import availability_update
    from specialists.factories import SpecialistPageFactory
    from specialists.slots import Window

    user = UserFactory(email="consultant.fixture@example.com", display_name="Dr Ada Moss")
    user.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Ada Moss",
        slug="ada-moss",
        user=user,
        offers_free_consultation=True,
        offers_online=True,
        offers_in_person=True,
        location="Leeds",
    )
    availability_update(
        page=page,
        by=user,
        time_zone="Europe/London",
        notice_hours=24,
        horizon_days=21,
        windows=[Window(day, time(9), time(17)) for day in range(7)],
        dates_off=[],
    )
    return page


@pytest.fixture
def open_slots():
    """open_slots(page) -> its open slots now, read fresh from the database."""
    from specialists.consultation_selectors import page_open_slots
    from specialists.models import SpecialistPage

    def read(page, limit=None):
        return page_open_slots(SpecialistPage.objects.get(pk=page.pk), limit=limit)

    return read


@pytest.fixture
def book(open_slots):
    """book(member, page, slot=None, **fields) -> a request through the service
    (the first open slot unless given)."""
    from specialists.consultation_services import consultation_request

    def make(member, page, slot=None, format="online", note="", member_time_zone="Europe/London"):
        return consultation_request(
            member=member,
            page=page,
            slot_start=slot or open_slots(page, limit=1)[0],
            format=format,
            note=note,
            member_time_zone=member_time_zone,
        )

    return make
