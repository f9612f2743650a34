import pytest
from wagtail.models import Page, Site

from accounts.factories import UserFactory
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import TopicFactory
from home.models import HomePage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and rendered images go to a folder each test throws away."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home_page(db):
    """The HomePage the data migration created, as the default site's root."""
    home = HomePage.objects.get(depth=2)
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.port = 80
    site.save()
    return home


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def specialist_index(home_page):
    return SpecialistIndexPageFactory(parent=home_page)


@pytest.fixture
def a_topic(db):
    return TopicFactory(name="Relationships", slug="relationships")


@pytest.fixture
def a_specialist_page(specialist_index, a_topic):
    return SpecialistPageFactory(
        parent=specialist_index,
        title="Dr Ada Moss",
        professional_title="Family psychologist",
        offers_free_consultation=True,
        topics=[a_topic],
    )


@pytest.fixture
def an_article(article_index, a_specialist_page, a_topic):
    return ArticlePageFactory(parent=article_index, author=a_specialist_page, topics=[a_topic])


@pytest.fixture
def a_member(db):
    return UserFactory(email="member.fixture@example.com", display_name="Rowan")


@pytest.fixture
def another_member(db):
    return UserFactory(email="other.fixture@example.com", display_name="Sasha")


@pytest.fixture
def a_superuser(db):
    return UserFactory(email="admin.fixture@example.com", display_name="Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def root_page(db):
    return Page.objects.get(depth=1)
