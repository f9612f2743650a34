"""The specialist directory and landing pages render in a fixed number of
queries, whatever the amount of content (see tests/articles/test_query_budget.py
for the method): the directory is measured with 6 specialists, then with 300,
on the first page, a later page and with every filter on."""

import pytest
from django.utils import timezone

from core.models import Topic
from home.models import StandardPage
from specialists.models import Language, SpecialistPage
from tests.specialists.bulk import add_specialists_quickly, give_availability

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index_off")]  # builds much, never searches

# Issue 13: at most 10 queries for any public page, the page cache off.
SPECIALIST_INDEX_BUDGET = 10  # measured: 8; here 6 and 300 specialists, pages, filters
# Cards with a next open time read the windows, dates off and held slots of
# every card in one query more (consultations.read_slot_inputs).
NEXT_SLOT_INDEX_BUDGET = 10  # measured: 8 (6 and 300 specialists, some offering it)
SPECIALIST_PAGE_BUDGET = 10  # 6 and 60 articles
# The landing page of a specialist taking consultations reads their availability
# with the page and its windows, dates off and held slots in one query more.
CONSULTING_PAGE_BUDGET = 10  # measured: 10; here 2 and 20 held slots

ALL_FILTERS = "?topic=anxiety&language=en&format=online&location=leeds&accepting=1&free=1"


@pytest.fixture
def directory(realistic_content, home_page):
    """The realistic site (two specialists) with four more, the free
    consultation page and languages: six specialists to begin with."""
    content = realistic_content
    home_page.add_child(instance=StandardPage(title="Free initial consultation", slug="free-consultation"))
    content.photos = [content.make_image(title=f"Portrait {n}", size=(48, 48)) for n in range(6)]
    content.languages = sorted(
        Language.objects.filter(code__in=["en", "pl", "pt", "de"]), key=lambda lang: lang.code != "en"
    )
    content.topic_rows = sorted(Topic.objects.all(), key=lambda topic: topic.slug != "anxiety")
    content.add_quickly = lambda count: add_specialists_quickly(
        content.specialist_index,
        count,
        photos=content.photos,
        topics=content.topic_rows,
        languages=content.languages,
    )
    content.add_quickly(4)
    return content


def test_specialist_index_queries_do_not_grow_with_specialists(directory, measure_page_queries, client):
    url = directory.specialist_index.url
    assert SpecialistPage.objects.verified().count() == 6
    assert len(client.get(url + ALL_FILTERS).context["specialists"]) == 1

    small = [measure_page_queries(url + query, SPECIALIST_INDEX_BUDGET) for query in ("", ALL_FILTERS)]
    directory.add_quickly(294)
    assert SpecialistPage.objects.verified().count() == 300
    large = [measure_page_queries(url + query, SPECIALIST_INDEX_BUDGET) for query in ("", "?page=2", ALL_FILTERS)]
    # Nobody on the last page takes free consultations: their slots are not read.
    last = measure_page_queries(url + "?page=13", SPECIALIST_INDEX_BUDGET)

    assert len(client.get(url + ALL_FILTERS).context["specialists"]) == 24
    assert len(set(small + large)) == 1, (small, large)
    assert last == small[0] - 1, (last, small)


def test_specialist_page_queries_do_not_grow_with_articles(realistic_content, measure_page_queries):
    realistic_content.add_articles(6)
    url = realistic_content.author.url

    small = measure_page_queries(url, SPECIALIST_PAGE_BUDGET)
    realistic_content.add_articles(54)
    large = measure_page_queries(url, SPECIALIST_PAGE_BUDGET)

    assert small == large


def test_cards_show_the_next_open_time_within_the_directory_budget(directory, measure_page_queries, client):
    url = directory.specialist_index.url
    give_availability(SpecialistPage.objects.filter(title__startswith="Dr Bulk"))
    small = measure_page_queries(url, NEXT_SLOT_INDEX_BUDGET)
    html = client.get(url).content.decode()
    assert html.count('class="card__next-slot"') == 1  # one of the four bulk pages offers it
    give_availability(directory.add_quickly(294))
    large = [measure_page_queries(url + query, NEXT_SLOT_INDEX_BUDGET) for query in ("", "?page=2", "?free=1")]
    html = client.get(url + "?free=1").content.decode()
    # All 24 offer it; one (the realistic site's own specialist) has set no times.
    assert html.count('class="card__next-slot"') == 23
    assert len({small, *large}) == 1, (small, large)


def test_landing_page_with_its_next_open_time_stays_within_budget(realistic_content, measure_page_queries, client):
    from accounts.factories import UserFactory

    page = realistic_content.author
    SpecialistPage.objects.filter(pk=page.pk).update(
        user=UserFactory(email="budget.consultant@example.com"), offers_free_consultation=True
    )
    realistic_content.add_articles(6)
    give_availability([SpecialistPage.objects.get(pk=page.pk)], held_per_page=2)
    small = measure_page_queries(page.url, CONSULTING_PAGE_BUDGET)
    assert "Next open time for the free consultation" in client.get(page.url).content.decode()
    from specialists.models import ConsultationRequest

    ConsultationRequest.objects.filter(specialist=page).delete()
    give_availability([], held_per_page=0)
    from datetime import timedelta

    soon = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=4)
    ConsultationRequest.objects.bulk_create(
        ConsultationRequest(
            specialist_id=page.pk, slot_start=soon + timedelta(hours=n), requested_start=soon, format="online"
        )
        for n in range(20)
    )
    large = measure_page_queries(page.url, CONSULTING_PAGE_BUDGET)
    assert small == large
