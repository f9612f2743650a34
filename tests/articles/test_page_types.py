"""Where article pages may live, and creating one through the Wagtail admin."""

import datetime

from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory, give_totp
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage
from core.blocks import StoryBlock
from core.factories import TopicFactory
from home.models import HomePage, StandardPage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from specialists.models import SpecialistIndexPage, SpecialistPage
from tests.conftest import drawn_image_file
from tests.two_factor import TwoFactorClient


def list_block(items):
    """Form data for a ListBlock: one entry per item."""
    data = {str(i): {"value": item, "deleted": "", "order": str(i)} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def staff_with_two_factor(**fields):
    """A superuser who has set up TOTP, as the admin requires of staff."""
    user = UserFactory(is_staff=True, is_superuser=True, **fields)
    give_totp(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


class ArticleTreeTestCase(WagtailPageTestCase):
    client_class = TwoFactorClient  # staff enter their TOTP code after force_login

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.objects.get(depth=1)
        cls.home = HomePage.objects.get(depth=2)
        cls.article_index = ArticleIndexPageFactory(parent=cls.home)
        cls.specialist_index = SpecialistIndexPageFactory(parent=cls.home)
        cls.topics = [TopicFactory(name="Anxiety", slug="anxiety"), TopicFactory(name="Sleep", slug="sleep")]
        cls.author = SpecialistPageFactory(parent=cls.specialist_index, title="Dr Ada Moss")
        cls.reviewer = SpecialistPageFactory(parent=cls.specialist_index, title="Dr Rui Costa")
        cls.article = ArticlePageFactory(parent=cls.article_index, author=cls.author, topics=cls.topics)
        cls.editor = staff_with_two_factor(email="editor.pagetypes@example.com", display_name="Editor")


class ArticlePageTypeTests(ArticleTreeTestCase):
    def test_article_index_only_under_home_page(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        for parent in (Page, ArticleIndexPage, ArticlePage, SpecialistIndexPage, SpecialistPage, StandardPage):
            self.assertCanNotCreateAt(parent, ArticleIndexPage)

    def test_only_one_article_index(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertFalse(ArticleIndexPage.can_create_at(self.home))

    def test_article_index_holds_only_articles(self):
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_article_only_under_article_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        for parent in (Page, HomePage, StandardPage, SpecialistIndexPage, SpecialistPage, ArticlePage):
            self.assertCanNotCreateAt(parent, ArticlePage)
        self.assertTrue(ArticlePage.can_create_at(self.article_index))

    def test_article_has_no_subpages(self):
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_article_index_and_article_render(self):
        self.assertPageIsRenderable(self.article_index)
        self.assertPageIsRenderable(self.article_index, query_data={"topic": "anxiety"})
        self.assertPageIsRenderable(self.article)


class ArticleAdminTests(ArticleTreeTestCase):
    def setUp(self):
        # Per test: image files live in a media folder each test throws away.
        self.image = get_image_model().objects.create(title="A hill", file=drawn_image_file(size=(320, 180)))
        self.client.force_login(self.editor)

    def article_form_data(self, body, **fields):
        data = nested_form_data(
            {
                "title": "Sleep when your mind races",
                "slug": "sleep-when-your-mind-races",
                "summary": "Why racing thoughts keep you awake, and five steps that help.",
                "author": self.author.pk,
                "reviewer": "",
                "reviewed_on": "",
                "published_date": "2026-03-01",
                "tags": "sleep, stress",
                "seo_title": "",
                "search_description": "",
                "social_text": "",
                "body": streamfield(body),
                **fields,
            }
        )
        data["topics"] = [topic.pk for topic in self.topics]
        return data

    def every_block(self):
        return [
            ("heading", {"text": "Why the mind races at night", "level": "h2"}),
            ("paragraph", rich_text("<p>When the day goes quiet, <b>worries</b> get louder.</p>")),
            ("bulleted_list", {"items": list_block([rich_text("<p>Caffeine late</p>"), rich_text("<p>Screens</p>")])}),
            (
                "numbered_steps",
                {
                    "steps": list_block(
                        [
                            {"title": "Write it down", "text": rich_text("<p>Park the worry on paper.</p>")},
                            {"title": "Breathe out slowly", "text": rich_text("<p>Longer out than in.</p>")},
                        ]
                    )
                },
            ),
            ("quote", {"quote": "Rest is not a reward.", "attribution": "A client"}),
            (
                "callout",
                {"kind": "important", "title": "If you cannot sleep for weeks", "text": rich_text("<p>See a GP.</p>")},
            ),
            (
                "image",
                {"image": {"image": self.image.pk, "alt_text": "A hill at dusk", "decorative": ""}, "caption": "Dusk"},
            ),
            (
                "faq",
                {
                    "items": list_block(
                        [
                            {"question": "Is it normal?", "answer": rich_text("<p>Very common.</p>")},
                            {"question": "Will it pass?", "answer": rich_text("<p>Often, with time.</p>")},
                        ]
                    )
                },
            ),
            ("key_takeaways", {"title": "Key takeaways", "items": list_block(["Worry is louder at night."])}),
        ]

    def test_form_data_covers_every_story_block(self):
        self.assertEqual({name for name, _ in self.every_block()}, set(StoryBlock().child_blocks))

    def test_editor_creates_article_with_every_block(self):
        data = self.article_form_data(
            self.every_block(), reviewer=self.reviewer.pk, reviewed_on="2026-03-02", hero_image=self.image.pk
        )
        self.assertCanCreate(self.article_index, ArticlePage, data)

        article = ArticlePage.objects.get(slug="sleep-when-your-mind-races")
        self.assertTrue(article.live)
        self.assertEqual([block.block_type for block in article.body], [name for name, _ in self.every_block()])
        self.assertEqual(article.author.specific, self.author)
        self.assertEqual(article.reviewed_on, datetime.date(2026, 3, 2))
        self.assertEqual(set(article.topics.all()), set(self.topics))
        self.assertEqual(sorted(tag.name for tag in article.tags.all()), ["sleep", "stress"])
        figure = next(block.value for block in article.body if block.block_type == "image")
        self.assertEqual((figure["image"].contextual_alt_text, figure["image"].decorative), ("A hill at dusk", False))
        questions = next(block.value for block in article.body if block.block_type == "faq")
        self.assertEqual([item["question"] for item in questions["items"]], ["Is it normal?", "Will it pass?"])
        self.assertPageIsRenderable(article)

    def test_image_block_without_alt_text_or_decorative_flag_is_refused(self):
        body = [("image", {"image": {"image": self.image.pk, "alt_text": "", "decorative": ""}, "caption": ""})]
        data = self.article_form_data(body)
        data["action-publish"] = "action-publish"
        add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", self.article_index.pk])

        response = self.client.post(add_url, data)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.filter(slug="sleep-when-your-mind-races").exists())

    def test_topics_are_checkboxes(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.article.pk]))

        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for topic in self.topics:
            self.assertIn(f'type="checkbox" name="topics" value="{topic.pk}"', html)
        self.assertNotIn('<select name="topics"', html)

    def test_author_and_reviewer_choosers_list_published_specialists_only(self):
        from specialists.wagtail_hooks import specialist_chooser_viewset

        draft = SpecialistPageFactory(parent=self.specialist_index, title="Dr Still In Review", live=False)
        form = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.article.pk])).context["form"]
        # Both fields open the specialist chooser, not the page tree.
        for name in ("author", "reviewer"):
            self.assertIsInstance(form.fields[name].widget, specialist_chooser_viewset.widget_class)

        response = self.client.get(reverse(specialist_chooser_viewset.get_url_name("choose_results")))

        self.assertEqual(response.status_code, 200)
        listed = {page.pk for page in response.context["results"]}
        self.assertEqual(listed, {self.author.pk, self.reviewer.pk})
        self.assertNotIn(draft.pk, listed)
        self.assertNotIn(self.specialist_index.pk, listed)

    def test_articles_are_not_offered_a_workflow(self):
        self.assertIsNone(self.article.get_workflow())
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.article.pk]))

        self.assertNotContains(response, 'name="action-submit"')
        self.assertNotContains(response, "Specialist verification")

    def test_article_is_editable_and_previewable(self):
        # StreamField forms are built by JavaScript, so the data is given, not scraped.
        data = self.article_form_data(self.every_block(), title=self.article.title, slug=self.article.slug)
        self.assertPageIsEditable(self.article, post_data=data, user=self.editor)
        self.assertPageIsPreviewable(self.article, post_data=data, user=self.editor)

    def test_reviewer_without_review_date_is_rejected_on_the_field(self):
        data = self.article_form_data(self.every_block()[:2], reviewer=self.reviewer.pk, reviewed_on="")
        data["action-publish"] = "action-publish"
        add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", self.article_index.pk])

        response = self.client.post(add_url, data)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors["reviewed_on"], ["Give the date of the clinical review."])
        self.assertContains(response, "Give the date of the clinical review.")
        self.assertFalse(ArticlePage.objects.filter(slug="sleep-when-your-mind-races").exists())
