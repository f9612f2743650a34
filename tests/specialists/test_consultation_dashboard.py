"""The specialist's side (/specialists/me/requests/): pending, upcoming and
past; accept, decline with a message, propose another slot (the member
accepts or declines it), cancel, mark done or missed after the time; double
submits harmless; the member's cancel; query budgets."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from specialists import consultation_services as services
from specialists.consultation_forms import slot_value
from specialists.models import ConsultationRequest

pytestmark = pytest.mark.django_db
Status = ConsultationRequest.Status


def dashboard(page):
    directory = page.get_parent().specific
    return directory.url + directory.reverse_subpage("requests")


def action(page, request, name):
    directory = page.get_parent().specific
    return directory.url + directory.reverse_subpage("request_action", args=[request.pk, name])


@pytest.fixture
def pending(a_member, a_consultant, book):
    return book(a_member, a_consultant, member_time_zone="America/New_York")


def test_the_dashboard_lists_pending_upcoming_and_past(client, a_consultant, book, open_slots):
    first, second, third = open_slots(a_consultant, limit=3)
    waiting = book(UserFactory(email="w@example.com", display_name="Wren"), a_consultant, slot=first)
    coming = book(UserFactory(email="c@example.com", display_name="Cato"), a_consultant, slot=second)
    services.consultation_accept(request=coming, by=a_consultant.user)
    over = book(UserFactory(email="o@example.com", display_name="Orla"), a_consultant, slot=third)
    services.consultation_accept(request=over, by=a_consultant.user)
    ConsultationRequest.objects.filter(pk=over.pk).update(slot_start=timezone.now() - timedelta(hours=2))
    client.force_login(a_consultant.user)
    html = client.get(dashboard(a_consultant)).content.decode()
    pending_part = html.split('id="upcoming-heading"')[0]
    upcoming_part = html.split('id="upcoming-heading"')[1].split('id="past-heading"')[0]
    past_part = html.split('id="past-heading"')[1]
    assert "Wren" in pending_part and "Cato" in upcoming_part and "Orla" in past_part
    assert action(a_consultant, waiting, "accept") in pending_part
    assert action(a_consultant, over, "done") in past_part and action(a_consultant, over, "missed") in past_part
    assert "Times are shown in your time zone, London time." in html
    # What waits is the specialist's to answer: told to them as such, not as the member reads it.
    assert "Waiting for your answer" in pending_part and "Waiting for the specialist" not in html
    # Another time to propose names its day, also once chosen and the list closed.
    later = open_slots(a_consultant, limit=1)[0].astimezone(ZoneInfo("Europe/London"))
    assert f">{later:%A} {later.day} {later:%B %Y}, {later:%H:%M}</option>" in pending_part


def test_accepting_confirms_and_a_double_submit_changes_nothing(
    client, a_consultant, pending, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.force_login(a_consultant.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action(a_consultant, pending, "accept"))
    assert response.status_code == 302 and response["Location"] == dashboard(a_consultant)
    pending.refresh_from_db()
    assert pending.status == Status.ACCEPTED and pending.responded_at is not None
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(action(a_consultant, pending, "accept"), follow=True)
    assert len(mail.outbox) == sent
    assert "Accepted" in again.content.decode()


def test_declining_with_a_message_frees_the_slot_and_shows_the_member_the_message(
    client, a_member, a_consultant, pending, open_slots, specialist_index
):
    from specialists.factories import SpecialistPageFactory

    SpecialistPageFactory(parent=specialist_index, title="Dr Other Offer", offers_free_consultation=True)
    client.force_login(a_consultant.user)
    client.post(action(a_consultant, pending, "decline"), {f"d-{pending.pk}-message": "I am away that week, sorry."})
    pending.refresh_from_db()
    assert pending.status == Status.DECLINED and pending.ended_by == "specialist"
    assert pending.slot_start in open_slots(a_consultant)
    client.force_login(a_member)
    html = client.get(reverse("consultations:detail", args=[pending.pk])).content.decode()
    assert "I am away that week, sorry." in html and "Other specialists offering a free consultation" in html
    assert "Dr Other Offer" in html


def test_a_decline_message_too_long_is_told_next_to_the_field(client, a_consultant, pending):
    client.force_login(a_consultant.user)
    response = client.post(action(a_consultant, pending, "decline"), {f"d-{pending.pk}-message": "x" * 501})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please keep it to 500 characters (it has 501)." in html and f'id="id_d-{pending.pk}-message_error"' in html
    pending.refresh_from_db()
    assert pending.status == Status.REQUESTED


def test_proposing_another_slot_moves_the_hold_and_the_member_accepts_it(
    client, a_member, a_consultant, pending, open_slots
):
    other = [s for s in open_slots(a_consultant, limit=5) if s != pending.slot_start][2]
    client.force_login(a_consultant.user)
    client.post(action(a_consultant, pending, "propose"), {f"p-{pending.pk}-slot": slot_value(other)})
    pending.refresh_from_db()
    assert pending.status == Status.PROPOSED and pending.slot_start == other
    assert pending.requested_start in open_slots(a_consultant) and other not in open_slots(a_consultant)
    client.force_login(a_member)
    page = client.get(reverse("consultations:detail", args=[pending.pk])).content.decode()
    assert "proposes the time above instead" in page
    client.post(reverse("consultations:action", args=[pending.pk, "accept"]))
    pending.refresh_from_db()
    assert pending.status == Status.ACCEPTED


def test_the_member_can_decline_a_proposed_time(client, a_member, a_consultant, pending, open_slots):
    other = [s for s in open_slots(a_consultant, limit=5) if s != pending.slot_start][0]
    services.consultation_propose(request=pending, by=a_consultant.user, slot_start=other)
    client.force_login(a_member)
    client.post(reverse("consultations:action", args=[pending.pk, "decline"]))
    pending.refresh_from_db()
    assert pending.status == Status.DECLINED and pending.ended_by == "member"
    assert other in open_slots(a_consultant)


def test_a_slot_that_is_not_open_cannot_be_proposed(client, a_consultant, pending, book, open_slots):
    taken = book(UserFactory(email="t@example.com"), a_consultant, slot=open_slots(a_consultant, limit=1)[0])
    client.force_login(a_consultant.user)
    response = client.post(
        action(a_consultant, pending, "propose"), {f"p-{pending.pk}-slot": slot_value(taken.slot_start)}
    )
    assert response.status_code == 400
    assert "This time is not open any more. Please choose another." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.REQUESTED


def test_either_side_cancels_and_the_slot_is_free(client, a_member, a_consultant, book, open_slots):
    first, second = open_slots(a_consultant, limit=2)
    mine = book(a_member, a_consultant, slot=first)
    services.consultation_accept(request=mine, by=a_consultant.user)
    client.force_login(a_member)
    client.post(reverse("consultations:action", args=[mine.pk, "cancel"]))
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED and mine.ended_by == "member" and first in open_slots(a_consultant)
    theirs = book(UserFactory(email="x@example.com"), a_consultant, slot=second)
    client.force_login(a_consultant.user)
    client.post(action(a_consultant, theirs, "cancel"))
    theirs.refresh_from_db()
    assert theirs.status == Status.CANCELLED and theirs.ended_by == "specialist"


def test_done_or_missed_only_after_the_time(client, a_consultant, pending):
    services.consultation_accept(request=pending, by=a_consultant.user)
    client.force_login(a_consultant.user)
    response = client.post(action(a_consultant, pending, "done"), follow=True)
    assert "You can mark the consultation once its time has come." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.ACCEPTED
    ConsultationRequest.objects.filter(pk=pending.pk).update(slot_start=timezone.now() - timedelta(hours=1))
    client.post(action(a_consultant, pending, "missed"))
    pending.refresh_from_db()
    assert pending.status == Status.MISSED


def test_an_unknown_action_is_not_found(client, a_consultant, pending):
    client.force_login(a_consultant.user)
    assert client.post(action(a_consultant, pending, "delete")).status_code == 404
    assert client.post(reverse("consultations:action", args=[pending.pk, "delete"])).status_code == 404


def test_a_request_that_changed_meanwhile_is_told(client, a_member, a_consultant, pending):
    services.consultation_cancel(request=pending, by=a_member)
    client.force_login(a_consultant.user)
    response = client.post(action(a_consultant, pending, "accept"), follow=True)
    assert "This request has changed in the meantime" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.CANCELLED


def _requests(page, count, book, open_slots):
    slots = open_slots(page)
    made = []
    for n in range(count):
        member = UserFactory(email=f"budget{len(made)}-{n}-{page.pk}-{timezone.now().timestamp()}@example.com")
        made.append(book(member, page, slot=slots[n * 2 + 1], note="A short note."))
    return made


def test_dashboard_queries_do_not_grow_with_requests(client, a_consultant, book, open_slots, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(a_consultant.user)
    _requests(a_consultant, 2, book, open_slots)
    client.get(dashboard(a_consultant))  # warm the session and site caches
    with CaptureQueriesContext(connection) as few:
        client.get(dashboard(a_consultant))
    made = _requests(a_consultant, 10, book, open_slots)
    for request in made[:4]:
        services.consultation_accept(request=request, by=a_consultant.user)
    with CaptureQueriesContext(connection) as many:
        response = client.get(dashboard(a_consultant))
    assert response.content.decode().count("data-request") == 12
    assert len(many) == len(few) <= 25, [q["sql"] for q in many.captured_queries]


def test_booking_page_queries_do_not_grow_with_held_slots(client, a_member, a_consultant, book, open_slots):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = a_consultant.url + a_consultant.reverse_subpage("consultation")
    client.force_login(a_member)
    _requests(a_consultant, 1, book, open_slots)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _requests(a_consultant, 10, book, open_slots)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few) <= 25, [q["sql"] for q in many.captured_queries]


def test_cancelling_asks_first_on_both_sides(client, a_member, a_consultant, book, open_slots):
    """The cancel button opens a confirmation (a page: no JavaScript needed);
    nothing changes until its form is posted, which then redirects (PRG)."""
    first, second = open_slots(a_consultant, limit=2)
    mine = book(a_member, a_consultant, slot=first, member_time_zone="America/New_York")
    services.consultation_accept(request=mine, by=a_consultant.user)
    client.force_login(a_member)
    detail = client.get(reverse("consultations:detail", args=[mine.pk])).content.decode()
    confirm_url = reverse("consultations:action", args=[mine.pk, "cancel"])
    assert f'href="{confirm_url}"' in detail and f'action="{confirm_url}"' not in detail
    page = client.get(confirm_url).content.decode()
    assert "Cancel the consultation?" in page and "(New York time)" in page
    assert f'<form method="post" action="{confirm_url}"' in page and "No, keep it" in page
    mine.refresh_from_db()
    assert mine.status == Status.ACCEPTED
    response = client.post(confirm_url)
    assert response.status_code == 302 and response["Location"] == reverse("consultations:detail", args=[mine.pk])
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED
    # Once cancelled, the confirmation is not offered again.
    assert client.get(confirm_url)["Location"] == reverse("consultations:detail", args=[mine.pk])

    theirs = book(UserFactory(email="y@example.com", display_name="Yara"), a_consultant, slot=second)
    services.consultation_accept(request=theirs, by=a_consultant.user)
    client.force_login(a_consultant.user)
    cancel = action(a_consultant, theirs, "cancel")
    assert f'href="{cancel}"' in client.get(dashboard(a_consultant)).content.decode()
    page = client.get(cancel).content.decode()
    assert "Cancel the consultation?" in page and "Yara" in page and "(London time)" in page
    theirs.refresh_from_db()
    assert theirs.status == Status.ACCEPTED
    response = client.post(cancel)
    assert response.status_code == 302 and response["Location"] == dashboard(a_consultant)
    theirs.refresh_from_db()
    assert theirs.status == Status.CANCELLED


def test_called_off_requests_for_dates_ahead_are_not_past(client, a_consultant, book, open_slots):
    """Past means the date has gone: a declined or cancelled request for a
    date still ahead has its own heading."""
    first, second = open_slots(a_consultant, limit=2)
    declined = book(UserFactory(email="d@example.com", display_name="Dara"), a_consultant, slot=first)
    services.consultation_decline(request=declined, by=a_consultant.user, message="")
    gone = book(UserFactory(email="g@example.com", display_name="Gale"), a_consultant, slot=second)
    services.consultation_decline(request=gone, by=a_consultant.user, message="")
    ConsultationRequest.objects.filter(pk=gone.pk).update(slot_start=timezone.now() - timedelta(days=1))
    client.force_login(a_consultant.user)
    html = client.get(dashboard(a_consultant)).content.decode()
    called_off = html.split('id="called-off-heading"')[1].split('id="past-heading"')[0]
    past = html.split('id="past-heading"')[1]
    assert "Not going ahead" in html
    assert "Dara" in called_off and "Declined" in called_off and "Dara" not in past
    assert "Gale" in past and "Gale" not in called_off
