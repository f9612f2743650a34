"""Specialists in bulk for the query budgets (tests/specialists and
tests/core/test_query_budget.py): real pages with their relations inserted
in bulk, and availability with held slots."""

from django.utils import timezone

from specialists.models import SpecialistPage
from tests.bulk import add_pages_in_bulk


def add_specialists_quickly(index, count, *, photos, topics, languages):
    """`count` live, verified specialist pages with photos, two topics and two
    languages each (the first of each always, the second in turn): real
    Wagtail pages, inserted in bulk with their relations (a factory with a
    revision per page makes 300 pages slowly)."""
    start = SpecialistPage.objects.count()
    pages = []
    for n in range(start, start + count):
        page = SpecialistPage(
            title=f"Dr Bulk {n:03d}",
            slug=f"dr-bulk-{n:03d}",
            professional_title="Counsellor",
            short_bio="Works with adults and young people on anxiety and low mood.",
            photo=photos[n % len(photos)],
            offers_online=True,
            offers_in_person=n % 2 == 0,
            location="Leeds" if n % 2 == 0 else "",
            accepting_new_clients=n % 3 != 0,
            offers_free_consultation=n % 4 == 0,
            licence_number=f"BULK-{n:05d}",
            licence_issuing_body="Health and Care Professions Council",
            licence_country="United Kingdom",
            verified_at=timezone.now(),
        )
        pages.append(page)
    add_pages_in_bulk(index, pages)
    topic_through = SpecialistPage.topics.through
    language_through = SpecialistPage.languages.through
    topic_through.objects.bulk_create(
        topic_through(specialistpage_id=page.pk, topic_id=topic.pk)
        for i, page in enumerate(pages)
        for topic in (topics[0], topics[1 + i % (len(topics) - 1)])
    )
    language_through.objects.bulk_create(
        language_through(specialistpage_id=page.pk, language_id=language.pk)
        for i, page in enumerate(pages)
        for language in (languages[0], languages[1 + i % (len(languages) - 1)])
    )
    return pages


def give_availability(pages, *, held_per_page=2):
    """Every page offering the free consultation gets weekday windows and
    `held_per_page` held requests, in bulk: the cards' next open time is
    read from them."""
    from datetime import time, timedelta

    from accounts.factories import UserFactory
    from specialists.models import Availability, AvailabilityWindow, ConsultationRequest

    offering = [page for page in pages if page.offers_free_consultation]
    Availability.objects.bulk_create(Availability(specialist=page) for page in offering)
    availabilities = Availability.objects.filter(specialist__in=offering)
    AvailabilityWindow.objects.bulk_create(
        AvailabilityWindow(availability=availability, weekday=day, start=time(9), end=time(12))
        for availability in availabilities
        for day in range(7)
    )
    member = UserFactory(email=f"holder{len(offering)}@example.com")
    soon = (timezone.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    ConsultationRequest.objects.bulk_create(
        ConsultationRequest(
            specialist=page,
            member=member if n == 0 else None,
            slot_start=soon + timedelta(days=n),
            requested_start=soon + timedelta(days=n),
            format="online",
        )
        for page in offering
        for n in range(held_per_page)
    )
    return offering
