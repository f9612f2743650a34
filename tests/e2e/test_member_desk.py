"""In a real browser: the header's account menu opens with the keyboard and
leads to the member's pages; a held comment shows to its author in place;
in the admin, choosing a saved reply fills the reason."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from playwright.sync_api import expect

from accounts.factories import UserFactory, give_totp
from qa.models import Question, SavedReply
from tests.two_factor import log_in_with_two_factor

from .test_accessibility import assert_no_axe_violations

pytestmark = pytest.mark.e2e


def test_account_menu_opens_from_the_keyboard_and_leads_to_my_questions(page, context, content, log_in):
    member = UserFactory(email="kit@example.com", display_name="Kit")
    Question.objects.create(
        author=member,
        title="A question still waiting for a moderator",
        body="Waiting for a person to read it before it is published.",
        topic=content.article.topics.first(),
        status=Question.Status.PENDING,
    )
    log_in(context, member)
    page.goto("/")
    banner = page.get_by_role("banner")
    expect(banner.get_by_role("link", name="Kit")).to_have_attribute("href", "/accounts/")
    menu = banner.get_by_role("link", name="My questions")
    expect(menu).to_be_hidden()
    toggle = banner.locator("summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    expect(banner.get_by_role("link", name="My comments")).to_be_visible()
    assert_no_axe_violations(page)
    menu.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/questions/mine/$"))
    expect(page.get_by_role("main")).to_contain_text("A question still waiting for a moderator")
    expect(page.get_by_role("main")).to_contain_text("Waiting for a moderator")


def test_a_held_comment_shows_to_its_author_in_place(page, context, content, log_in):
    member = UserFactory(email="kit@example.com", display_name="Kit")
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(content.article),
        object_pk=str(content.article.pk),
        site_id=1,
        user=member,
        user_name="Kit",
        comment="My words, waiting for a moderator.",
        submit_date=timezone.now(),
        is_public=False,
    )
    log_in(context, member)
    page.goto(content.article.url)
    held = page.locator(".comment--waiting")
    expect(held).to_contain_text("Waiting for a moderator")
    expect(held).to_contain_text("My words, waiting for a moderator.")
    expect(held.get_by_role("link", name="Edit your comment")).to_be_visible()
    assert_no_axe_violations(page)


def test_choosing_a_saved_reply_fills_the_reason(page, context, content, live_server):
    moderator = UserFactory(email="mod@example.com", display_name="Morgan", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    give_totp(moderator, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    asker = UserFactory(email="asker@example.com", display_name="Robin")
    question = Question.objects.create(
        author=asker,
        title="A question that names a colleague",
        body="My colleague at the bakery keeps saying things that upset me.",
        topic=content.article.topics.first(),
        status=Question.Status.PENDING,
    )
    reply = SavedReply.objects.get(title="Identifying details")
    # Staff need both factors in this session: log in through allauth's forms
    # with Django's test client, then hand the session to the browser.
    client = log_in_with_two_factor(Client(), moderator)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(f"/admin/qa_questions/moderate/{question.pk}/reject/")
    reason = page.get_by_label("Reason (sent to the author)")
    expect(reason).to_have_value("")
    page.get_by_label("Start from a saved reply").select_option(label="Identifying details")
    expect(reason).to_have_value(reply.text)
    options = page.get_by_label("Start from a saved reply").locator("option").all_inner_texts()
    assert "Published after review" not in options
    assert len(options) == len(set(options))
    reason.fill(reply.text + " Thank you.")
    page.get_by_role("button", name="Reject").click()
    expect(page).to_have_url(re.compile(r"/admin/qa_questions/$"))
    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED
    assert question.moderation_reason.endswith("Thank you.")
