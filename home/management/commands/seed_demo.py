"""`manage.py seed_demo [--reset] [--force] [--port N]`: build the demo site.

Builds a small, complete site from the factories and models: topics, six
specialists with drawn avatars, six articles with drawn hero pictures, the
index and standard pages, the home page, crisis resources and the demo
accounts; comments and questions go through the services members use
(articles.services.comment_post, qa.services), so their counters and
moderation history are the real ones, and the demo member has a conversation
with the demo specialist. The words are YAML files in home/demo/ (read by
home/demo_content.py) and messaging/demo.py. E-mails those services send
while seeding (decisions, answer notifications) are dropped.

Idempotent: what already exists (found by slug, e-mail or title) is kept, and
only what is missing is created, so running it twice gives the same site.
--reset first deletes what the demo owns: every page under the home page, the
demo topics, accounts, comments and images. Refuses to run with DEBUG off
(the accounts have published passwords) unless given --force.
"""

import datetime
import os
import random

import factory.random
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from accounts.factories import UserFactory, give_totp
from accounts.models import User
from articles import services as article_services
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage
from core import demo_images
from core.factories import TopicFactory
from core.models import SiteSettings, Topic
from home import demo_content as content
from home.factories import ContactPageFactory, StandardPageFactory
from home.models import ContactPage, FeaturedArticle, HomePage, StandardPage
from messaging.demo import build_demo_conversation
from messaging.models import Conversation
from qa.demo import build_demo_questions
from qa.models import Question, QuestionIndexPage
from specialists.demo import build_demo_availability, build_demo_consultations
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from specialists.models import Approach, Language, SpecialistIndexPage, SpecialistPage
from specialists.services import directory_moderation_setup

SEED = 20240917
COLLECTION_NAME = "Demo content"
DEFAULT_PORT = 8000


class Command(BaseCommand):
    help = "Build the demo site: pages, specialists, articles, accounts and comments. Local use only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo content first (every page under the home page, the demo topics, "
            "accounts, comments and images), then build it again.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. The demo accounts have published passwords.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help="Port of the site's URLs (Page.full_url). Default: $PORT, else 8000, as `make run`.",
        )

    def handle(self, *args, reset=False, force=False, port=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with published passwords, so it only runs when DEBUG is on. "
                "Use --force if you really want demo content on this site."
            )
        random.seed(SEED)
        factory.random.reseed_random(SEED)
        port = port or int(os.environ.get("PORT") or DEFAULT_PORT)
        # Nobody is told about the demo's own questions, answers and comments.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            home = HomePage.objects.filter(depth=2).first()
            if home is None:
                raise CommandError("No home page: run `manage.py migrate` first.")
            if reset:
                self.reset(home)
            builder = DemoBuilder(home=home, port=port)
            builder.build()
        self.print_summary(builder)

    def reset(self, home):
        article_ids = [str(pk) for pk in ArticlePage.objects.descendant_of(home).values_list("pk", flat=True)]
        emails = [account["email"] for account in content.ACCOUNTS.values()]
        XtdComment.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage)).filter(
            object_pk__in=article_ids
        ).delete()
        XtdComment.objects.filter(user__email__in=emails).delete()
        Question.objects.filter(title__in=[spec["title"] for spec in content.QUESTIONS]).delete()
        Question.objects.filter(author__email__in=emails).delete()
        Conversation.objects.filter(member__email__in=emails).delete()
        Conversation.objects.filter(specialist__email__in=emails).delete()
        for child in home.get_children():
            child.delete()
        FeaturedArticle.objects.filter(page=home).delete()
        Topic.objects.filter(slug__in=[topic["slug"] for topic in content.TOPICS]).delete()
        User.objects.filter(email__in=emails).delete()
        collection = demo_collection(create=False)
        if collection is not None:
            get_image_model().objects.filter(collection=collection).delete()
        self.stdout.write("Deleted the demo content.")

    def print_summary(self, builder):
        articles = ArticlePage.objects.live()
        specialists = SpecialistPage.objects.live().verified()
        lines = [
            "Demo site ready:",
            f"  {Topic.objects.count()} topics",
            f"  {specialists.count()} verified specialists "
            f"({specialists.filter(offers_free_consultation=True).count()} offer a free consultation)",
            f"  {articles.count()} articles by {articles.values('author').distinct().count()} authors",
            f"  {StandardPage.objects.live().count()} standard pages",
            f"  {XtdComment.objects.count()} comments",
            f"  {Question.objects.count()} questions "
            f"({Question.objects.filter(answer_count=0).count()} waiting for an answer)",
            f"  {Conversation.objects.count()} conversations",
            f"  {len(content.ACCOUNTS)} demo accounts: "
            + ", ".join(f"{a['email']} / {a['password']}" for a in content.ACCOUNTS.values()),
            f"Open {builder.site.root_url}/ (admin: {builder.site.root_url}/admin/)",
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))


