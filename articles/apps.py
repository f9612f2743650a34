from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Registers the comment moderator for ArticlePage.
        from . import comments  # noqa: F401
