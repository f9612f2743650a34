"""Free consultations in a real browser: a member abroad books a slot (the
page detects their time zone), the specialist accepts it on their dashboard,
the member sees the confirmed time in their own zone. The pages are axe-clean
and do not scroll sideways at 320 px."""

from datetime import time
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.factories import UserFactory
from specialists.consultation_selectors import page_open_slots
from specialists.consultation_services import availability_update
from specialists.factories import SpecialistPageFactory
from specialists.models import ConsultationRequest
from specialists.slots import Window

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def people(live_site, specialist_index):
    specialist = UserFactory(email="ada.consult@example.com", display_name="Ada")
    specialist.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Ada Moss",
        slug="ada-moss",
        professional_title="Family psychologist",
        offers_free_consultation=True,
        offers_in_person=True,
        location="Leeds",
        user=specialist,
    )
    availability_update(
        page=page,
        by=specialist,
        time_zone="Europe/London",
        notice_hours=24,
        horizon_days=21,
        windows=[Window(day, time(9), time(12)) for day in range(7)],
        dates_off=[],
    )
    member = UserFactory(email="robin.consult@example.com", display_name="Robin")
    return member, specialist, page


def new_page(browser, live_server, log_in, user, **options):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", **options)
    context.set_default_timeout(10_000)
    log_in(context, user)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    return page


def test_member_books_the_specialist_accepts_the_member_sees_the_confirmed_time(browser, live_server, people, log_in):
    member, specialist, landing = people
    first = page_open_slots(landing, limit=1)[0]
    robin = new_page(browser, live_server, log_in, member, timezone_id="America/New_York")
    robin.goto(landing.url)
    robin.get_by_role("region", name="Contact Dr Ada Moss").get_by_role(
        "link", name="Request a free consultation"
    ).click()
    # The script found the browser's zone and asked for the times in it.
    expect(robin.get_by_text("Times are shown in New York time.")).to_be_visible()
    assert "tz=America%2FNew_York" in robin.url or "tz=America/New_York" in robin.url
    assert_no_axe_violations(robin)
    local = first.astimezone(NEW_YORK)
    day = robin.get_by_role("group", name=local.strftime("%A %-d %B"))
    day.get_by_label(local.strftime("%H:%M")).check()
    robin.get_by_label("Online").check()
    robin.get_by_label("A short note for the specialist (optional)").fill("We argue about chores.")
    robin.get_by_role("button", name="Request this time").click()
    expect(robin.get_by_text("Your request has been sent. The time is held for you.")).to_be_visible()
    expect(robin.locator("[data-consultation-time]")).to_contain_text(local.strftime("%H:%M"))
    expect(robin.get_by_text("Specialists usually reply within 48 hours.")).to_be_visible()
    assert_no_axe_violations(robin)
    request = ConsultationRequest.objects.get()
    assert request.slot_start == first and request.member_time_zone == "America/New_York"

    ada = new_page(browser, live_server, log_in, specialist)
    directory = landing.get_parent().specific
    ada.goto(directory.url + directory.reverse_subpage("requests"))
    expect(ada.get_by_role("heading", name="Waiting for you")).to_be_visible()
    assert_no_axe_violations(ada)
    ada.locator("[data-request]").first.get_by_role("button", name="Accept").click()
    expect(ada.get_by_text("Accepted. You and the member have been sent the calendar invitation.")).to_be_visible()

    robin.reload()
    expect(robin.locator("[data-consultation-status]")).to_have_text("Confirmed")
    expect(robin.locator("[data-consultation-time]")).to_contain_text(local.strftime("%A %-d %B %Y, %H:%M"))
    ada.goto(directory.url + directory.reverse_subpage("availability"))
    assert_no_axe_violations(ada)
    assert robin.js_errors == [] and ada.js_errors == []


def test_booking_and_dashboard_pages_fit_320px(browser, live_server, people, log_in, tmp_path):
    """No sideways scrolling at 320 px (screenshots kept in the test's temporary folder)."""
    member, specialist, landing = people
    directory = landing.get_parent().specific
    narrow = new_page(browser, live_server, log_in, member, viewport={"width": 320, "height": 740})
    narrow.goto(landing.url + landing.reverse_subpage("consultation") + "?tz=Europe/London")
    expect(narrow.get_by_role("button", name="Request this time")).to_be_visible()
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320
    narrow.screenshot(path=str(tmp_path / "booking-320.png"), full_page=True)
    log_in(narrow.context, specialist)
    for route in ("availability", "requests"):
        narrow.goto(directory.url + directory.reverse_subpage(route))
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 320, route
        narrow.screenshot(path=str(tmp_path / f"{route}-320.png"), full_page=True)
    assert narrow.js_errors == []
