"""Messages in a real browser: a member writes to a specialist from their
landing page and sees "Your message has been sent" without a reload; the
specialist replies; the member reads it. And production's path for the
e-mail: the database queue and `manage.py db_worker`."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.factories import UserFactory
from messaging import services
from messaging.models import Conversation
from specialists.factories import SpecialistPageFactory

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(live_site, specialist_index):
    specialist = UserFactory(email="ada@example.com", display_name="Ada")
    specialist.groups.add(Group.objects.get(name="Specialists"))
    page = SpecialistPageFactory(
        parent=specialist_index, title="Dr Ada Moss", slug="ada-moss", professional_title="Family psychologist"
    )
    type(page).objects.filter(pk=page.pk).update(user=specialist)
    member = UserFactory(email="robin@example.com", display_name="Robin")
    page.refresh_from_db()
    return member, specialist, page


def test_member_messages_a_specialist_who_replies(browser, live_server, people, log_in):
    member, specialist, landing = people

    def new_page(user):
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(10_000)
        log_in(context, user)
        return context.new_page()

    robin = new_page(member)
    robin.goto(landing.url)
    robin.get_by_role("region", name="Contact Dr Ada Moss").get_by_role("link", name="Send a message").click()
    robin.get_by_label("Your message").fill("Hello, could we talk about my son's sleep?")
    robin.get_by_role("button", name="Send").click()
    expect(robin.get_by_text("Your message has been sent.")).to_be_visible()
    conversation = Conversation.objects.get()

    # A second message from the conversation page: sent by the script, no reload.
    robin.evaluate("window.__sameDocument = true")
    robin.get_by_label("Your message").fill("We are free on **Tuesday** evenings.")
    robin.get_by_role("button", name="Send").click()
    expect(robin.locator("[data-messaging-status]")).to_have_text("Your message has been sent.", timeout=15_000)
    expect(robin.locator("[data-message-thread] strong", has_text="Tuesday")).to_be_visible()
    assert robin.evaluate("window.__sameDocument") is True
    expect(robin.get_by_label("Your message")).to_have_value("")
    assert conversation.messages.count() == 2

    # The specialist sees the unread count in the header, opens it and replies.
    ada = new_page(specialist)
    ada.goto("/")
    header_link = ada.locator("[data-header-link='messages']")
    expect(header_link).to_contain_text("2")
    header_link.click()
    ada.get_by_role("link", name="Robin").click()
    expect(ada.get_by_text("We are free on")).to_be_visible()
    assert_no_axe_violations(ada)
    ada.get_by_label("Your message").fill("Tuesday at 7 works for me.")
    ada.get_by_role("button", name="Send").click()
    expect(ada.locator("[data-messaging-status]")).to_have_text("Your message has been sent.", timeout=15_000)

    # The member reads the reply.
    robin.goto("/messages/")
    expect(robin.locator("[data-header-link='messages']")).to_contain_text("1")
    robin.get_by_role("link", name="Dr Ada Moss").click()
    expect(robin.get_by_text("Tuesday at 7 works for me.")).to_be_visible()
    robin.goto("/")
    expect(robin.locator("[data-header-link='messages'] .count-badge")).to_have_count(0)


def test_reply_form_works_without_javascript(browser, live_server, people, log_in):
    member, specialist, landing = people
    conversation, _ = services.conversation_start(member=member, page=landing, body="Hello")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    log_in(context, specialist)
    page = context.new_page()
    page.goto(conversation.get_absolute_url())
    page.get_by_label("Your message").fill("A reply with the script off")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Your message has been sent.")).to_be_visible()
    expect(page.get_by_text("A reply with the script off")).to_be_visible()
    assert conversation.messages.count() == 2


def test_database_worker_sends_the_queued_message_email(live_site, settings, people):
    """Production's path: the e-mail task waits in the database queue until
    `manage.py db_worker` runs it (committed rows: a transactional test)."""
    from django_tasks_db.models import DBTaskResult

    member, specialist, landing = people
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    conversation, _ = services.conversation_start(member=member, page=landing, body="A private worry")
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "messaging.tasks.send_new_message_email"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    [message] = mail.outbox
    assert message.to == [specialist.email]
    assert conversation.get_absolute_url() in message.body and "worry" not in message.body
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
