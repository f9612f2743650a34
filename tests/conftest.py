import os

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from accounts.factories import UserFactory
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import TopicFactory
from home.models import HomePage
from specialists.factories import SpecialistIndexPageFactory, SpecialistPageFactory
from tests.html_checker import CheckerMissing, HtmlChecker, find_jar, find_java


@pytest.fixture(autouse=True)
def _alone_when_stopping_the_database_or_timing(request):
    """A test that stops the shared PostgreSQL would break every other worker's
    tests, and one that times the page load (Lighthouse's performance score)
    would time the other workers' load as well: each refuses to run beside them."""
    workers = os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")
    if workers == "1":
        return
    for marker, why in (("stops_database", "stops the shared database"), ("alone", "times the machine")):
        if request.node.get_closest_marker(marker):
            pytest.fail(f"{request.node.name} {why}; run it alone: pytest -p no:xdist -m {marker}")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and rendered images go to a folder each test throws away."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: each test starts from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def html_checker(tmp_path_factory):
    """The Nu HTML Checker: html_checker.check({name: html}) -> {name: [problem]}.
    Each check starts one JVM for all the documents it is given."""
    try:
        return HtmlChecker(java=find_java(), jar=find_jar(), temp_root=tmp_path_factory.mktemp("html-checker"))
    except CheckerMissing as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def search_index_off(settings):
    """Saves skip the search index (the backend's AUTO_UPDATE off): indexing
    what a test creates was about half of building its pages. A request to
    /search/ meanwhile fails the test, naming the `search_index` marker,
    instead of finding nothing. Browser tests use it unless marked
    search_index; data-heavy tests that never search ask for it."""
    from django.conf import settings as django_settings
    from django.core.signals import request_started
    from django.urls import reverse

    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**options, "AUTO_UPDATE": False} for name, options in django_settings.WAGTAILSEARCH_BACKENDS.items()
    }
    search_prefix = reverse("search")
    searched = []

    def record(sender, environ, **kwargs):
        path = environ.get("PATH_INFO", "")
        if path.startswith(search_prefix):
            searched.append(path)

    request_started.connect(record, dispatch_uid="search-index-off-guard")
    yield
    request_started.disconnect(dispatch_uid="search-index-off-guard")
    if searched:
        pytest.fail(
            f"This test requested {sorted(set(searched))} with the search index off: "
            "mark it @pytest.mark.search_index so what it creates is indexed.",
            pytrace=False,
        )


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
def a_moderator(db):
    """A member of the Moderators group (apps whose tests go through the admin
    override it with one that has two-factor set up)."""
    moderator = UserFactory(email="moderator.fixture@example.com", display_name="Morgan", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return moderator


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


# --- Images and realistic content (articles, SEO, query budgets) -------------


def drawn_image_file(name="picture.jpg", size=(1600, 900), colour=(64, 112, 160)):
    """A JPEG drawn with Pillow in memory: a sky, a hill and a sun."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = size
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width * 0.65, height * 0.1, width * 0.85, height * 0.45), fill=(250, 210, 90))
    draw.rectangle((0, height * 0.7, width, height), fill=(70, 130, 80))
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return ImageFile(buffer, name=name)


@pytest.fixture
def make_image(db):
    """make_image(title=..., size=(w, h), description=...) -> a Wagtail Image from a drawn JPEG.
    The description is the image's alternative text wherever it is shown without one of its own."""
    from wagtail.images import get_image_model

    def make(title="A hill under a morning sun", size=(1600, 900), colour=(64, 112, 160), description=""):
        return get_image_model().objects.create(
            title=title, file=drawn_image_file(size=size, colour=colour), description=description
        )

    return make


class RealisticContent:
    """Content shaped like the live site: specialists with photos and two
    specialisations, articles with a hero image, an author with a photo, two
    topics, tags and a clinical reviewer. Call the add_* methods again to grow
    the same site (for query budgets: measure small, add more, measure again).
    Every image is its own, as on the site, but small: the queries are the
    same at any size, and drawing hundreds of full-size renditions (WebP and
    JPEG, several widths each) is what made these tests slow."""

    TOPIC_NAMES = ["Relationships", "Anxiety", "Parenting", "Sleep"]

    def __init__(self, home, article_index, specialist_index, make_image):
        import datetime

        from core.factories import TopicFactory

        self._datetime = datetime
        self.home = home
        self.article_index = article_index
        self.specialist_index = specialist_index
        self.make_image = make_image
        self.topics = [TopicFactory(name=name, slug=name.lower()) for name in self.TOPIC_NAMES]
        self.specialists = []
        self.articles = []
        self.author = self.add_specialists(1, offers_free_consultation=True, title="Dr Ada Moss")[0]
        self.reviewer = self.add_specialists(1, title="Dr Rui Costa", professional_title="Psychiatrist")[0]

    def add_specialists(self, count, **fields):
        from specialists.factories import SpecialistPageFactory

        created = []
        for _ in range(count):
            n = len(self.specialists)
            specialist = SpecialistPageFactory(
                parent=self.specialist_index,
                photo=self.make_image(title=f"Portrait {n}", size=(48, 48), colour=(120, 90 + n % 100, 140)),
                topics=[self.topics[n % 4], self.topics[(n + 1) % 4]],
                **{"title": f"Dr Specialist {n}", **fields},
            )
            self.specialists.append(specialist)
            created.append(specialist)
        return created

    def add_articles(self, count, author=None, **fields):
        from articles.factories import ArticlePageFactory

        created = []
        for _ in range(count):
            n = len(self.articles)
            article = ArticlePageFactory(
                parent=self.article_index,
                title=f"Steadier days, part {n}",
                author=author or self.author,
                reviewer=self.reviewer,
                reviewed_on=self._datetime.date(2026, 2, 1),
                hero_image=self.make_image(
                    title=f"Hero {n}",
                    size=(96, 54),
                    colour=(60, 100 + n % 100, 150),
                    description=f"A hill under a morning sun, picture {n}",
                ),
                published_date=self._datetime.date(2026, 1, 1) + self._datetime.timedelta(days=n),
                **fields,
            )
            article.topics.set([self.topics[n % 4], self.topics[(n + 1) % 4]])
            article.tags.add("self-care", f"week-{n % 5}")
            article.save_revision().publish()
            self.articles.append(article)
            created.append(article)
        return created


@pytest.fixture
def realistic_content(home_page, article_index, specialist_index, make_image):
    return RealisticContent(home_page, article_index, specialist_index, make_image)


@pytest.fixture
def measure_page_queries(client, django_assert_max_num_queries):
    """measure(url, budget) -> the number of queries a GET of url makes, failing
    past budget (django_assert_max_num_queries, a CaptureQueriesContext), with
    the page cache off as in every test. A first GET warms up as a running
    site is warm: the first GET of a test creates the site settings row (a
    change, which starts core.site_cache afresh), the second fills the shared
    cache with what every page reads about the site (core.site_cache) and
    Wagtail's site root paths. Every query of the page's own content is
    counted."""

    def measure(url, budget):
        for _ in range(2):
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(budget) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    return measure


# --- Test databases: one migration per run, copied for each worker ----------


def _copies_a_template(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return engine == "django.db.backends.postgresql" and not (
        config.getvalue("create_db") or config.getvalue("nomigrations")
    )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """This worker's test database (test_steady_gw0...) starts as a copy of
    one migrated template (tests/pg_template.py) instead of migrating itself.
    --create-db migrates from scratch as before; --reuse-db keeps an existing one."""
    if _copies_a_template(request.config):
        from django.conf import settings

        from tests.pg_template import clone_test_database

        clone_test_database(settings.DATABASES["default"], keep_existing=request.config.getvalue("reuse_db"))


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """Django keeps the copied database (its migrate finds nothing to do)."""
    return request.config.getvalue("reuse_db") or _copies_a_template(request.config)
