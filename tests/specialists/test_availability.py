"""The specialist's availability (/specialists/me/availability/): weekly
windows in their zone, dates off, notice and horizon; messages next to the
fields for bad input, nothing half-saved; only for specialists who offer the
free consultation."""

from datetime import date, time, timedelta

import pytest
from bs4 import BeautifulSoup

from specialists.models import Availability, SpecialistPage

pytestmark = pytest.mark.django_db


def url(page):
    directory = page.get_parent().specific
    return directory.url + directory.reverse_subpage("availability")


def form_data(windows=(), dates=(), **settings):
    data = {
        "time_zone": "Europe/Lisbon",
        "notice_hours": "12",
        "horizon_days": "14",
        "windows-TOTAL_FORMS": str(len(windows) + 1),
        "windows-INITIAL_FORMS": "0",
        "off-TOTAL_FORMS": str(len(dates) + 1),
        "off-INITIAL_FORMS": "0",
        **settings,
    }
    for n, (weekday, start, end) in enumerate(windows):
        data.update({f"windows-{n}-weekday": str(weekday), f"windows-{n}-start": start, f"windows-{n}-end": end})
    for n, day in enumerate(dates):
        data[f"off-{n}-date"] = day
    return data


def as_a_browser_sends_it(html):
    """The availability form's data as a browser posts it: every select's
    selected option (or its first), every text and date field, ticked boxes only."""
    form = BeautifulSoup(html, "html.parser").find("button", string="Save your availability").find_parent("form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button") or name == "csrfmiddlewaretoken":
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", chosen.get_text())
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def test_the_form_as_the_browser_sends_it_saves_and_its_empty_rows_are_left_out(client, a_consultant):
    """A browser sends the times of the empty rows too: they must not stop the save."""
    client.force_login(a_consultant.user)
    before = list(a_consultant.availability.windows.values_list("weekday", "start", "end"))
    data = as_a_browser_sends_it(client.get(url(a_consultant)).content.decode())
    assert data["windows-TOTAL_FORMS"] == str(len(before) + 2)  # two empty rows
    response = client.post(url(a_consultant), data)
    assert response.status_code == 302
    assert list(a_consultant.availability.windows.values_list("weekday", "start", "end")) == before
    # A day without its times is told next to the field, not saved as midnight.
    empty = len(before)
    data[f"windows-{empty}-weekday"] = "5"
    response = client.post(url(a_consultant), data)
    assert response.status_code == 400
    assert f'id="id_windows-{empty}-start_error"' in response.content.decode()
    data.update({f"windows-{empty}-start": "18:00", f"windows-{empty}-end": "19:30"})
    assert client.post(url(a_consultant), data).status_code == 302
    assert (5, time(18), time(19, 30)) in a_consultant.availability.windows.values_list("weekday", "start", "end")


def test_the_specialist_saves_windows_dates_off_notice_and_horizon(client, a_consultant):
    client.force_login(a_consultant.user)
    off = (date.today() + timedelta(days=5)).isoformat()
    response = client.post(url(a_consultant), form_data([(0, "09:00", "12:00"), (2, "14:00", "18:30")], [off]))
    assert response.status_code == 302
    availability = Availability.objects.get(specialist=a_consultant)
    assert (availability.time_zone, availability.notice_hours, availability.horizon_days) == ("Europe/Lisbon", 12, 14)
    assert [(w.weekday, w.start, w.end) for w in availability.windows.all()] == [
        (0, time(9), time(12)),
        (2, time(14), time(18, 30)),
    ]
    assert [d.date.isoformat() for d in availability.dates_off.all()] == [off]
    page = client.get(url(a_consultant)).content.decode()
    assert "Your availability has been saved." in page and 'value="Europe/Lisbon" selected' in page


def test_an_end_before_the_start_is_told_next_to_the_field_and_nothing_changes(client, a_consultant):
    client.force_login(a_consultant.user)
    before = list(a_consultant.availability.windows.values_list("weekday", "start", "end"))
    response = client.post(url(a_consultant), form_data([(0, "12:00", "09:00")]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end must be after the start." in html
    assert 'id="id_windows-0-end_error"' in html and 'aria-invalid="true"' in html
    assert list(a_consultant.availability.windows.values_list("weekday", "start", "end")) == before
    assert Availability.objects.get(specialist=a_consultant).time_zone == "Europe/London"


def test_overlapping_windows_are_told_on_the_later_one(client, a_consultant):
    client.force_login(a_consultant.user)
    response = client.post(url(a_consultant), form_data([(1, "09:00", "12:00"), (1, "11:30", "13:00")]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This overlaps Tuesday 09:00-12:00." in html and 'id="id_windows-1-start_error"' in html


def test_bad_notice_and_zone_are_told(client, a_consultant):
    client.force_login(a_consultant.user)
    response = client.post(url(a_consultant), form_data(time_zone="Mars/Olympus", notice_hours="-1", horizon_days="0"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice." in html
    assert "Ensure this value is greater than or equal to 0." in html
    assert "Ensure this value is greater than or equal to 1." in html


def test_specialists_who_do_not_offer_it_are_told_how_to_turn_it_on(client, a_consultant):
    SpecialistPage.objects.filter(pk=a_consultant.pk).update(offers_free_consultation=False)
    client.force_login(a_consultant.user)
    response = client.get(url(a_consultant))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your profile does not offer the free 30-minute consultation" in html
    assert "I offer a free 30-minute initial consultation" in html and 'class="availability__form"' not in html


def test_members_without_a_profile_get_not_found(client, a_member, a_consultant):
    client.force_login(a_member)
    assert client.get(url(a_consultant)).status_code == 404
    assert client.post(url(a_consultant), form_data([(0, "09:00", "10:00")])).status_code == 404
    assert a_consultant.availability.time_zone == "Europe/London"
