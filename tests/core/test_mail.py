"""core.mail is the one way the site sends e-mail: every e-mail has a plain
and an HTML body, kinds tied to a preference honour it and carry a signed
one-click unsubscribe for that kind, and nothing else in the code sends mail."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from accounts.factories import UserFactory
from articles import services as comment_services
from core import mail as site_mail
from tests.articles.test_comments import make_comment

pytestmark = pytest.mark.django_db

SENDING = re.compile(r"\b(EmailMessage|EmailMultiAlternatives|send_mail|send_mass_mail|mail_admins|mail_managers)\b")
# allauth's adapter has a hook of the same name (accounts/adapters.py overrides
# it to name the configured site): overriding and calling up to that hook is
# not sending with Django's functions.
ALLAUTH_HOOK = re.compile(r"def send_mail\(self, template_prefix|super\(\)\.send_mail\(template_prefix")


def test_no_module_but_core_mail_sends_email():
    root = Path(settings.BASE_DIR)
    offenders = []
    for path in root.glob("*/**/*.py"):
        relative = path.relative_to(root)
        if relative.parts[0] in {".venv", "tests", "node_modules"} or relative == Path("core/mail.py"):
            continue
        if SENDING.search(ALLAUTH_HOOK.sub("", path.read_text())):
            offenders.append(str(relative))
    assert offenders == []


def test_every_preference_on_the_account_page_is_an_email_kind():
    from accounts.forms import ProfileForm

    preferences = {name for name in ProfileForm._meta.fields if name.startswith("notify_")}
    kinds = {kind.preference for kind in site_mail.email_kinds().values() if kind.preference}
    assert preferences == kinds


def test_unknown_kind_fails_loudly(a_member):
    with pytest.raises(ValueError, match="Unknown e-mail kind"):
        site_mail.deliver(kind="newsletter", user=a_member, subject="Hi", text="Hello")


def test_a_kind_with_a_preference_carries_its_unsubscribe(a_member):
    assert site_mail.deliver(kind="answers", user=a_member, subject="A subject", text="Hello\n\nhttp://x.test/a")
    [message] = mail.outbox
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<a href="http://x.test/a"' in html and link.replace("&", "&amp;") in html


def test_a_kind_without_a_preference_always_goes_without_unsubscribe(a_member):
    a_member.notify_answers = a_member.notify_messages = False
    assert site_mail.deliver(kind="moderation", user=a_member, subject="Decision", text="Hello")
    [message] = mail.outbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert "unsubscribe" not in message.body


def test_preference_off_sends_nothing(a_member):
    a_member.notify_answers = False
    assert site_mail.deliver(kind="answers", user=a_member, subject="A subject", text="Hello") is False
    assert mail.outbox == []


def test_inactive_accounts_get_nothing(a_member):
    a_member.is_active = False
    assert site_mail.deliver(kind="moderation", user=a_member, subject="A subject", text="Hello") is False


def test_text_in_the_html_body_is_escaped(a_member):
    site_mail.deliver(kind="moderation", user=a_member, subject="S", text='A <b>"title"</b> & more')
    html = mail.outbox[0].alternatives[0][0]
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_deliver_after_commit_goes_through_the_task_interface(a_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        site_mail.deliver_after_commit(
            kind="verification",
            user_id=a_member.pk,
            template="articles/email/comment_reply",
            context={"article_title": "T", "url": "http://testserver/a/"},
        )
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


# Comment replies -------------------------------------------------------------------


@pytest.fixture
def a_thread(an_article, another_member):
    """A published comment by another member, and a member whose comments publish at once."""
    parent = make_comment(an_article, another_member, "Naming the feeling made it smaller for me.")
    replier = UserFactory(email="replier@example.com", display_name="Jordan")
    make_comment(an_article, replier, "An earlier comment, approved.")
    return parent, replier


def test_a_reply_emails_the_comments_author(an_article, another_member, a_thread, django_capture_on_commit_callbacks):
    parent, replier = a_thread
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_services.comment_post(
            article=an_article, user=replier, text="Same for me, thank you.", parent=parent
        )
    [message] = mail.outbox
    assert message.to == [another_member.email]
    assert message.subject == "Someone replied to your comment"
    assert f"http://testserver{an_article.url}#c{reply.pk}" in message.body
    assert "Same for me" not in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_no_reply_email_when_the_preference_is_off(
    an_article, another_member, a_thread, django_capture_on_commit_callbacks
):
    parent, replier = a_thread
    another_member.notify_comment_replies = False
    another_member.save()
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_post(article=an_article, user=replier, text="Same for me.", parent=parent)
    assert mail.outbox == []


def test_replying_to_ones_own_comment_sends_nothing(
    an_article, another_member, a_thread, django_capture_on_commit_callbacks
):
    parent, _replier = a_thread
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_post(article=an_article, user=another_member, text="Adding to this.", parent=parent)
    assert mail.outbox == []


def test_a_held_reply_emails_once_a_moderator_publishes_it(
    an_article, another_member, a_superuser, django_capture_on_commit_callbacks
):
    parent = make_comment(an_article, another_member, "Naming the feeling made it smaller for me.")
    newcomer = UserFactory(email="newcomer@example.com", display_name="Kit")
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_services.comment_post(article=an_article, user=newcomer, text="Thank you.", parent=parent)
    assert not reply.is_public and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_approve(comment=reply, by=a_superuser)
    assert [m.to for m in mail.outbox] == [[another_member.email]]


def test_reply_unsubscribe_turns_off_comment_replies_only(
    client, an_article, another_member, a_thread, django_capture_on_commit_callbacks
):
    parent, replier = a_thread
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_post(article=an_article, user=replier, text="Same for me.", parent=parent)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    assert client.post(link, {"List-Unsubscribe": "One-Click"}).status_code == 200
    another_member.refresh_from_db()
    assert not another_member.notify_comment_replies and another_member.notify_messages


# The other e-mails, now sent by core.mail ---------------------------------------------


def test_answer_email_honours_the_answers_preference_and_can_be_unsubscribed(
    client, a_member, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    from core.factories import TopicFactory
    from qa import services as qa_services
    from qa.models import Question

    specialist = UserFactory(email="answering.specialist@example.com")
    specialist.groups.add(Group.objects.get(name="Specialists"))
    question = Question.objects.create(
        author=a_member,
        title="How can I calm down before meetings?",
        body="My heart races before every meeting at work, what helps?",
        topic=TopicFactory(name="Anxiety", slug="anxiety"),
        status=Question.Status.PUBLISHED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        qa_services.answer_create(question=question, author=specialist, body="Slow breathing helps many people.")
    [message] = mail.outbox
    assert message.subject == "A specialist answered your question"
    assert message.alternatives[0][1] == "text/html"
    link = message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    client.post(link)
    a_member.refresh_from_db()
    assert not a_member.notify_answers
    # With the preference off, the next answer sends nothing.
    other = UserFactory(email="second.answering@example.com")
    other.groups.add(Group.objects.get(name="Specialists"))
    with django_capture_on_commit_callbacks(execute=True):
        qa_services.answer_create(question=question, author=other, body="Writing the worry down helps too.")
    assert len(mail.outbox) == 1


def test_verification_email_has_both_bodies_and_no_unsubscribe(a_member, specialist_index):
    from specialists.factories import SpecialistPageFactory
    from specialists.tasks import send_specialist_email

    page = SpecialistPageFactory(parent=specialist_index, slug="verified-one", user=a_member)
    assert send_specialist_email.call(user_id=a_member.pk, page_id=page.pk, kind="approved") is True
    [message] = mail.outbox
    assert message.to == [a_member.email]
    assert page.get_full_url() in message.body
    assert message.alternatives[0][1] == "text/html"
    assert "List-Unsubscribe" not in message.extra_headers


def test_no_empty_paragraph_and_no_stray_blank_lines(a_member):
    """A template's skipped branches leave blank lines and trailing spaces:
    the body is sent without them and the HTML part has no empty paragraph."""
    site_mail.deliver(kind="answers", user=a_member, subject="S", text="First.   \n\n\n\n  \nSecond.\n\n\n")
    message = mail.outbox[0]
    assert message.body.startswith("First.\n\nSecond.\n\n--\n") and message.body.endswith("Steady Ground\n")
    assert "\n\n\n" not in message.body and " \n" not in message.body
    html = message.alternatives[0][0]
    assert "<p></p>" not in html and not re.search(r"<p>\s*</p>", html)