def demo_collection(create=True):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None and create:
        collection = root.add_child(name=COLLECTION_NAME)
    return collection


def child_by_slug(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


class DemoBuilder:
    """Creates whatever part of the demo is missing, in dependency order."""

    def __init__(self, *, home, port):
        self.home = home
        self.port = port
        self.today = timezone.localdate()
        self.collection = demo_collection()
        self.images = {}
        self.topics = {}
        self.users = {}
        self.specialists = {}
        self.articles = {}
        self.site = None

    def build(self):
        self.build_site()
        self.build_groups()
        self.build_accounts()
        self.build_topics()
        self.build_site_settings()
        self.build_sections()
        self.build_specialists()
        self.build_articles()
        self.build_standard_pages()
        self.build_contact_page()
        self.build_home()
        self.build_comments()
        self.build_questions()
        self.build_conversations()
        self.build_consultations()

    # --- Site, groups and accounts ------------------------------------------

    def build_site(self):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        wanted = {"hostname": "localhost", "port": self.port, "root_page_id": self.home.pk}
        wanted["site_name"] = site.site_name or content.SITE_NAME
        if site.pk is None or any(getattr(site, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(site, key, value)
            site.save()
        self.site = site
        # django.contrib.sites names the site in e-mails; keep Django's placeholder out of them.
        DjangoSite.objects.filter(pk=settings.SITE_ID, domain="example.com").update(
            domain=f"localhost:{self.port}", name=content.SITE_NAME
        )

    def build_groups(self):
        # The groups and their rights come from accounts/migrations/0003_roles.py.
        self.groups = {name: Group.objects.get(name=name) for name in content.GROUPS}

    def build_accounts(self):
        for key, account in content.ACCOUNTS.items():
            user = User.objects.filter(email=account["email"]).first()
            if user is None:
                user = UserFactory(
                    email=account["email"],
                    display_name=account["display_name"],
                    password=account["password"],
                    is_staff=account["is_staff"],
                    is_superuser=account["is_superuser"],
                )
            elif (user.is_staff, user.is_superuser) != (account["is_staff"], account["is_superuser"]):
                user.is_staff, user.is_superuser = account["is_staff"], account["is_superuser"]
                user.save(update_fields=["is_staff", "is_superuser"])
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"primary": True, "verified": True}
            )
            user.groups.add(*(self.groups[name] for name in account["groups"]))
            if account["is_staff"] and not Authenticator.objects.filter(user=user).exists():
                # Staff need two-factor before the admin; the demo uses a
                # published secret (`manage.py demo_2fa_code` prints the code).
                give_totp(user, content.DEMO_TOTP_SECRET)
            self.users[key] = user

    # --- Topics and settings --------------------------------------------------

    def build_topics(self):
        for topic in content.TOPICS:
            self.topics[topic["slug"]] = TopicFactory(**topic)

    def build_site_settings(self):
        site_settings = SiteSettings.load()
        if not site_settings.crisis_resources:
            site_settings.crisis_resources = [("resource", resource) for resource in content.CRISIS_RESOURCES]
            site_settings.save()

    # --- Pictures -------------------------------------------------------------

    def image(self, title, draw):
        """The demo image with this title, drawn and saved the first time."""
        if title not in self.images:
            existing = get_image_model().objects.filter(collection=self.collection, title=title).first()
            self.images[title] = existing or draw()
        return self.images[title]

    def hero_image(self, article):
        return self.image(
            f"Hero: {article['title']}",
            lambda: demo_images.abstract_image(
                title=f"Hero: {article['title']}",
                seed=article["slug"],
                palette=article["palette"],
                description="Calm abstract landscape of soft hills under a pale sun",
                collection=self.collection,
            ),
        )

    def named_image(self, key):
        spec = content.IMAGES[key]
        return self.image(
            spec["title"],
            lambda: demo_images.abstract_image(
                title=spec["title"],
                seed=key,
                size=spec["size"],
                palette=spec["palette"],
                kind=spec["kind"],
                description=spec["description"],
                collection=self.collection,
            ),
        )

    # --- Pages ----------------------------------------------------------------

    def publish(self, page):
        page.save_revision(user=self.users["admin"]).publish(user=self.users["admin"])

    def index_page(self, model, page_factory, spec):
        page = child_by_slug(self.home, model, spec["slug"])
        if page is None:
            page = page_factory(
                parent=self.home,
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                search_description=spec["search_description"],
                owner=self.users["admin"],
            )
            self.publish(page)
        return page

    def build_sections(self):
        """The three sections under the home page, in the menu's order (the
        questions page may come first from its migration)."""
        sections = [
            self.index_page(ArticleIndexPage, ArticleIndexPageFactory, content.ARTICLE_INDEX),
            self.index_page(QuestionIndexPage, self.question_index_page, content.QUESTION_INDEX),
            self.index_page(SpecialistIndexPage, SpecialistIndexPageFactory, content.SPECIALIST_INDEX),
        ]
        in_tree_order = [page.pk for page in self.home.get_children() if page.pk in {s.pk for s in sections}]
        if in_tree_order != [page.pk for page in sections]:
            for page in sections:
                page.move(self.home, pos="last-child")

    def question_index_page(self, *, parent, **fields):
        return parent.add_child(instance=QuestionIndexPage(**fields))

    def build_specialists(self):
        index = self.index_page(SpecialistIndexPage, SpecialistIndexPageFactory, content.SPECIALIST_INDEX)
        # Profiles members create go through the verification workflow, which
        # moderators approve in the admin.
        directory_moderation_setup(index=index)
        for spec in content.SPECIALISTS:
            user = self.users[spec["account"]] if spec["account"] else None
            page = child_by_slug(index, SpecialistPage, spec["slug"])
            if page is None:
                photo = self.image(
                    f"Avatar: {spec['title']}",
                    lambda spec=spec: demo_images.avatar_image(
                        title=f"Avatar: {spec['title']}",
                        initials=spec["initials"],
                        seed=spec["slug"],
                        palette=spec["palette"],
                        collection=self.collection,
                    ),
                )
                page = SpecialistPageFactory(
                    parent=index,
                    title=spec["title"],
                    slug=spec["slug"],
                    photo=photo,
                    user=user,
                    owner=user or self.users["admin"],
                    # The demo's moderator checked these (invented) registrations.
                    verified_at=timezone.now(),
                    verified_by=self.users["moderator"],
                    **self.specialist_fields(spec),
                )
                self.set_specialist_relations(page, spec)
                self.publish(page)
            elif (user is not None and page.user_id is None) or not page.is_verified:
                # A demo built before a field existed: bring it up to date.
                page.user = page.user or user
                for field, value in self.specialist_fields(spec).items():
                    setattr(page, field, value)
                self.set_specialist_relations(page, spec)
                self.publish(page)
                SpecialistPage.objects.filter(pk=page.pk).update(
                    verified_at=timezone.now(), verified_by=self.users["moderator"]
                )
                page.refresh_from_db()
            self.specialists[spec["slug"]] = page

    def specialist_fields(self, spec):
        licence_number, issuing_body, country = spec["licence"]
        return {
            "professional_title": spec["professional_title"],
            "short_bio": spec["short_bio"],
            "long_bio": spec["long_bio"],
            "offers_free_consultation": spec["offers_free_consultation"],
            "offers_online": spec["online"],
            "offers_in_person": spec["in_person"],
            "location": spec["location"],
            "fees": spec["fees"],
            "accepting_new_clients": spec["accepting_new_clients"],
            "licence_number": licence_number,
            "licence_issuing_body": issuing_body,
            "licence_country": country,
        }

    def set_specialist_relations(self, page, spec):
        page.topics.set([self.topics[slug] for slug in spec["topics"]])
        page.languages.set(
            [
                Language.objects.get_or_create(code=code, defaults={"name": content.DEMO_LANGUAGES[code]})[0]
                for code in spec["languages"]
            ]
        )
        page.approaches.set(
            [
                Approach.objects.get_or_create(slug=slug, defaults={"name": content.DEMO_APPROACHES[slug]})[0]
                for slug in spec["approaches"]
            ]
        )

    def build_articles(self):
        index = self.index_page(ArticleIndexPage, ArticleIndexPageFactory, content.ARTICLE_INDEX)
        for spec in content.ARTICLES:
            page = child_by_slug(index, ArticlePage, spec["slug"])
            if page is None:
                published = self.today - datetime.timedelta(days=spec["days_ago"])
                reviewer = self.specialists[spec["reviewer"]] if spec["reviewer"] else None
                page = ArticlePageFactory(
                    parent=index,
                    title=spec["title"],
                    slug=spec["slug"],
                    summary=spec["summary"],
                    hero_image=self.hero_image(spec),
                    author=self.specialists[spec["author"]],
                    reviewer=reviewer,
                    reviewed_on=published - datetime.timedelta(days=3) if reviewer else None,
                    published_date=published,
                    first_published_at=datetime.datetime.combine(published, datetime.time(9, 0), tzinfo=datetime.UTC),
                    body=self.stream(spec["body"]),
                    owner=self.users["admin"],
                )
                page.topics.set([self.topics[slug] for slug in spec["topics"]])
                page.tags.add(*spec["tags"])
                self.publish(page)
            self.articles[spec["slug"]] = page

    def stream(self, body):
        """The body with image keys swapped for the demo images."""
        blocks = []
        for block_type, value in body:
            if block_type == "image":
                value = {**value, "image": {**value["image"], "image": self.named_image(value["image"]["image"])}}
            blocks.append((block_type, value))
        return blocks

    def build_standard_pages(self):
        for spec in content.STANDARD_PAGES:
            if child_by_slug(self.home, StandardPage, spec["slug"]) is None:
                page = StandardPageFactory(
                    parent=self.home,
                    title=spec["title"],
                    slug=spec["slug"],
                    intro=spec["intro"],
                    body=self.stream(spec["body"]),
                    owner=self.users["admin"],
                )
                self.publish(page)

    def build_contact_page(self):
        spec = content.CONTACT_PAGE
        if child_by_slug(self.home, ContactPage, spec["slug"]) is None:
            page = ContactPageFactory(
                parent=self.home, title=spec["title"], slug=spec["slug"], intro=spec["intro"], owner=self.users["admin"]
            )
            self.publish(page)

    def build_questions(self):
        """Community Q&A: questions from three members, answers from the
        specialists with accounts."""
        members = [self.users[key] for key in ("member", "member2", "member3")]
        specialists = [page.user for page in self.specialists.values() if page.user_id]
        self.questions = build_demo_questions(
            questions=content.QUESTIONS,
            members=members,
            specialists_users=specialists,
            moderator=self.users["moderator"],
            topics=[self.topics[slug] for slug in ("relationships", "anxiety", "parenting", "sleep")],
            today=self.today,
        )

    def build_conversations(self):
        """Messages: the demo member's conversation with the demo specialist
        (messaging.demo holds the words)."""
        page = next(page for page in self.specialists.values() if page.user_id == self.users["specialist"].pk)
        self.conversation = build_demo_conversation(member=self.users["member"], specialist_page=page, today=self.today)

    def build_consultations(self):
        """Free consultations: availability for those who offer it, a request
        waiting for the demo specialist, a confirmed meeting for the demo
        member (specialists.demo, through the services)."""
        build_demo_availability(pages=self.specialists.values())
        page = next(page for page in self.specialists.values() if page.user_id == self.users["specialist"].pk)
        build_demo_consultations(specialist_page=page, member=self.users["member"], other_member=self.users["member2"])

    def build_home(self):
        home = self.home.specific
        featured = [self.articles[slug] for slug in content.HOME["featured"]]
        current = list(home.featured_articles.order_by("sort_order").values_list("article_id", flat=True))
        wanted = (content.HOME["hero_heading"], content.HOME["hero_text"], [a.pk for a in featured])
        if (home.hero_heading, home.hero_text, current) == wanted:
            return
        home.hero_heading = content.HOME["hero_heading"]
        home.hero_text = content.HOME["hero_text"]
        home.search_description = content.HOME["search_description"]
        home.featured_articles = [FeaturedArticle(article=a, sort_order=i) for i, a in enumerate(featured)]
        self.publish(home)

    # --- Comments -------------------------------------------------------------

    def build_comments(self):
        content_type = ContentType.objects.get_for_model(ArticlePage)
        for spec in content.COMMENTS:
            article = self.articles[spec["article"]]
            parent = self.comment(content_type, article, spec)
            for reply in spec["replies"]:
                self.comment(content_type, article, reply, parent=parent)

    def comment(self, content_type, article, spec, parent=None):
        """One comment, posted once through the comment service (which stores
        no e-mail address); a first comment, held for review, is approved by
        the demo's moderator."""
        user = self.users[spec["author"]]
        existing = XtdComment.objects.filter(
            content_type=content_type, object_pk=str(article.pk), user=user, comment=spec["text"]
        ).first()
        if existing is not None:
            return existing
        comment = article_services.comment_post(article=article, user=user, text=spec["text"], parent=parent)
        if not comment.is_public:
            article_services.comment_approve(comment=comment, by=self.users["moderator"])
        submitted = datetime.datetime.combine(
            article.published_date + datetime.timedelta(days=spec["days_after"]),
            datetime.time(18, 30),
            tzinfo=datetime.UTC,
        )
        XtdComment.objects.filter(pk=comment.pk).update(submit_date=min(submitted, timezone.now()))
        return comment
