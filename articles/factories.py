import datetime

import factory
import wagtail_factories

from .models import ArticleIndexPage, ArticlePage


def simple_body(n=0):
    return [
        ("heading", {"text": "Where to begin", "level": "h2"}),
        ("paragraph", f"<p>Paragraph {n} of an article about feeling steadier day to day.</p>"),
        ("bulleted_list", {"items": ["<p>Notice the feeling</p>", "<p>Name it</p>"]}),
        ("heading", {"text": "Small steps", "level": "h2"}),
        ("numbered_steps", {"steps": [{"title": "Breathe", "text": "<p>Slowly, four counts in.</p>"}]}),
    ]


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Articles"
    slug = "articles"


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article number {n}")
    summary = factory.Faker("sentence", nb_words=14)
    published_date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300))
    body = factory.Sequence(simple_body)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
            obj.save_revision().publish()
