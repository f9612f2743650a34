"""Reported messages in the moderators' queue: moderators read the reported
message and nothing else of the conversation, every read is logged, and the
dashboard counts what waits."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import ModelLogEntry

from messaging import services
from tests.two_factor import log_in_with_two_factor

from .conftest import send

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_report(a_conversation, a_member, a_specialist):
    send(a_conversation, a_specialist, body="An earlier, private reply")
    rude = send(a_conversation, a_specialist, body="The reported words")
    report, _ = services.message_report(message=rude, by=a_member, reason="abuse", note="Please look")
    return report


def test_moderator_reads_only_the_reported_message_and_it_is_logged(client, a_report, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    html = client.get(f"/admin/message_reports/inspect/{a_report.pk}/").content.decode()
    assert "The reported words" in html
    assert "An earlier, private reply" not in html
    assert "Hello, could we talk" not in html
    client.get(f"/admin/message_reports/inspect/{a_report.pk}/")
    reads = ModelLogEntry.objects.filter(action="messaging.staff_read", object_id=str(a_report.pk))
    assert reads.count() == 2 and {entry.user_id for entry in reads} == {a_moderator.pk}


def test_the_queue_lists_reports_without_the_text(client, a_report, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    html = client.get("/admin/message_reports/").content.decode()
    assert "Abusive or harassing" in html
    assert "The reported words" not in html
    assert not ModelLogEntry.objects.filter(action="messaging.staff_read").exists()
    # Each row opens its report, where the moderator reads the message and handles it.
    row = BeautifulSoup(html, "html.parser").find("a", string=lambda text: text and "Abusive or harassing" in text)
    assert row is not None and row["href"] == f"/admin/message_reports/inspect/{a_report.pk}/"
    report_page = client.get(row["href"]).content.decode()
    assert f'href="/admin/message_reports/edit/{a_report.pk}/"' in report_page


def test_dashboard_counts_open_reports(client, a_report, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    html = client.get("/admin/").content.decode()
    assert "Reported messages (1)" in html


def test_handling_a_report_records_who_and_what(client, a_report, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    response = client.post(f"/admin/message_reports/edit/{a_report.pk}/", {"resolution": "Warned the sender"})
    assert response.status_code == 302
    a_report.refresh_from_db()
    assert a_report.status == "resolved" and a_report.resolved_by == a_moderator
    assert a_report.resolution == "Warned the sender"
    html = client.get("/admin/").content.decode()
    assert "Reported messages (1)" not in html


def test_moderators_cannot_add_or_delete_reports(client, a_report, a_moderator):
    log_in_with_two_factor(client, a_moderator)
    assert client.get("/admin/message_reports/new/").status_code in (302, 403)
    assert client.post(f"/admin/message_reports/delete/{a_report.pk}/").status_code in (302, 403, 404)
    a_report.refresh_from_db()  # still there


def test_editors_see_no_reports(client, a_report, an_editor):
    log_in_with_two_factor(client, an_editor)
    assert client.get(f"/admin/message_reports/inspect/{a_report.pk}/").status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="messaging.staff_read").exists()
