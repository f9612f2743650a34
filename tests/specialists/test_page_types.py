"""Where the specialist directory and specialist pages may live."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from specialists.models import SpecialistIndexPage, SpecialistPage


class SpecialistPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.directory = SpecialistIndexPageFactory(parent=cls.home)
        cls.specialist = SpecialistPageFactory(parent=cls.directory, title="Dr Ada Moss")

    def test_directory_only_under_home_page(self):
        self.assertAllowedParentPageTypes(SpecialistIndexPage, {HomePage})
        for parent in (Page, StandardPage, ArticleIndexPage, ArticlePage, SpecialistIndexPage, SpecialistPage):
            self.assertCanNotCreateAt(parent, SpecialistIndexPage)

    def test_only_one_directory(self):
        self.assertCanCreateAt(HomePage, SpecialistIndexPage)
        self.assertFalse(SpecialistIndexPage.can_create_at(self.home))

    def test_directory_holds_only_specialists(self):
        self.assertAllowedSubpageTypes(SpecialistIndexPage, {SpecialistPage})

    def test_specialist_only_under_directory(self):
        self.assertAllowedParentPageTypes(SpecialistPage, {SpecialistIndexPage})
        for parent in (Page, HomePage, StandardPage, ArticleIndexPage, ArticlePage, SpecialistPage):
            self.assertCanNotCreateAt(parent, SpecialistPage)
        self.assertTrue(SpecialistPage.can_create_at(self.directory))

    def test_specialist_page_has_no_subpages(self):
        self.assertAllowedSubpageTypes(SpecialistPage, set())

    def test_directory_and_specialist_render(self):
        self.assertPageIsRenderable(self.directory)
        self.assertPageIsRenderable(self.directory, query_data={"page": "abc"})
        self.assertPageIsRenderable(self.specialist)
