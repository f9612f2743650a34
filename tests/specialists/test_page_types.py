"""Where the specialist directory and specialist pages may live."""

from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.factories import UserFactory, give_totp
from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from specialists.models import SpecialistIndexPage, SpecialistPage
from tests.two_factor import TwoFactorClient


class SpecialistPageTypeTests(WagtailPageTestCase):
    client_class = TwoFactorClient  # staff enter their TOTP code after force_login

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
        self.assertPageIsRenderable(self.directory, query_data={"language": "??", "free": "1", "location": "x" * 200})

    def test_editors_create_a_specialist_in_the_admin(self):
        editor = UserFactory(email="editor.specialists@example.com", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        give_totp(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        self.client.force_login(editor)
        self.assertCanCreate(
            self.directory,
            SpecialistPage,
            nested_form_data(
                {
                    "title": "Dr Lee Park",
                    "slug": "lee-park",
                    "professional_title": "Counsellor",
                    "short_bio": "Person-centred counselling for adults.",
                    "long_bio": rich_text("<p>Ten years of practice.</p>"),
                    "offers_online": "on",
                    "accepting_new_clients": "on",
                    "licence_number": "BACP-1",
                    "comments": inline_formset([]),
                }
            ),
        )
        created = SpecialistPage.objects.get(slug="lee-park")
        self.assertFalse(created.is_verified)
        self.assertPageIsPreviewable(created, user=editor)
        self.assertPageIsPreviewable(self.specialist, user=editor)
