"""Where the home page and standard pages may live."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage
from home.models import ContactPage, FeaturedArticle, HomePage, StandardPage
from qa.models import QuestionIndexPage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from specialists.models import SpecialistIndexPage, SpecialistPage
from tests.articles.test_page_types import staff_with_two_factor
from tests.two_factor import TwoFactorClient


class HomeTreeTestCase(WagtailPageTestCase):
    client_class = TwoFactorClient  # staff enter their TOTP code after force_login

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.objects.get(depth=1)
        cls.home = HomePage.objects.get(depth=2)
        article_index = ArticleIndexPageFactory(parent=cls.home)
        directory = SpecialistIndexPageFactory(parent=cls.home)
        author = SpecialistPageFactory(parent=directory, title="Dr Ada Moss")
        cls.article = ArticlePageFactory(parent=article_index, title="Featured piece", author=author)
        cls.about = StandardPage(title="About us", slug="about", intro="Who we are.")
        cls.home.add_child(instance=cls.about)
        cls.editor = staff_with_two_factor(email="editor.home@example.com", display_name="Editor")


class HomePageTypeTests(HomeTreeTestCase):
    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for parent in (HomePage, StandardPage, ArticleIndexPage, ArticlePage, SpecialistIndexPage, SpecialistPage):
            self.assertCanNotCreateAt(parent, HomePage)

    def test_only_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage, {ArticleIndexPage, SpecialistIndexPage, QuestionIndexPage, StandardPage, ContactPage}
        )

    def test_contact_page_only_under_home_and_childless(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_home_page_renders(self):
        self.assertPageIsRenderable(self.home)

    def test_home_page_with_featured_articles_is_editable_and_previewable(self):
        FeaturedArticle.objects.create(page=self.home, article=self.article, sort_order=0)

        self.assertPageIsEditable(self.home, user=self.editor)
        self.assertPageIsPreviewable(self.home, user=self.editor)


class StandardPageTypeTests(HomeTreeTestCase):
    def test_standard_page_under_home_or_standard_page_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        for parent in (Page, ArticleIndexPage, ArticlePage, SpecialistIndexPage, SpecialistPage):
            self.assertCanNotCreateAt(parent, StandardPage)

    def test_standard_page_holds_only_standard_pages(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_editor_creates_standard_page_under_another(self):
        self.client.force_login(self.editor)
        data = nested_form_data(
            {
                "title": "Privacy",
                "intro": "What we keep and why.",
                "body": streamfield([("heading", {"text": "What we keep", "level": "h2"})]),
                "seo_title": "",
                "search_description": "",
                "social_text": "",
            }
        )
        self.assertCanCreate(self.about, StandardPage, data)
        privacy = StandardPage.objects.get(slug="privacy")
        self.assertEqual(privacy.get_parent().specific, self.about)
        self.assertPageIsRenderable(privacy)

    def test_standard_page_renders(self):
        self.assertPageIsRenderable(self.about)
