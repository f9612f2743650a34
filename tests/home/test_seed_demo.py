"""`manage.py seed_demo` builds a complete, repeatable demo site.

The demo is seeded once for the module, inside a transaction rolled back at
the end; each test runs in a savepoint inside it, so tests that run the
command again (twice, --reset) leave the shared demo as it was.
"""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Page, Revision, Site

from accounts.models import User
from articles.models import ArticlePage
from core.models import SiteSettings, Topic
from home import demo_content
from home.models import FeaturedArticle, HomePage, StandardPage
from messaging.models import Conversation, Message
from specialists.models import Availability, AvailabilityWindow, ConsultationRequest, SpecialistPage

pytestmark = pytest.mark.django_db

ATTACHMENT_SLUG = "attachment-wounds-in-relationships"


def seed(*args, **kwargs):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out, **kwargs)
    return out.getvalue()


@pytest.fixture(scope="module", autouse=True)
def _media_root(tmp_path_factory):
    """Overrides the per-test media folder: the demo's images are drawn once for the module."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, _media_root):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            output = seed()
        yield output
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()


def demo_counts():
    models = [Page, Revision, get_image_model(), Collection, User, EmailAddress, Topic, XtdComment]
    models += [FeaturedArticle, Group, GroupPagePermission, Conversation, Message]
    models += [Availability, AvailabilityWindow, ConsultationRequest]
    return {model.__name__: model.objects.count() for model in models}


def test_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    before = demo_counts()
    with pytest.raises(CommandError, match="DEBUG"):
        seed()
    assert demo_counts() == before


def test_force_runs_with_debug_off(seeded, settings):
    settings.DEBUG = False
    assert "Demo site ready" in seed(force=True)


def test_publishes_six_articles_by_three_authors(seeded):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 6
    assert articles.values("author").distinct().count() >= 3
    for article in articles:
        assert article.topics.exists(), article.title
        assert article.tags.exists(), article.title
        assert article.hero_image is not None
        assert (article.hero_image.width, article.hero_image.height) == (1600, 900)
    reviewed = articles.filter(reviewer__isnull=False)
    assert reviewed.count() >= 2
    assert not reviewed.filter(reviewed_on__isnull=True).exists()


def test_attachment_article_by_the_family_psychologist_has_sections_lists_steps_and_faq(seeded):
    article = ArticlePage.objects.get(slug=ATTACHMENT_SLUG)
    block_types = {block.block_type for block in article.body}
    assert {"heading", "bulleted_list", "numbered_steps", "faq"} <= block_types
    assert article.author.professional_title == "Family psychologist"
    image = next(block.value for block in article.body if block.block_type == "image")
    assert image["image"].contextual_alt_text
    assert not image["image"].decorative
    assert image["caption"]
    # The four questions at the end are one "Questions and answers" block.
    questions = [block.value for block in article.body if block.block_type == "faq"]
    assert [len(value["items"]) for value in questions] == [4]


def test_demo_articles_publish_without_a_workflow(seeded):
    for article in ArticlePage.objects.all():
        assert article.get_workflow() is None, article.title


def test_six_specialists_two_offer_free_consultation(seeded):
    specialists = SpecialistPage.objects.live()
    assert specialists.count() == 6
    assert specialists.filter(offers_free_consultation=True).count() >= 2
    assert not specialists.filter(photo__isnull=True).exists()
    family = specialists.get(professional_title="Family psychologist")
    assert family.user.email == "specialist@example.com"
    assert family.offers_free_consultation


def test_demo_specialists_are_verified_with_every_field_filled(seeded):
    specialists = SpecialistPage.objects.live()
    assert specialists.verified().count() == 6
    assert not specialists.filter(verified_by__isnull=True).exists()
    for page in specialists:
        assert page.languages.exists(), page.title
        assert page.approaches.exists(), page.title
        assert page.topics.exists(), page.title
        assert page.offers_online or page.offers_in_person, page.title
        assert page.location or not page.offers_in_person, page.title
        assert page.fees, page.title
        assert page.licence_number.startswith("DEMO-"), page.title
        assert page.licence_issuing_body and page.licence_country, page.title
    assert specialists.filter(accepting_new_clients=False).exists()


def test_demo_directory_goes_through_the_verification_workflow(seeded):
    from specialists.models import SpecialistIndexPage

    assert SpecialistIndexPage.objects.get().get_workflow().name == "Specialist verification"


@pytest.mark.parametrize("key", list(demo_content.ACCOUNTS))
def test_demo_account_logs_in_with_a_verified_email(seeded, key):
    account = demo_content.ACCOUNTS[key]
    user = authenticate(email=account["email"], password=account["password"])
    assert user is not None
    assert user.display_name == account["display_name"]
    assert EmailAddress.objects.filter(user=user, email=user.email, primary=True, verified=True).exists()
    assert set(user.groups.values_list("name", flat=True)) == set(account["groups"])


def test_roles_match_the_design(seeded):
    admin = User.objects.get(email="admin@example.com")
    moderator = User.objects.get(email="moderator@example.com")
    member = User.objects.get(email="member@example.com")
    assert admin.is_superuser
    assert moderator.is_staff and not moderator.is_superuser
    assert moderator.has_perm("wagtailadmin.access_admin")
    assert moderator.has_perm("django_comments.can_moderate")
    assert not member.is_staff
    assert not member.has_perm("wagtailadmin.access_admin")
    assert admin.groups.filter(name="Editors").exists()
    assert moderator.groups.filter(name="Moderators").exists()
    # Staff reach the admin only with two-factor: the demo gives them a known secret.
    assert all(user.authenticator_set.filter(type="totp").exists() for user in (admin, moderator))
    assert not member.authenticator_set.exists()


def test_home_page_is_the_default_site_with_featured_articles(seeded):
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert site.hostname == "localhost"
    assert home.hero_text
    assert 3 <= home.featured_articles.count() <= 4


def test_crisis_resources_are_filled_in(seeded):
    names = [block.value["name"] for block in SiteSettings.load().crisis_resources]
    assert len(names) >= 3
    assert any("988" in name for name in names)


def test_comments_are_threaded_and_store_no_email(seeded):
    member = User.objects.get(email="member@example.com")
    comments = XtdComment.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage))
    assert comments.filter(user=member, is_public=True).count() >= 3
    assert not comments.exclude(user_email="").exists()
    reply = comments.get(user__email="specialist@example.com")
    assert reply.level == 1
    assert reply.parent_id != reply.pk
    assert comments.get(pk=reply.parent_id).user == member


def test_demo_specialist_has_a_conversation_with_an_unread_message(seeded, client):
    member = User.objects.get(email="member@example.com")
    specialist = User.objects.get(email="specialist@example.com")
    conversation = Conversation.objects.get(member=member, specialist=specialist)
    assert conversation.messages.count() == 3
    assert (conversation.specialist_unread, conversation.member_unread) == (1, 0)
    # Oldest first, and all before the day of seeding: any hour of that day may be still to come.
    dates = list(conversation.messages.order_by("pk").values_list("created_at", flat=True))
    assert dates == sorted(dates)
    assert dates[-1] < datetime.datetime.combine(timezone.localdate(), datetime.time.min, tzinfo=datetime.UTC)
    assert conversation.last_message_at == dates[-1]
    client.force_login(specialist)
    html = client.get(conversation.get_absolute_url(), HTTP_HOST="localhost").content.decode()
    assert "Would an evening online work?" in html


def test_demo_consultations_wait_for_the_specialist_and_are_confirmed_for_the_member(seeded, client):
    member = User.objects.get(email="member@example.com")
    specialist = User.objects.get(email="specialist@example.com")
    page = SpecialistPage.objects.get(user=specialist)
    # Everyone with an account who offers the consultation has times members can book.
    offering = SpecialistPage.objects.filter(offers_free_consultation=True, user__isnull=False)
    assert offering.count() >= 2
    assert set(Availability.objects.values_list("specialist_id", flat=True)) == set(
        offering.values_list("pk", flat=True)
    )
    [meeting] = ConsultationRequest.objects.filter(member=member)
    assert meeting.specialist_id == page.pk and meeting.status == ConsultationRequest.Status.ACCEPTED
    [waiting] = ConsultationRequest.objects.filter(specialist=page, status=ConsultationRequest.Status.REQUESTED)
    assert waiting.member.email == "sam@example.com"
    client.force_login(specialist)
    html = client.get("/specialists/me/requests/", HTTP_HOST="localhost").content.decode()
    waiting_part, later = html.split('id="upcoming-heading"')
    assert "Sam" in waiting_part and "Robin" not in waiting_part and "Robin" in later.split('id="past-heading"')[0]
    client.force_login(member)
    html = client.get(f"/accounts/consultations/{meeting.pk}/", HTTP_HOST="localhost").content.decode()
    assert "Confirmed" in html


def test_running_twice_creates_no_duplicates(seeded, settings):
    settings.DEBUG = True
    before = demo_counts()
    seed()
    assert demo_counts() == before


def test_reset_rebuilds_the_same_site(seeded, settings):
    settings.DEBUG = True
    before = demo_counts()
    old_article = ArticlePage.objects.get(slug=ATTACHMENT_SLUG)
    seed(reset=True)
    after = demo_counts()
    # The home page keeps its history, so it gains a revision; nothing else grows.
    before.pop("Revision"), after.pop("Revision")
    assert after == before
    assert not ArticlePage.objects.filter(pk=old_article.pk).exists()
    assert ArticlePage.objects.get(slug=ATTACHMENT_SLUG).live


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/",
        f"/articles/{ATTACHMENT_SLUG}/",
        "/specialists/",
        "/specialists/miriam-hale/",
        "/about/",
        "/privacy/",
        "/editorial-standards/",
        "/free-consultation/",
    ],
)
def test_page_renders(seeded, client, path):
    # The site is "localhost"; Wagtail serves the default site for the test client's host too.
    response = client.get(path)
    assert response.status_code == 200


def test_standard_pages_are_published(seeded):
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"about", "privacy", "editorial-standards", "free-consultation"} <= slugs
